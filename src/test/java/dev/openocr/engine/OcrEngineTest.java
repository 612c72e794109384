package dev.openocr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.document.Page;
import dev.openocr.document.Word;
import dev.openocr.imageio.GrayImage;
import dev.openocr.testing.TinyBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading bundles and running the whole pipeline on untrained weights. */
class OcrEngineTest {
  @TempDir
  Path tmp;

  @Test
  void loadsBundlesAndReadsAPageWithWordsInsideIt() {
    Path det = TinyBundles.detector(tmp.resolve("det"));
    Path rec = TinyBundles.recognizer(tmp.resolve("rec"));
    EngineOptions opts = EngineOptions.defaults().withModels(det.toString(), rec.toString());
    GrayImage page = GrayImage.blank(300, 200);
    try (OcrEngine engine = OcrEngine.load(opts); OcrSession s = engine.session()) {
      assertThat(engine.modelId()).startsWith("craft-lean-test@").contains("+crnn-lean-test@");
      Page p = s.ocr(page);
      assertThat(p.width()).isEqualTo(300);
      assertThat(p.height()).isEqualTo(200);
      for (Word w : p.words()) {
        assertThat(w.box().left()).isBetween(0.0, 300.0);
        assertThat(w.box().bottom()).isBetween(0.0, 200.0);
        assertThat(w.confidence()).isBetween(0.0, 1.0);
      }
    }
  }

  @Test
  void aBundleOfOnesOwnTurnsScriptRoutingOff() {
    EngineOptions auto = EngineOptions.defaults();
    assertThat(auto.routesScripts()).isTrue();
    assertThat(auto.withModels(null, null).routesScripts()).isTrue();
    assertThat(auto.withModels("det", null).routesScripts()).isFalse();
    assertThat(auto.withModels(null, "rec").routesScripts()).isFalse();
    assertThat(EngineOptions.forLanguage("en").routesScripts()).isFalse();
  }

  @Test
  void aHangulDetectorWithOtherWeightsIsRefused() {
    Path det = TinyBundles.detector(tmp.resolve("det"), 1);
    Path other = TinyBundles.detector(tmp.resolve("other"), 2);
    Path rec = TinyBundles.recognizer(tmp.resolve("rec"));
    EngineOptions opts = new EngineOptions(det.toString(), rec.toString(), "cpu", 1, false, null,
        true, false, dev.openocr.nn.Backend.DEFAULT, other.toString(), rec.toString());
    assertThatThrownBy(() -> OcrEngine.load(opts)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(other.toString()).hasMessageContaining("must hold the weights of");
  }

  @Test
  void aRoutingEngineNamesBothPairsAndReadsABlankPage() {
    Path det = TinyBundles.detector(tmp.resolve("det"));
    Path rec = TinyBundles.recognizer(tmp.resolve("rec"));
    EngineOptions opts = new EngineOptions(det.toString(), rec.toString(), "cpu", 1, true, null,
        true, false, dev.openocr.nn.Backend.DEFAULT, det.toString(), rec.toString());
    try (OcrEngine engine = OcrEngine.load(opts); OcrSession s = engine.session()) {
      // every bundle is named in the rows, the Hangul pair's after the Latin pair's
      assertThat(engine.modelId().split("\\+")).hasSize(4);
      Page p = s.ocr(GrayImage.blank(300, 200));
      assertThat(p.width()).isEqualTo(300);
    }
  }

  @Test
  void corruptWeightsFailFastNamingTheFileAndChecksum() throws Exception {
    Path det = TinyBundles.detector(tmp.resolve("det"));
    Path rec = TinyBundles.recognizer(tmp.resolve("rec"));
    byte[] w = Files.readAllBytes(rec.resolve("weights.params"));
    w[w.length / 2] ^= 0x5a;
    Files.write(rec.resolve("weights.params"), w);
    EngineOptions opts = EngineOptions.defaults().withModels(det.toString(), rec.toString());
    assertThatThrownBy(() -> OcrEngine.load(opts))
        .hasMessageContaining("weights.params")
        .hasMessageContaining("expected sha256");
  }

  @Test
  void missingBundleIsAClearError() {
    EngineOptions opts = EngineOptions.defaults().withModels(tmp.resolve("nope").toString(), null);
    assertThatThrownBy(() -> OcrEngine.load(opts)).hasMessageContaining("model.json")
        .hasMessageContaining("nope");
  }
}
