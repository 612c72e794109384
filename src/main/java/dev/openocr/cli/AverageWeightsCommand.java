package dev.openocr.cli;

import ai.djl.nn.Block;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.openocr.detect.DetectorModel;
import dev.openocr.engine.NativeSetup;
import dev.openocr.nn.ModelBundle;
import dev.openocr.nn.Params;
import dev.openocr.nn.WeightAverage;
import dev.openocr.recognize.RecognizerModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code openocr average-weights}: a bundle whose weights are the mean of the given bundles'
 * (checkpoints of one run, or runs fine-tuned from one bundle). The first bundle gives the
 * manifest's settings (inference, decoding) and extra files; the training section records the
 * sources and the command; metrics start empty, to be measured with {@code eval}.
 */
@Command(name = "average-weights", mixinStandardHelpOptions = true,
    description = "Average the weights of bundles of one architecture into a new bundle "
        + "(settings and files from the first).")
public final class AverageWeightsCommand implements Callable<Integer> {
  @Parameters(arity = "2..*", paramLabel = "BUNDLE",
      description = "Bundles (folders or classpath:models/NAME) of one kind and architecture.")
  List<String> bundles;

  @Option(names = "--output", required = true, description = "Folder of the new bundle.")
  Path output;

  @Option(names = "--id", description = "Id of the new bundle (default: the first bundle's).")
  String id;

  @Override
  public Integer call() throws Exception {
    NativeSetup.configure(1);
    DerivedBundles.refuseExisting(output);
    List<ModelBundle> in = new ArrayList<>();
    for (String b : bundles) {
      in.add(ModelBundle.open(b));
    }
    ModelBundle first = in.get(0);
    for (ModelBundle b : in) {
      if (b.manifest().has(RecognizerModel.ENSEMBLE)) {
        throw new IllegalArgumentException("Cannot average " + b.location()
            + ": it is an ensemble of recognizers; average the bundles it was made of");
      }
      if (!b.kind().equals(first.kind()) || !b.architecture().equals(first.architecture())) {
        throw new IllegalArgumentException("Cannot average " + b.location() + " (" + b.kind()
            + " " + b.architecture() + ") with " + first.location() + " (" + first.kind() + " "
            + first.architecture() + ")");
      }
    }
    Map<String, byte[]> extra = new LinkedHashMap<>();
    byte[] weights;
    if (DetectorModel.KIND.equals(first.kind())) {
      weights = average(in, b -> DetectorModel.load(b, "cpu"), d -> d.model().getBlock());
    } else if (RecognizerModel.KIND.equals(first.kind())) {
      extra.putAll(DerivedBundles.recognizerFiles(in));
      weights = average(in, b -> RecognizerModel.load(b, "cpu"), r -> r.model().getBlock());
    } else {
      throw new IllegalArgumentException("Unknown bundle kind: " + first.kind());
    }
    JsonObject training = new JsonObject();
    JsonObject old = first.manifest().getAsJsonObject("training");
    if (old != null && old.has("data")) {
      training.add("data", old.get("data"));
    }
    training.addProperty("command", "openocr average-weights --output " + output
        + (id != null ? " --id " + id : "") + " " + String.join(" ", bundles));
    JsonArray from = new JsonArray();
    for (ModelBundle b : in) {
      JsonObject f = DerivedBundles.source(b);
      JsonObject t = b.manifest().getAsJsonObject("training");
      if (t != null && t.has("run")) {
        f.add("run", t.get("run"));
      }
      if (t != null && t.has("steps")) {
        f.add("steps", t.get("steps"));
      }
      from.add(f);
    }
    training.add("averaged_from", from);
    JsonObject m = DerivedBundles.manifest(first, id, training);
    ModelBundle.write(output, m, weights, extra);
    System.out.printf("Averaged %d %s bundles into %s%n", in.size(), first.kind(), output);
    return 0;
  }

  /** Loads every bundle, averages their networks into the first one's and returns its weights. */
  private static <M extends AutoCloseable> byte[] average(List<ModelBundle> in,
      Function<ModelBundle, M> load, Function<M, Block> block) throws Exception {
    List<M> ms = new ArrayList<>();
    try {
      for (ModelBundle b : in) {
        ms.add(load.apply(b));
      }
      List<Block> rest = ms.subList(1, ms.size()).stream().map(block).toList();
      WeightAverage.averageInto(block.apply(ms.get(0)), rest);
      return Params.save(block.apply(ms.get(0)));
    } finally {
      for (M m : ms) {
        m.close();
      }
    }
  }
}
