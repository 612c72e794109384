package dev.openocr.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Helpers for tests that compare training runs. */
final class Runs {
  private Runs() {}

  /** A copy of a run folder. */
  static void copy(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path t = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else {
          Files.copy(f, t);
        }
      }
    }
  }

  /** Largest difference between the same parameters (weights and running statistics). */
  static float maxDifference(Block a, Block b) {
    assertThat(names(b)).containsExactlyElementsOf(names(a));
    return maxDifference(a, b, p -> true);
  }

  /**
   * Largest difference between the parameters of {@code a} that {@code which} accepts and their
   * namesakes in {@code b}, which may hold more (a network grown from {@code a}).
   */
  static float maxDifference(Block a, Block b, Predicate<Parameter> which) {
    Map<String, Parameter> inB = new HashMap<>();
    for (Pair<String, Parameter> p : b.getParameters()) {
      inB.put(p.getKey(), p.getValue());
    }
    float max = 0;
    for (Pair<String, Parameter> p : a.getParameters()) {
      if (!which.test(p.getValue())) {
        continue;
      }
      Parameter q = inB.get(p.getKey());
      assertThat(q).as(p.getKey()).isNotNull();
      float[] x = p.getValue().getArray().toFloatArray();
      float[] y = q.getArray().toFloatArray();
      for (int k = 0; k < x.length; k++) {
        max = Math.max(max, Math.abs(x[k] - y[k]));
      }
    }
    return max;
  }

  private static List<String> names(Block b) {
    List<String> out = new ArrayList<>();
    b.getParameters().forEach(p -> out.add(p.getKey()));
    return out;
  }
}
