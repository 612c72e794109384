package dev.openocr.engine;

import dev.openocr.detect.DetectedWord;
import dev.openocr.detect.DetectorOptions;
import dev.openocr.detect.TextDetector;
import dev.openocr.document.Block;
import dev.openocr.document.Line;
import dev.openocr.document.Page;
import dev.openocr.document.Word;
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
 * Page orientation from the detector's and recognizer's own evidence. A sample of the page's
 * typical words is read as they stand and turned by 180 degrees; the turned reading wins when
 * the median, over the words, of its gain in log-probability per character exceeds
 * {@link #UPRIGHT_MARGIN} (a paired comparison that outliers such as signatures, stamps and
 * rules cannot swing). When most boxes are taller than wide, or the better of those readings is
 * still poor, the page is also turned back by 90 degrees and detected again: if it reads better
 * that way it was scanned at 90 or 270 degrees, and the same paired comparison picks which.
 * The margins and thresholds were chosen with {@code OrientationProbe} on the 149 FUNSD pages
 * turned by 0, 90, 180 and 270 degrees.
 */
final class Orientation {
  /** Words sampled to compare readings. */
  static final int SAMPLE = 8;
  /** A box this much taller than wide counts as vertical text. */
  static final double VERTICAL_ASPECT = 1.5;
  /**
   * Median gain in log-probability per character that a reading turned by 180 degrees needs to
   * win over the page as it stands (scans are upright far more often than not). On FUNSD the
   * median gain was at most -0.10 on upright pages and at least 0.12 on turned ones.
   */
  static final double UPRIGHT_MARGIN = 0.05;
  /**
   * Median log-probability per character below which the better of the 0 and 180 degree
   * readings counts as poor and the page is also tried turned by 90 degrees (sideways text
   * often gives character-sized boxes, not tall ones). On FUNSD it was at least -0.24 on pages
   * turned by 0 or 180 degrees and at most -0.31 on pages turned by 90 or 270.
   */
  static final double LOW_SCORE = -0.15;

  private Orientation() {}

  /** Clockwise rotation of the scan (0, 90, 180, 270) and a confidence 0..1. */
  record Decision(int degrees, double confidence) {}

  static Decision decide(GrayImage page, List<DetectedWord> dets, TextRecognizer rec,
      TextDetector det) {
    return decide(page, dets, null, rec, det);
  }

  /**
   * As {@link #decide(GrayImage, List, TextRecognizer, TextDetector)}, with the page's own
   * readings of {@code dets} as they stand (the recognizer's output for each, in order; null:
   * read the sample here), so only the turned readings cost a recognizer pass.
   */
  static Decision decide(GrayImage page, List<DetectedWord> dets, List<Recognition> readings,
      TextRecognizer rec, TextDetector det) {
    if (dets.isEmpty()) {
      return new Decision(0, 0);
    }
    int vertical = 0;
    for (DetectedWord d : dets) {
      if (d.quad().height() > VERTICAL_ASPECT * d.quad().width()) {
        vertical++;
      }
    }
    boolean sideways = vertical * 2 > dets.size();
    DetectorOptions.CropMargin cropMargin = det.cropMargin();
    Decision upright = null;
    double level = Double.NEGATIVE_INFINITY;
    if (!sideways) {
      List<DetectedWord> sample = typical(dets);
      double[] s0 = readings != null ? scoresOf(dets, readings, sample)
          : wordScores(page, sample, 0, rec, cropMargin);
      double[] s180 = wordScores(page, sample, 180, rec, cropMargin);
      upright = pair(0, s0, 180, s180, UPRIGHT_MARGIN);
      level = median(upright.degrees() == 0 ? s0 : s180);
      if (level >= LOW_SCORE) {
        return upright;
      }
    }
    // lines that run across once the page is turned back by 90 degrees: scanned at 90 or 270
    GrayImage turned = page.rotate(270);
    List<DetectedWord> td = det.detect(turned);
    if (td.isEmpty()) {
      return upright != null ? upright : new Decision(0, 0);
    }
    List<DetectedWord> sample = typical(td);
    double[] s90 = wordScores(turned, sample, 0, rec, cropMargin);
    double[] s270 = wordScores(turned, sample, 180, rec, cropMargin);
    Decision side = pair(90, s90, 270, s270, 0);
    if (upright == null) {
      return side;
    }
    double sideLevel = median(side.degrees() == 90 ? s90 : s270);
    // both choices must be right: the level comparison's confidence times the pair's
    double c = sigmoid(Math.abs(sideLevel - level) * sample.size());
    return sideLevel > level
        ? new Decision(side.degrees(), c * side.confidence())
        : new Decision(upright.degrees(), c * upright.confidence());
  }

  /**
   * {@code b} when the median over words of {@code sb - sa} exceeds {@code margin}, else
   * {@code a}; the confidence is a logistic of that median times the number of words.
   */
  static Decision pair(int a, double[] sa, int b, double[] sb, double margin) {
    double[] gain = new double[sa.length];
    for (int i = 0; i < gain.length; i++) {
      gain[i] = sb[i] - sa[i];
    }
    double m = median(gain);
    return new Decision(m > margin ? b : a, sigmoid(Math.abs(m - margin) * gain.length));
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  static List<DetectedWord> largest(List<DetectedWord> dets) {
    List<DetectedWord> s = new ArrayList<>(dets);
    s.sort(Comparator.comparingDouble((DetectedWord d) -> -d.quad().area()));
    return s.subList(0, Math.min(SAMPLE, s.size()));
  }

  /** Per sampled word, the mean log-probability per character of reading it turned by {@code deg}. */
  static double[] wordScores(GrayImage page, List<DetectedWord> sample, int deg,
      TextRecognizer rec, DetectorOptions.CropMargin m) {
    List<GrayImage> crops = new ArrayList<>();
    for (DetectedWord d : sample) {
      // cut as the recognizer's inputs are cut (with its margin), only turned
      crops.add(CropPreprocessor.cut(page, readingQuad(d.quad(), deg), m.x(), m.y()));
    }
    List<Recognition> rs = rec.recognize(crops);
    double[] out = new double[rs.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = logProbPerChar(rs.get(i));
    }
    return out;
  }

  /** The sampled words' log-probability per character in readings already made of them. */
  static double[] scoresOf(List<DetectedWord> dets, List<Recognition> readings,
      List<DetectedWord> sample) {
    java.util.Map<DetectedWord, Integer> index = new java.util.IdentityHashMap<>();
    for (int i = 0; i < dets.size(); i++) {
      index.put(dets.get(i), i);
    }
    double[] out = new double[sample.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = logProbPerChar(readings.get(index.get(sample.get(i))));
    }
    return out;
  }

  /**
   * A reading's log-probability per read character; the spaces of a several-word reading have no
   * probability of their own.
   */
  static double logProbPerChar(Recognition r) {
    return Math.log(Math.max(1e-6, r.confidence())) / Math.max(1, r.charProbs().length);
  }

  /**
   * Words of the page's common size that look like several characters in a row (long side at
   * least twice the short side), longest first; when fewer than four, the largest words.
   */
  static List<DetectedWord> typical(List<DetectedWord> dets) {
    double[] shorts = new double[dets.size()];
    for (int i = 0; i < shorts.length; i++) {
      Quad q = dets.get(i).quad();
      shorts[i] = Math.min(q.width(), q.height());
    }
    Arrays.sort(shorts);
    double median = shorts[shorts.length / 2];
    List<DetectedWord> c = new ArrayList<>();
    for (DetectedWord d : dets) {
      double lo = Math.min(d.quad().width(), d.quad().height());
      double hi = Math.max(d.quad().width(), d.quad().height());
      if (hi >= 2 * lo && lo >= 0.6 * median && lo <= 1.6 * median) {
        c.add(d);
      }
    }
    if (c.size() < 4) {
      return largest(dets);
    }
    c.sort(Comparator.comparingDouble((DetectedWord d) ->
        -Math.max(d.quad().width(), d.quad().height())));
    return c.subList(0, Math.min(SAMPLE, c.size()));
  }

  /**
   * The quad's corners restarted so the crop is read upright on a page rotated clockwise by
   * {@code deg}: for 90 the text's top-left is the box's top-right corner, and so on.
   */
  static Quad readingQuad(Quad q, int deg) {
    double[] c = q.toArray();
    int shift = ((deg / 90) % 4 + 4) % 4;
    double[] out = new double[8];
    for (int i = 0; i < 4; i++) {
      int k = (i + shift) % 4;
      out[2 * i] = c[2 * k];
      out[2 * i + 1] = c[2 * k + 1];
    }
    return Quad.of(out);
  }

  /**
   * The page's words moved from the upright frame to the original scan's frame, their quads'
   * corners still in reading order.
   */
  static Page toOriginal(Page upright, int deg, int width, int height, double confidence) {
    List<Block> blocks = new ArrayList<>();
    for (Block b : upright.blocks()) {
      List<Line> lines = new ArrayList<>();
      for (Line l : b.lines()) {
        List<Word> words = new ArrayList<>();
        for (Word w : l.words()) {
          // the corners keep their order: the first stays the text's top-left
          words.add(w.withQuad(w.quad().turned(deg, upright.width(), upright.height())));
        }
        lines.add(new Line(words));
      }
      blocks.add(new Block(lines));
    }
    return new Page(width, height, blocks, deg, confidence);
  }
}
