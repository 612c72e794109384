package dev.openocr.synth;

import dev.openocr.geometry.Quad;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;

/** Small helpers turning rectangles and transforms into {@link Quad}s. */
final class Quads {
  private Quads() {}

  /** The rectangle's corners (top-left, top-right, bottom-right, bottom-left) mapped by {@code at}. */
  static Quad of(AffineTransform at, double l, double t, double r, double b) {
    double[] p = {l, t, r, t, r, b, l, b};
    at.transform(p, 0, p, 0, 4);
    return Quad.of(p);
  }

  static Quad of(AffineTransform at, Rectangle2D r) {
    return of(at, r.getMinX(), r.getMinY(), r.getMaxX(), r.getMaxY());
  }

  /** Every corner mapped by a 3x3 row-major homography. */
  static Quad apply(double[] h, Quad q) {
    double[] c = q.toArray();
    for (int i = 0; i < 8; i += 2) {
      double x = c[i];
      double y = c[i + 1];
      double d = h[6] * x + h[7] * y + h[8];
      c[i] = (h[0] * x + h[1] * y + h[2]) / d;
      c[i + 1] = (h[3] * x + h[4] * y + h[5]) / d;
    }
    return Quad.of(c);
  }

  /** Centre of the four corners. */
  static double[] center(Quad q) {
    return new double[] {(q.x0() + q.x1() + q.x2() + q.x3()) / 4,
        (q.y0() + q.y1() + q.y2() + q.y3()) / 4};
  }
}
