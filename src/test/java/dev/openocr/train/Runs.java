package dev.openocr.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
    List<Pair<String, Parameter>> pa = new ArrayList<>();
    a.getParameters().forEach(pa::add);
    List<Pair<String, Parameter>> pb = new ArrayList<>();
    b.getParameters().forEach(pb::add);
    assertThat(pb.stream().map(Pair::getKey)).containsExactlyElementsOf(
        pa.stream().map(Pair::getKey).toList());
    float max = 0;
    for (int i = 0; i < pa.size(); i++) {
      float[] x = pa.get(i).getValue().getArray().toFloatArray();
      float[] y = pb.get(i).getValue().getArray().toFloatArray();
      for (int k = 0; k < x.length; k++) {
        max = Math.max(max, Math.abs(x[k] - y[k]));
      }
    }
    return max;
  }
}
