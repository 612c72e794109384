package dev.openocr.engine;

import dev.openocr.detect.DetectedWord;
import dev.openocr.geometry.Box;
import dev.openocr.geometry.Quad;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Crop frames that keep the size of letters relative to their line. Detector boxes hug the ink,
 * so a word of x-height letters only ("so", "or", "-c") gets a box as short as its letters and
 * its crop, scaled to the recognizer's height, shows them as large as capitals: the recognizer
 * reads "SO". The recognizer learned from crops framed by the font's em, so such a word is
 * framed by its line instead: the median top and bottom of the upright boxes it shares a line
 * with. Only the crop changes; the word's reported box stays as detected.
 */
final class LineFrames {
  /** A box lower than this share of its line's height is framed by the line. */
  static final double SHORT = 0.85;
  /** Boxes (the word included) a line needs before its median frame is trusted. */
  static final int MIN_LINE = 3;
  /** A frame grows to at most this many times the box's own height. */
  static final double MAX_GROWTH = 1.8;
  /** Boxes tilted more than this (degrees) keep their own frame. */
  static final double MAX_TILT = 3;

  private LineFrames() {}

  /** The quad each word's crop is cut from, in the order of {@code dets}. */
  static List<Quad> of(List<DetectedWord> dets) {
    int n = dets.size();
    Box[] b = new Box[n];
    boolean[] upright = new boolean[n];
    Integer[] byTop = new Integer[n];
    for (int i = 0; i < n; i++) {
      Quad q = dets.get(i).quad();
      b[i] = q.bounds();
      double a = q.angleDegrees();
      upright[i] = Math.abs(a) <= MAX_TILT;
      byTop[i] = i;
    }
    Arrays.sort(byTop, (x, y) -> Double.compare(b[x].top(), b[y].top()));
    List<Quad> out = new ArrayList<>(n);
    double[] tops = new double[n];
    double[] bottoms = new double[n];
    for (int i = 0; i < n; i++) {
      Quad q = dets.get(i).quad();
      if (!upright[i]) {
        out.add(q);
        continue;
      }
      int k = 0;
      for (int j : byTop) {
        if (b[j].top() >= b[i].bottom()) {
          break; // sorted by top: no later box reaches this one's line
        }
        if (upright[j] && overlap(b[i], b[j]) >= 0.5 * Math.min(b[i].height(), b[j].height())) {
          tops[k] = b[j].top();
          bottoms[k] = b[j].bottom();
          k++;
        }
      }
      double h = b[i].height();
      if (k < MIN_LINE) {
        out.add(q);
        continue;
      }
      double top = median(tops, k);
      double bottom = median(bottoms, k);
      if (h >= SHORT * (bottom - top)) {
        out.add(q);
        continue;
      }
      double y0 = Math.max(Math.min(b[i].top(), top), b[i].bottom() - MAX_GROWTH * h);
      double y1 = Math.min(Math.max(b[i].bottom(), bottom), y0 + MAX_GROWTH * h);
      out.add(new Quad(b[i].left(), y0, b[i].right(), y0, b[i].right(), y1, b[i].left(), y1));
    }
    return out;
  }

  private static double overlap(Box a, Box c) {
    return Math.min(a.bottom(), c.bottom()) - Math.max(a.top(), c.top());
  }

  private static double median(double[] v, int n) {
    double[] s = Arrays.copyOf(v, n);
    Arrays.sort(s);
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
