package dev.openocr.layout;

import dev.openocr.document.Word;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Estimates the dominant text angle of a page from its word quads. */
final class Skew {
  /** Words narrower than this many heights give unreliable angles and are ignored. */
  static final double MIN_ASPECT = 1.5;
  /** Beyond this (degrees) the page is treated as upright: larger turns are orientation's job. */
  static final double MAX_SKEW_DEGREES = 30;

  private Skew() {}

  /**
   * Median angle of the top edges of the elongated words, degrees clockwise (y down); 0 when no
   * word is elongated enough or the median exceeds {@link #MAX_SKEW_DEGREES}.
   */
  static double dominantAngle(List<Word> words) {
    List<Double> angles = new ArrayList<>();
    for (Word w : words) {
      double h = w.quad().height();
      if (h > 0 && w.quad().width() >= MIN_ASPECT * h) {
        angles.add(w.quad().angleDegrees());
      }
    }
    if (angles.isEmpty()) {
      return 0;
    }
    Collections.sort(angles);
    double median = angles.get(angles.size() / 2);
    return Math.abs(median) > MAX_SKEW_DEGREES ? 0 : median;
  }

  /** Median of the items' deskewed heights in pixels, at least 1. */
  static double medianHeight(List<LayoutItem> items) {
    double[] hs = items.stream().mapToDouble(i -> i.box().height()).sorted().toArray();
    return hs.length == 0 ? 1 : Math.max(1, hs[hs.length / 2]);
  }
}
