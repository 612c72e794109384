package dev.openocr.engine;

import dev.openocr.detect.DetectedWord;
import dev.openocr.detect.DetectorOptions;
import dev.openocr.document.Scripts;
import dev.openocr.geometry.Quad;
import dev.openocr.imageio.GrayImage;
import dev.openocr.recognize.CropPreprocessor;
import dev.openocr.recognize.Recognition;
import dev.openocr.recognize.TextRecognizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Which script a page is printed in, Hangul or Latin, from a sample of its words read by both
 * recognizers: the "direction and script" step of a multi-script OCR pipeline, done with the
 * recognizers the page is read with anyway. A word votes Hangul when the Hangul recognizer (whose
 * charset also holds the Latin one) reads a Hangul syllable in it and reads it with more
 * log-probability per character than the Latin recognizer; the page is Hangul when more than half
 * of its sample votes so. The Hangul recognizer reads 0.1% of the words of English print and 2% of
 * FUNSD's words as Hangul (14% on the worst page), and 95% of Korean print's.
 */
final class ScriptVote implements AutoCloseable {
  /**
   * Words read both ways. The vote and the probe it needs add about 25 ms of detection time to a
   * FUNSD page on one core.
   */
  static final int SAMPLE = 8;
  /** Sample words run across the page at least this many times as long as they are tall. */
  static final double MIN_ASPECT = 1.5;

  private final TextRecognizer latin;
  private final TextRecognizer hangul;

  /**
   * @param latin reads the sample as Latin: the best path alone is enough to vote
   * @param hangul reads the sample as Hangul, also best path alone
   */
  ScriptVote(TextRecognizer latin, TextRecognizer hangul) {
    this.latin = latin;
    this.hangul = hangul;
  }

  /** Whether the page's words (from a first look at it) are mostly Hangul. */
  boolean hangul(GrayImage page, List<DetectedWord> dets, DetectorOptions.CropMargin m) {
    List<Quad> sample = sample(dets);
    List<GrayImage> crops = new ArrayList<>(sample.size());
    for (Quad q : sample) {
      crops.add(CropPreprocessor.cut(page, q, m.x(), m.y()));
    }
    List<Recognition> l = latin.recognize(crops);
    List<Recognition> h = hangul.recognize(crops);
    int votes = 0;
    for (int i = 0; i < crops.size(); i++) {
      if (Scripts.HANGUL.equals(Scripts.of(h.get(i).text()))
          && Orientation.logProbPerChar(h.get(i)) > Orientation.logProbPerChar(l.get(i))) {
        votes++;
      }
    }
    return 2 * votes > crops.size();
  }

  @Override
  public void close() {
    try (TextRecognizer l = latin; TextRecognizer h = hangul) {
      // both closed
    }
  }

  /**
   * Up to {@link #SAMPLE} words spread evenly down the page among those of its common height that
   * run across it ({@link #MIN_ASPECT}); the first words when none do.
   */
  static List<Quad> sample(List<DetectedWord> dets) {
    double[] heights = new double[dets.size()];
    for (int i = 0; i < heights.length; i++) {
      heights[i] = dets.get(i).quad().height();
    }
    Arrays.sort(heights);
    double median = heights[heights.length / 2];
    List<Quad> across = new ArrayList<>();
    for (DetectedWord d : dets) {
      Quad q = d.quad();
      if (q.width() >= MIN_ASPECT * q.height() && q.height() >= 0.6 * median
          && q.height() <= 1.6 * median) {
        across.add(q);
      }
    }
    if (across.isEmpty()) {
      for (DetectedWord d : dets.subList(0, Math.min(SAMPLE, dets.size()))) {
        across.add(d.quad());
      }
      return across;
    }
    across.sort(Comparator.comparingDouble((Quad q) -> q.bounds().top())
        .thenComparingDouble(q -> q.bounds().left()));
    int n = Math.min(SAMPLE, across.size());
    List<Quad> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      out.add(across.get((int) ((k + 0.5) * across.size() / n)));
    }
    return out;
  }
}
