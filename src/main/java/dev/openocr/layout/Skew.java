package dev.openocr.layout;

import dev.openocr.document.Word;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Estimates the dominant text angle of a page from its word quads. */
final class Skew {
  /** Words narrower than this many heights give unreliable angles and are ignored. */
  static final double MIN_ASPECT = 1.5;
  /** Beyond this (degrees) the skew is not trusted and taken as 0. */
  static final double MAX_SKEW_DEGREES = 30;

  private Skew() {}

  /**
   * Median skew of the elongated words relative to the nearest image axis, degrees clockwise
   * (y down), in (-45, 45]; 0 when no word is elongated enough or the median exceeds
   * {@link #MAX_SKEW_DEGREES}. Quads of a page turned by 90 degrees have their top edge along the
   * text's height, hence the folding onto the nearest axis.
   */
  static double dominantSkew(List<Word> words) {
    List<Double> angles = new ArrayList<>();
    for (Word w : words) {
      double a = w.quad().width();
      double b = w.quad().height();
      if (Math.min(a, b) > 0 && Math.max(a, b) >= MIN_ASPECT * Math.min(a, b)) {
        angles.add(fold(w.quad().angleDegrees()));
      }
    }
    if (angles.isEmpty()) {
      return 0;
    }
    Collections.sort(angles);
    double median = angles.get(angles.size() / 2);
    return Math.abs(median) > MAX_SKEW_DEGREES ? 0 : median;
  }

  /** The angle moved by multiples of 90 degrees into (-45, 45]. */
  static double fold(double degrees) {
    double a = degrees % 90;
    if (a > 45) {
      a -= 90;
    } else if (a <= -45) {
      a += 90;
    }
    return a;
  }

  /** Median of the items' deskewed heights in pixels, at least 1. */
  static double medianHeight(List<LayoutItem> items) {
    double[] hs = items.stream().mapToDouble(i -> i.box().height()).sorted().toArray();
    return hs.length == 0 ? 1 : Math.max(1, hs[hs.length / 2]);
  }
}
