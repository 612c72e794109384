package dev.openocr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.openocr.nn.ModelBundle;
import dev.openocr.recognize.Charset;
import dev.openocr.recognize.EnsembleNet;
import dev.openocr.recognize.RecognizerModel;
import dev.openocr.testing.TinyBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnsembleCommandTest {
  @Test
  void writesABundleOfTheMembersThatRecordsThemAndLoads(@TempDir Path dir) throws Exception {
    String a = TinyBundles.recognizer(dir.resolve("a")).toString();
    String b = TinyBundles.recognizer(dir.resolve("b"), Charset.builtin("en"), 2).toString();
    String c = TinyBundles.recognizer(dir.resolve("c"), Charset.builtin("en"), 3).toString();
    Path out = dir.resolve("trio");
    assertThat(Main.execute("ensemble", "--output", out.toString(), "--id", "crnn-trio",
        "--rerun-below", "0.8", "--combine", "geometric", a, b, c)).isZero();

    ModelBundle trio = ModelBundle.open(out.toString());
    assertThat(trio.id()).isEqualTo("crnn-trio");
    assertThat(trio.architecture()).isEqualTo(ModelBundle.open(a).architecture());
    JsonObject e = trio.manifest().getAsJsonObject(RecognizerModel.ENSEMBLE);
    assertThat(e.getAsJsonArray("members")).hasSize(2);
    assertThat(e.get("rerunBelow").getAsDouble()).isEqualTo(0.8);
    JsonObject t = trio.manifest().getAsJsonObject("training");
    assertThat(t.getAsJsonArray("members")).hasSize(3);
    assertThat(t.getAsJsonArray("members").get(2).getAsJsonObject().get("sha256").getAsString())
        .isEqualTo(ModelBundle.open(c).expectedSha256());
    assertThat(t.get("command").getAsString()).startsWith("openocr ensemble").contains(c);
    assertThat(Files.readString(out.resolve(RecognizerModel.CHARSET_FILE)))
        .isEqualTo(Files.readString(Path.of(a).resolve(RecognizerModel.CHARSET_FILE)));
    try (RecognizerModel m = RecognizerModel.load(trio, "cpu")) {
      assertThat(m.ensemble().others()).hasSize(2);
      assertThat(m.ensemble().combine()).isEqualTo(EnsembleNet.Combine.GEOMETRIC);
      // the members' weights, in order, after the first's
      float[] last = m.model().getBlock().getChildren().get(2).getValue().getParameters().get(0)
          .getValue().getArray().toFloatArray();
      try (RecognizerModel mc = RecognizerModel.load(ModelBundle.open(c), "cpu")) {
        assertThat(last).isEqualTo(mc.model().getBlock().getParameters().get(0).getValue()
            .getArray().toFloatArray());
      }
    }
  }

  @Test
  void refusesWhatCannotCombineAndAnEnsembleCannotBeAveragedOrTrained(@TempDir Path dir) {
    String rec = TinyBundles.recognizer(dir.resolve("r")).toString();
    String det = TinyBundles.detector(dir.resolve("d")).toString();
    Path out = dir.resolve("e");
    assertThat(Main.execute("ensemble", "--output", out.toString(), rec, det)).isNotZero();
    assertThat(Main.execute("ensemble", "--output", out.toString(), rec)).isNotZero();
    assertThat(Main.execute("ensemble", "--output", out.toString(), "--rerun-below", "2", rec,
        rec)).isNotZero();
    // another charset (Korean) does not combine with the English one
    assertThat(Main.execute("ensemble", "--output", out.toString(), rec,
        "classpath:models/crnn-lean-ko")).isNotZero();
    assertThat(out.resolve(ModelBundle.MANIFEST)).doesNotExist();

    assertThat(Main.execute("ensemble", "--output", out.toString(), rec, rec)).isZero();
    Path more = dir.resolve("more");
    assertThat(Main.execute("ensemble", "--output", more.toString(), out.toString(), rec))
        .isNotZero();
    assertThat(Main.execute("average-weights", "--output", more.toString(), out.toString(),
        out.toString())).isNotZero();
    assertThat(more.resolve(ModelBundle.MANIFEST)).doesNotExist();
    assertThat(Main.execute("train-recognizer", "--run-dir", dir.resolve("run").toString(),
        "--init", out.toString(), "--steps", "2")).isNotZero();
    assertThat(dir.resolve("run").resolve("checkpoint")).doesNotExist();
  }
}
