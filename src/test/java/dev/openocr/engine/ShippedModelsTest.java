package dev.openocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.document.Page;
import dev.openocr.document.Scripts;
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
  /**
   * Each sample page with the detection F1 and end-to-end F1 (exact, IoU 0.5) the shipped models
   * measure on it against {@code samples/expected}, and the share of the expected text's words
   * the page's text holds. The test allows 0.03 below each.
   */
  static final Map<String, double[]> MEASURED = Map.of(
      "letter.png", new double[] {0.952, 0.943, 0.99},
      "form.png", new double[] {0.968, 0.968, 0.979},
      "invoice.png", new double[] {0.927, 0.891, 0.911},
      "report.tif#0", new double[] {0.956, 0.956, 1.0},
      "report.tif#1", new double[] {0.97, 0.97, 1.0},
      "form-ko.png", new double[] {0.959, 0.844, 1.0});
  static final double MARGIN = 0.03;
  /**
   * Measured on the sample pages at half resolution with the auto scale (about 0.93 and 0.84) and
   * at three times (about 0.90 and 0.89), minus a margin.
   */
  static final double MIN_RESCALED_DETECTION_F1 = 0.80;
  static final double MIN_RESCALED_E2E_CASELESS_F1 = 0.70;
  /** Hangul words read on samples-ko/form-ko.png (121 measured), minus a margin. */
  static final int MIN_KO_HANGUL_WORDS = 115;
  /** Share of form-ko.png's words auto reads as --lang ko does (0.84 measured), minus a margin. */
  static final double MIN_SAME_AS_KO = 0.81;

  private static OcrEngine engine;
  private static OcrEngine korean;
  private static OcrEngine english;

  @BeforeAll
  static void load() {
    engine = OcrEngine.load(EngineOptions.defaults().withThreads(2));
    korean = OcrEngine.load(EngineOptions.forLanguage("ko").withThreads(2));
    english = OcrEngine.load(EngineOptions.forLanguage("en").withThreads(2));
  }

  @AfterAll
  static void close() {
    engine.close();
    korean.close();
    english.close();
  }

  /** A sample page named {@code file} or {@code file#page}, in samples/ or samples-ko/. */
  private record Sample(Path dir, String file, int page) {
    static Sample of(String name) {
      String file = name.replaceFirst("#.*", "");
      int page = name.contains("#") ? Integer.parseInt(name.replaceFirst(".*#", "")) : 0;
      return new Sample(file.endsWith("-ko.png") ? Path.of("samples-ko") : SAMPLES, file, page);
    }

    GrayImage image() throws Exception {
      byte[] bytes = java.nio.file.Files.readAllBytes(dir.resolve(file));
      return dev.openocr.imageio.ImageDecoder.decodeAll(bytes, file,
          dev.openocr.imageio.DecodeLimits.defaults()).get(page);
    }

    /** expected/letter.json, report-p1.json for the second page of report.tif. */
    Path expected(String ext) {
      String stem = file.substring(0, file.lastIndexOf('.'));
      String suffix = page > 0 && ext.equals(".json") ? "-p" + page : "";
      return dir.resolve("expected").resolve(stem + suffix + ext);
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"letter.png", "form.png",
      "invoice.png", "report.tif#0", "report.tif#1", "form-ko.png"})
  void eachSamplePageReadsAsWellAsMeasured(String sample) throws Exception {
    Sample at = Sample.of(sample);
    GrayImage img = at.image();
    boolean ko = sample.endsWith("-ko.png");
    Page p;
    try (OcrSession s = engine.session()) {
      p = s.ocr(img);
    }
    assertThat(p.orientation()).as("%s is upright", sample).isZero();
    List<ScoredWord> words = new ArrayList<>();
    for (Word w : p.words()) {
      words.add(new ScoredWord(w.text(), w.box(), w.confidence()));
    }
    Scorer.Counts c = Scorer.score(Map.of(sample, ScoreFiles.read(at.expected(".json"))),
        Map.of(sample, new ScoreFiles.PageFile(sample, img.width(), img.height(), words)), 0.5);
    double textShare = textShare(at, p.words().stream().map(Word::text).toList());
    double[] m = MEASURED.get(sample);
    assertThat(c.detection()[2]).as(c.report()).isGreaterThanOrEqualTo(m[0] - MARGIN);
    assertThat(c.e2eExactPrf()[2]).as(c.report()).isGreaterThanOrEqualTo(m[1] - MARGIN);
    assertThat(textShare).as("words of expected text").isGreaterThanOrEqualTo(m[2] - MARGIN);
    assertThat(Scripts.main(p.words())).isEqualTo(ko ? Scripts.HANGUL : Scripts.LATIN);
    if (ko) {
      // Hangul is read, not only the Latin words and digits of the page
      long hangul = words.stream().filter(w -> Scripts.HANGUL.equals(Scripts.of(w.text())))
          .count();
      assertThat(hangul).isGreaterThanOrEqualTo(MIN_KO_HANGUL_WORDS);
    }
  }

  /**
   * The default, {@code auto}, reads a Latin page exactly as {@code --lang en} does, and a Hangul
   * page with the Korean pair: its words as {@code --lang ko} reads them, but for the scale the
   * English detector's first look chose.
   */
  @Test
  void autoReadsEachPageWithThePairOfItsScript() throws Exception {
    GrayImage letter = Sample.of("letter.png").image();
    GrayImage form = Sample.of("form-ko.png").image();
    try (OcrSession auto = engine.session(); OcrSession en = english.session();
        OcrSession ko = korean.session()) {
      assertThat(texts(auto.ocr(letter))).isEqualTo(texts(en.ocr(letter)));
      List<String> read = texts(auto.ocr(form));
      List<String> left = new ArrayList<>(texts(ko.ocr(form)));
      long same = read.stream().filter(left::remove).count();
      assertThat((double) same / read.size()).as("words read as --lang ko reads them")
          .isGreaterThanOrEqualTo(MIN_SAME_AS_KO);
    }
    assertThat(engine.modelId()).startsWith("craft-lean-en@").contains("+crnn-fast-en@")
        .contains("+craft-lean-ko@").contains("+crnn-lean-ko@");
  }

  private static List<String> texts(Page p) {
    return p.words().stream().map(Word::text).toList();
  }

  /**
   * The share of the words of {@code samples/expected/<stem>.txt} (this page's part: pages are
   * separated by a form-feed line) that the page's words hold, each word counted once a reading.
   */
  private static double textShare(Sample sample, List<String> read) throws Exception {
    Path txt = sample.expected(".txt");
    if (!java.nio.file.Files.exists(txt)) {
      return 1;
    }
    String[] pages = java.nio.file.Files.readString(txt).split("\n?\f\n?");
    List<String> want = List.of(pages[sample.page()].trim().split("\\s+"));
    List<String> left = new ArrayList<>(read);
    long found = want.stream().filter(left::remove).count();
    return (double) found / want.size();
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

  /** A Hangul page turned votes again once upright, and is read with the Korean pair. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"letter.png, 90", "letter.png, 180",
      "letter.png, 270", "form-ko.png, 90", "form-ko.png, 180"})
  void aTurnedPageComesOutUprightWithBoxesOnTheScan(String sample, int degrees) throws Exception {
    GrayImage upright = Sample.of(sample).image();
    GrayImage scan = upright.rotate(degrees);
    try (OcrSession s = engine.session()) {
      Page straight = s.ocr(upright);
      Page turned = s.ocr(scan);
      assertThat(turned.orientation()).isEqualTo(degrees);
      assertThat(Scripts.main(turned.words())).isEqualTo(Scripts.main(straight.words()));
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

  /**
   * A letter with a word printed bottom to top in its left margin ("Received", its baseline's
   * start at (60, 500)) and one printed top to bottom in its right margin ("Confidential", from
   * (830, 100)), as reference numbers, stamps and Bates numbers are.
   */
  static GrayImage letterWithSidewaysWords() {
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(900, 640,
        java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    java.awt.Graphics2D g = img.createGraphics();
    try {
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, img.getWidth(), img.getHeight());
      g.setColor(java.awt.Color.BLACK);
      g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
          java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(new java.awt.Font("DejaVu Serif", java.awt.Font.PLAIN, 20));
      String[] body = {"Thank you for your letter of the fourth of March.",
          "We have looked into the matter and enclose the papers",
          "you asked for, with our account of the last quarter.",
          "Please write to us again if anything is missing."};
      for (int i = 0; i < body.length; i++) {
        g.drawString(body[i], 130, 120 + 44 * i);
      }
      java.awt.geom.AffineTransform keep = g.getTransform();
      g.rotate(-Math.PI / 2, 60, 500);
      g.drawString("Received", 60, 500);
      g.setTransform(keep);
      g.rotate(Math.PI / 2, 830, 100);
      g.drawString("Confidential", 830, 100);
      g.setTransform(keep);
    } finally {
      g.dispose();
    }
    return GrayImage.fromBufferedImage(img);
  }

  private static Word find(Page p, String text) {
    return p.words().stream().filter(w -> w.text().equals(text)).findFirst()
        .orElseThrow(() -> new AssertionError(text + " not read; read: "
            + p.words().stream().map(Word::text).toList()));
  }

  /**
   * The shipped detector scores sideways words under its text threshold; its sideways pass finds
   * them, and the engine reads each the way round that reads best. Their quads' corners come in
   * reading order (the first is the text's top-left).
   */
  @Test
  void wordsPrintedSidewaysInTheMarginsAreFoundAndReadUpright() {
    Page p;
    try (OcrSession s = engine.session()) {
      p = s.ocr(letterWithSidewaysWords());
    }
    assertThat(p.orientation()).isZero();
    Word up = find(p, "Received");
    Word down = find(p, "Confidential");
    // the boxes stand upright where the words were drawn
    assertThat(up.box().height()).isGreaterThan(2 * up.box().width());
    assertThat(up.box().left()).isBetween(30.0, 70.0);
    assertThat(up.box().bottom()).isBetween(480.0, 520.0);
    assertThat(down.box().height()).isGreaterThan(2 * down.box().width());
    assertThat(down.box().right()).isBetween(820.0, 860.0);
    assertThat(down.box().top()).isBetween(80.0, 120.0);
    // reading order: bottom to top starts at the box's bottom-left, top to bottom at its top-right
    assertThat(up.quad().y0()).isGreaterThan((up.box().top() + up.box().bottom()) / 2);
    assertThat(up.quad().x0()).isLessThan((up.box().left() + up.box().right()) / 2);
    assertThat(down.quad().x0()).isGreaterThan((down.box().left() + down.box().right()) / 2);
    assertThat(down.quad().y0()).isLessThan((down.box().top() + down.box().bottom()) / 2);
    // the letter itself is still read across
    assertThat(p.words().stream().map(Word::text)).contains("Thank", "letter", "missing.");
  }

  /**
   * A detector that gives sideways words plain upright boxes (corners from the top-left, as a
   * network that scores them high does): the engine reads tall boxes turned both ways too and
   * keeps the turned reading, with its quad in reading order; a tall box around one upright
   * character keeps its upright reading.
   */
  @Test
  void aTallUprightBoxAroundASidewaysWordIsReadTurned() {
    GrayImage page = letterWithSidewaysWords();
    try (OcrSession s = engine.session()) {
      // the ink of "Received" runs from y = 500 up; of "Confidential" from y = 100 down; the
      // capital T of "Thank" stands at x 130..143
      List<dev.openocr.detect.DetectedWord> boxes = List.of(
          new dev.openocr.detect.DetectedWord(box(42, 410, 62, 500), 0.9),
          new dev.openocr.detect.DetectedWord(box(828, 100, 848, 222), 0.9),
          new dev.openocr.detect.DetectedWord(box(129, 104, 144, 121), 0.9));
      dev.openocr.detect.TextDetector stub = new dev.openocr.detect.TextDetector() {
        @Override
        public List<dev.openocr.detect.DetectedWord> detect(GrayImage img) {
          return boxes;
        }

        @Override
        public dev.openocr.detect.DetectorOptions.CropMargin cropMargin() {
          return s.detector().cropMargin();
        }

        @Override
        public void close() {}
      };
      // not closed: it shares the session's recognizer, which the session closes
      Page p = new OcrSession(stub, s.recognizer(), false).ocr(page);
      Word up = find(p, "Received");
      Word down = find(p, "Confidential");
      assertThat(up.quad().y0()).isGreaterThan((up.box().top() + up.box().bottom()) / 2);
      assertThat(down.quad().x0()).isGreaterThan((down.box().left() + down.box().right()) / 2);
      Word t = find(p, "T");
      assertThat(t.quad().x0()).isEqualTo(129.0);
      assertThat(t.quad().y0()).isEqualTo(104.0);
    }
  }

  private static dev.openocr.geometry.Quad box(double l, double t, double r, double b) {
    return new dev.openocr.geometry.Quad(l, t, r, t, r, b, l, b);
  }
}
