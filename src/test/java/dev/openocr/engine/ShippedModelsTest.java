package dev.openocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.document.Page;
import dev.openocr.document.Word;
import dev.openocr.eval.ScoreFiles;
import dev.openocr.eval.ScoredWord;
import dev.openocr.eval.Scorer;
import dev.openocr.imageio.GrayImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The models shipped in the jar read the bundled sample pages (their expected words are known). */
class ShippedModelsTest {
  private static final Path SAMPLES = Path.of("samples");
  /** Measured on these pages when the first models shipped (0.61 and 0.50), minus a margin. */
  static final double MIN_DETECTION_F1 = 0.50;
  static final double MIN_E2E_CASELESS_F1 = 0.40;
  /**
   * Measured on the sample pages at half resolution with the auto scale (about 0.93 and 0.84) and
   * at three times (about 0.90 and 0.89), minus a margin.
   */
  static final double MIN_RESCALED_DETECTION_F1 = 0.80;
  static final double MIN_RESCALED_E2E_CASELESS_F1 = 0.70;
  /** Measured on samples-ko/form-ko.png when crnn-lean-ko shipped (0.294, 154), minus a margin. */
  static final double MIN_KO_E2E_EXACT_F1 = 0.20;
  static final int MIN_KO_HANGUL_WORDS = 100;

  private static OcrEngine engine;

  @BeforeAll
  static void load() {
    engine = OcrEngine.load(EngineOptions.defaults().withThreads(2));
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void readsTheSamplePagesWithTheShippedModels() throws Exception {
    Map<String, ScoreFiles.PageFile> truth = new TreeMap<>();
    Map<String, ScoreFiles.PageFile> pred = new TreeMap<>();
    try (OcrSession s = engine.session()) {
      for (String stem : new String[] {"letter", "form", "invoice"}) {
        truth.put(stem, ScoreFiles.read(SAMPLES.resolve("expected").resolve(stem + ".json")));
        GrayImage img = GrayImage.fromBufferedImage(ImageIO.read(SAMPLES.resolve(stem + ".png").toFile()));
        Page p = s.ocr(img);
        assertThat(p.orientation()).as("%s is upright", stem).isZero();
        List<ScoredWord> words = new ArrayList<>();
        for (Word w : p.words()) {
          words.add(new ScoredWord(w.text(), w.box(), w.confidence()));
        }
        pred.put(stem, new ScoreFiles.PageFile(stem + ".png", img.width(), img.height(), words));
      }
    }
    Scorer.Counts c = Scorer.score(truth, pred, 0.5);
    assertThat(c.detection()[2]).as(c.report()).isGreaterThanOrEqualTo(MIN_DETECTION_F1);
    assertThat(c.e2eCaselessPrf()[2]).as(c.report()).isGreaterThanOrEqualTo(MIN_E2E_CASELESS_F1);
  }

  /**
   * The sample pages scanned at half and at three times their resolution. The detector's auto
   * scale brings the print to the size it was trained on either way. At half resolution a fixed
   * magnification loses about half the words (detection F1 0.50 when this test was written). At
   * three times a fixed magnification reads as well, for many times the detection time
   * (BENCHMARKS.md).
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(doubles = {0.5, 3.0})
  void aScanAtAnotherResolutionIsReadAtTheScaleOfItsPrint(double factor) throws Exception {
    Map<String, ScoreFiles.PageFile> truth = new TreeMap<>();
    Map<String, ScoreFiles.PageFile> pred = new TreeMap<>();
    try (OcrSession s = engine.session()) {
      for (String stem : new String[] {"letter", "form", "invoice"}) {
        GrayImage original = GrayImage.fromBufferedImage(
            ImageIO.read(SAMPLES.resolve(stem + ".png").toFile()));
        GrayImage img = dev.openocr.imageio.Resize.to(original,
            (int) Math.round(original.width() * factor),
            (int) Math.round(original.height() * factor));
        ScoreFiles.PageFile gt = ScoreFiles.read(SAMPLES.resolve("expected").resolve(stem + ".json"));
        List<ScoredWord> scaled = new ArrayList<>();
        for (ScoredWord w : gt.words()) {
          scaled.add(new ScoredWord(w.text(), new dev.openocr.geometry.Box(w.box().left() * factor,
              w.box().top() * factor, w.box().right() * factor, w.box().bottom() * factor), 1));
        }
        truth.put(stem, new ScoreFiles.PageFile(stem + ".png", img.width(), img.height(), scaled));
        List<ScoredWord> words = new ArrayList<>();
        for (Word w : s.ocr(img).words()) {
          words.add(new ScoredWord(w.text(), w.box(), w.confidence()));
        }
        pred.put(stem, new ScoreFiles.PageFile(stem + ".png", img.width(), img.height(), words));
      }
    }
    Scorer.Counts c = Scorer.score(truth, pred, 0.5);
    assertThat(c.detection()[2]).as(c.report()).isGreaterThanOrEqualTo(MIN_RESCALED_DETECTION_F1);
    assertThat(c.e2eCaselessPrf()[2]).as(c.report())
        .isGreaterThanOrEqualTo(MIN_RESCALED_E2E_CASELESS_F1);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {90, 180, 270})
  void aTurnedPageComesOutUprightWithBoxesOnTheScan(int degrees) throws Exception {
    GrayImage upright = GrayImage.fromBufferedImage(ImageIO.read(SAMPLES.resolve("letter.png").toFile()));
    GrayImage scan = upright.rotate(degrees);
    try (OcrSession s = engine.session()) {
      Page straight = s.ocr(upright);
      Page turned = s.ocr(scan);
      assertThat(turned.orientation()).isEqualTo(degrees);
      assertThat(turned.width()).isEqualTo(scan.width());
      for (Word w : turned.words()) {
        assertThat(w.box().right()).isLessThanOrEqualTo(scan.width() + 1.0);
        assertThat(w.box().bottom()).isLessThanOrEqualTo(scan.height() + 1.0);
      }
      // the same words are read either way
      List<String> a = straight.words().stream().map(Word::text).toList();
      List<String> b = new ArrayList<>(turned.words().stream().map(Word::text).toList());
      long common = a.stream().filter(b::remove).count();
      assertThat(common).isGreaterThan(a.size() * 6 / 10);
    }
  }

  @Test
  void theKoreanBundlesReadTheKoreanSample() throws Exception {
    Path dir = Path.of("samples-ko");
    ScoreFiles.PageFile gt = ScoreFiles.read(dir.resolve("expected").resolve("form-ko.json"));
    GrayImage img = GrayImage.fromBufferedImage(ImageIO.read(dir.resolve("form-ko.png").toFile()));
    List<ScoredWord> words = new ArrayList<>();
    try (OcrEngine ko = OcrEngine.load(EngineOptions.forLanguage("ko").withThreads(2));
         OcrSession s = ko.session()) {
      assertThat(ko.modelId()).startsWith("craft-lean-ko@").contains("+crnn-lean-ko@");
      for (Word w : s.ocr(img).words()) {
        words.add(new ScoredWord(w.text(), w.box(), w.confidence()));
      }
    }
    Scorer.Counts c = Scorer.score(Map.of("form-ko", gt),
        Map.of("form-ko", new ScoreFiles.PageFile("form-ko.png", img.width(), img.height(), words)),
        0.5);
    assertThat(c.e2eExactPrf()[2]).as(c.report()).isGreaterThanOrEqualTo(MIN_KO_E2E_EXACT_F1);
    // Hangul is read, not only the Latin words and digits of the page
    long hangul = words.stream().filter(w -> w.text().codePoints()
        .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL)).count();
    assertThat(hangul).isGreaterThanOrEqualTo(MIN_KO_HANGUL_WORDS);
  }
}
