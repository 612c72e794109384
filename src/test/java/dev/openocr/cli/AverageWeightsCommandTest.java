package dev.openocr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import dev.openocr.detect.DetectorModel;
import dev.openocr.nn.ModelBundle;
import dev.openocr.recognize.Charset;
import dev.openocr.recognize.RecognizerModel;
import dev.openocr.testing.TinyBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AverageWeightsCommandTest {
  private static float[] firstWeights(String bundle) {
    try (RecognizerModel m = RecognizerModel.load(ModelBundle.open(bundle), "cpu")) {
      return m.model().getBlock().getParameters().get(0).getValue().getArray().toFloatArray();
    }
  }

  @Test
  void writesABundleOfTheMeanWeightsThatRecordsItsSources(@TempDir Path dir) throws Exception {
    String a = TinyBundles.recognizer(dir.resolve("a")).toString();
    String b = TinyBundles.recognizer(dir.resolve("b"), Charset.builtin("en"), 2).toString();
    Path out = dir.resolve("soup");
    assertThat(Main.execute("average-weights", "--output", out.toString(), "--id", "crnn-soup",
        a, b)).isZero();

    float[] wa = firstWeights(a);
    float[] wb = firstWeights(b);
    float[] ws = firstWeights(out.toString());
    assertThat(ws).hasSameSizeAs(wa);
    for (int i = 0; i < ws.length; i++) {
      assertThat(ws[i]).isCloseTo((wa[i] + wb[i]) / 2, within(1e-6f));
    }
    assertThat(ws).isNotEqualTo(wa);

    ModelBundle soup = ModelBundle.open(out.toString());
    assertThat(soup.id()).isEqualTo("crnn-soup");
    assertThat(soup.architecture()).isEqualTo(ModelBundle.open(a).architecture());
    JsonObject t = soup.manifest().getAsJsonObject("training");
    assertThat(t.getAsJsonArray("averaged_from")).hasSize(2);
    assertThat(t.getAsJsonArray("averaged_from").get(1).getAsJsonObject().get("sha256")
        .getAsString()).isEqualTo(ModelBundle.open(b).expectedSha256());
    assertThat(t.get("command").getAsString()).startsWith("openocr average-weights").contains(a);
    assertThat(Files.readString(out.resolve(RecognizerModel.CHARSET_FILE)))
        .isEqualTo(Files.readString(Path.of(a).resolve(RecognizerModel.CHARSET_FILE)));
  }

  @Test
  void averagesDetectorsKeepingTheFirstBundlesInferenceSettings(@TempDir Path dir) {
    String a = TinyBundles.detector(dir.resolve("a")).toString();
    String b = TinyBundles.detector(dir.resolve("b"), 2).toString();
    Path out = dir.resolve("soup");
    assertThat(Main.execute("average-weights", "--output", out.toString(), a, b)).isZero();
    ModelBundle soup = ModelBundle.open(out.toString());
    assertThat(soup.kind()).isEqualTo("detector");
    assertThat(soup.manifest().get("inference"))
        .isEqualTo(ModelBundle.open(a).manifest().get("inference"));
    assertThat(soup.expectedSha256()).isNotEqualTo(ModelBundle.open(a).expectedSha256())
        .isNotEqualTo(ModelBundle.open(b).expectedSha256());
    try (DetectorModel m = DetectorModel.load(soup, "cpu")) {
      assertThat(m.spec().variant()).isEqualTo("lean");
    }
  }

  @Test
  void refusesBundlesOfAnotherKindAndAnExistingOutput(@TempDir Path dir) {
    String rec = TinyBundles.recognizer(dir.resolve("r")).toString();
    String det = TinyBundles.detector(dir.resolve("d")).toString();
    Path out = dir.resolve("soup");
    assertThat(Main.execute("average-weights", "--output", out.toString(), rec, det)).isNotZero();
    assertThat(out.resolve("model.json")).doesNotExist();
    // one bundle is no average
    assertThat(Main.execute("average-weights", "--output", out.toString(), rec)).isNotZero();
    // an existing bundle is not overwritten
    assertThat(Main.execute("average-weights", "--output", dir.resolve("r").toString(), rec,
        rec)).isNotZero();
  }
}
