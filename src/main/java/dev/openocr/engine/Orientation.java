package dev.openocr.engine;

import dev.openocr.detect.DetectedWord;
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
import java.util.Comparator;
import java.util.List;

/**
 * Page orientation from the detector's and recognizer's own evidence: word boxes taller than wide
 * mean a page turned by 90 or 270 degrees; which of the two (or 0 versus 180) is decided by the
 * recognizer's mean log-confidence on the largest words read each way.
 */
final class Orientation {
  /** Words sampled to compare readings. */
  static final int SAMPLE = 16;
  /** A box this much taller than wide counts as vertical text. */
  static final double VERTICAL_ASPECT = 1.5;
  /**
   * Mean per-character log-probability below which an upright-looking page is also tried turned
   * by 90 degrees (sideways text often gives character-sized boxes, not tall ones).
   */
  static final double LOW_SCORE = -0.3;

  private Orientation() {}

  /** Clockwise rotation of the scan (0, 90, 180, 270) and a confidence 0..1. */
  record Decision(int degrees, double confidence) {}

  static Decision decide(GrayImage page, List<DetectedWord> dets, TextRecognizer rec,
      TextDetector det) {
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
    int a = sideways ? 90 : 0;
    int b = sideways ? 270 : 180;
    List<DetectedWord> sample = largest(dets);
    double sa = score(page, sample, a, rec);
    double sb = score(page, sample, b, rec);
    int best = sa >= sb ? a : b;
    double bestScore = Math.max(sa, sb);
    double other = Math.min(sa, sb);
    if (!sideways && bestScore < LOW_SCORE) {
      // read poorly upright: try the page turned back by 90 degrees (scan at 90 or 270)
      GrayImage turned = page.rotate(270);
      List<DetectedWord> td = largest(det.detect(turned));
      if (!td.isEmpty()) {
        double s90 = score(turned, td, 0, rec);
        double s270 = score(turned, td, 180, rec);
        double side = Math.max(s90, s270);
        if (side > bestScore) {
          other = bestScore;
          best = s90 >= s270 ? 90 : 270;
          bestScore = side;
        }
      }
    }
    // two-way softmax of the mean log-confidences, scaled by the number of words
    double margin = (bestScore - other) * sample.size();
    return new Decision(best, 1 / (1 + Math.exp(-margin)));
  }

  private static List<DetectedWord> largest(List<DetectedWord> dets) {
    List<DetectedWord> s = new ArrayList<>(dets);
    s.sort(Comparator.comparingDouble((DetectedWord d) -> -d.quad().area()));
    return s.subList(0, Math.min(SAMPLE, s.size()));
  }

  /** Mean log-confidence of reading the sampled words as if the page were rotated by {@code deg}. */
  private static double score(GrayImage page, List<DetectedWord> sample, int deg, TextRecognizer rec) {
    List<GrayImage> crops = new ArrayList<>();
    for (DetectedWord d : sample) {
      // cut as the recognizer's inputs are cut (with its margin), only turned
      crops.add(CropPreprocessor.cutDetected(page, readingQuad(d.quad(), deg)));
    }
    double s = 0;
    for (Recognition r : rec.recognize(crops)) {
      s += Math.log(Math.max(1e-6, r.confidence())) / Math.max(1, r.text().length());
    }
    return s / crops.size();
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
   * Maps a point of the upright image back to the original scan, which is the upright image
   * rotated clockwise by {@code deg}; {@code uw, uh} are the upright image's size.
   */
  static double[] toOriginal(double x, double y, int deg, int uw, int uh) {
    return switch (deg) {
      case 90 -> new double[] {uh - y, x};
      case 180 -> new double[] {uw - x, uh - y};
      case 270 -> new double[] {y, uw - x};
      default -> new double[] {x, y};
    };
  }

  /** The page's words moved from the upright frame to the original scan's frame. */
  static Page toOriginal(Page upright, int deg, int width, int height, double confidence) {
    List<Block> blocks = new ArrayList<>();
    for (Block b : upright.blocks()) {
      List<Line> lines = new ArrayList<>();
      for (Line l : b.lines()) {
        List<Word> words = new ArrayList<>();
        for (Word w : l.words()) {
          double[] c = w.quad().toArray();
          double[][] pts = new double[4][];
          for (int i = 0; i < 4; i++) {
            pts[i] = toOriginal(c[2 * i], c[2 * i + 1], deg, upright.width(), upright.height());
          }
          words.add(w.withQuad(Quad.ordered(pts)));
        }
        lines.add(new Line(words));
      }
      blocks.add(new Block(lines));
    }
    return new Page(width, height, blocks, deg, confidence);
  }
}
