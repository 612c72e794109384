package dev.openocr.cli;

import ai.djl.Model;
import ai.djl.nn.Block;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.openocr.engine.NativeSetup;
import dev.openocr.nn.ModelBundle;
import dev.openocr.nn.Params;
import dev.openocr.recognize.Charset;
import dev.openocr.recognize.EnsembleNet;
import dev.openocr.recognize.RecognizerModel;
import dev.openocr.recognize.RecognizerSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code openocr ensemble}: one recognizer bundle that reads with several CTC recognizers of one
 * charset. The first reads every crop; the crops it is unsure of are read again by all of them,
 * their per-frame distributions combined ({@link EnsembleNet}). The first bundle gives
 * the manifest's settings (decoding) and extra files; metrics start empty, to be measured with
 * {@code eval}.
 */
@Command(name = "ensemble", mixinStandardHelpOptions = true,
    description = "Combine CTC recognizer bundles of one charset into one bundle that reads "
        + "again, with all of them, the crops the first is unsure of (settings and files from "
        + "the first).")
public final class EnsembleCommand implements Callable<Integer> {
  @Parameters(arity = "2..*", paramLabel = "BUNDLE",
      description = "Recognizer bundles (folders or classpath:models/NAME), the first reading "
          + "every crop. Members should be trained from one another (fine-tuned, grown or "
          + "averaged from one bundle) so that their frames align.")
  List<String> bundles;

  @Option(names = "--output", required = true, description = "Folder of the new bundle.")
  Path output;

  @Option(names = "--id", description = "Id of the new bundle (default: the first bundle's).")
  String id;

  @Option(names = "--rerun-below", defaultValue = "1",
      description = "The first bundle reads every crop alone; the ensemble reads again those it "
          + "reads with a confidence below this (0: none, 1: the ensemble reads every crop; "
          + "default ${DEFAULT-VALUE}).")
  double rerunBelow;

  @Option(names = "--combine", defaultValue = "MEAN",
      description = "How per-frame class distributions combine: ${COMPLETION-CANDIDATES} "
          + "(default ${DEFAULT-VALUE}).")
  EnsembleNet.Combine combine;

  @Override
  public Integer call() throws Exception {
    NativeSetup.configure(1);
    DerivedBundles.refuseExisting(output);
    List<ModelBundle> in = new ArrayList<>();
    for (String b : bundles) {
      ModelBundle mb = ModelBundle.open(b);
      if (!RecognizerModel.KIND.equals(mb.kind())) {
        throw new IllegalArgumentException(b + " is a " + mb.kind() + " bundle, not a recognizer");
      }
      if (mb.manifest().has(RecognizerModel.ENSEMBLE)) {
        throw new IllegalArgumentException(b + " is an ensemble already; name its members");
      }
      in.add(mb);
    }
    ModelBundle first = in.get(0);
    Map<String, byte[]> files = DerivedBundles.recognizerFiles(in);
    List<RecognizerSpec> others = new ArrayList<>();
    for (ModelBundle b : in.subList(1, in.size())) {
      others.add(RecognizerModel.specOf(b.architecture()));
    }
    RecognizerModel.Ensemble ensemble = new RecognizerModel.Ensemble(others, rerunBelow, combine);
    Charset cs = Charset.parse(new String(files.get(RecognizerModel.CHARSET_FILE),
        StandardCharsets.UTF_8));
    byte[] weights;
    try (Model m = RecognizerModel.newEnsembleModel(
        RecognizerModel.specOf(first.architecture()), ensemble, cs)) {
      List<Block> members = m.getBlock().getChildren().values();
      for (int i = 0; i < in.size(); i++) {
        Params.load(members.get(i), m.getNDManager(), in.get(i).weights(), in.get(i).location());
      }
      weights = Params.save(m.getBlock());
    }
    long params = 0;
    JsonArray from = new JsonArray();
    for (ModelBundle b : in) {
      from.add(DerivedBundles.source(b));
      if (b.manifest().has("parameters")) {
        params += b.manifest().get("parameters").getAsLong();
      }
    }
    JsonObject training = new JsonObject();
    training.addProperty("command", "openocr ensemble --output " + output
        + (id != null ? " --id " + id : "") + " --rerun-below " + rerunBelow + " --combine "
        + combine + " " + String.join(" ", bundles));
    training.add("members", from);
    JsonObject m = DerivedBundles.manifest(first, id, training);
    m.add(RecognizerModel.ENSEMBLE, RecognizerModel.ensembleJson(ensemble));
    if (params > 0) {
      m.addProperty("parameters", params);
    }
    ModelBundle.write(output, m, weights, files);
    System.out.printf("Combined %d recognizers into %s%n", in.size(), output);
    return 0;
  }
}
