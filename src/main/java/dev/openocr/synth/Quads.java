package dev.openocr.synth;

import dev.openocr.geometry.Quad;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.List;

/** Small helpers turning rectangles and transforms into {@link Quad}s. */
final class Quads {
  private Quads() {}

  /** The rectangle's corners (top-left, top-right, bottom-right, bottom-left) mapped by at. */
  static Quad of(AffineTransform at, double l, double t, double r, double b) {
    double[] p = {l, t, r, t, r, b, l, b};
    at.transform(p, 0, p, 0, 4);
    return Quad.of(p);
  }

  static Quad of(AffineTransform at, Rectangle2D r) {
    return of(at, r.getMinX(), r.getMinY(), r.getMaxX(), r.getMaxY());
  }

  /** A point mapping in output pixels: writes the image of {@code (x, y)} into {@code out}. */
  interface PointMap {
    void map(double x, double y, double[] out);
  }

  /** Every corner mapped by {@code f}. */
  static Quad apply(PointMap f, Quad q) {
    double[] c = q.toArray();
    double[] p = new double[2];
    for (int i = 0; i < 8; i += 2) {
      f.map(c[i], c[i + 1], p);
      c[i] = p[0];
      c[i + 1] = p[1];
    }
    return Quad.of(c);
  }

  /**
   * The rectangle aligned with {@code q}'s top edge that holds {@code q} and every quad of
   * {@code parts} (used after non-linear warps, where parts move differently from the whole).
   */
  static Quad enclose(Quad q, List<Quad> parts) {
    double ux = q.x1() - q.x0();
    double uy = q.y1() - q.y0();
    double len = Math.hypot(ux, uy);
    if (len < 1e-9) {
      return q;
    }
    ux /= len;
    uy /= len;
    double vx = -uy;
    double vy = ux;
    double[] mm = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
    project(q, ux, uy, vx, vy, mm);
    for (Quad p : parts) {
      project(p, ux, uy, vx, vy, mm);
    }
    return new Quad(ux * mm[0] + vx * mm[2], uy * mm[0] + vy * mm[2],
        ux * mm[1] + vx * mm[2], uy * mm[1] + vy * mm[2],
        ux * mm[1] + vx * mm[3], uy * mm[1] + vy * mm[3],
        ux * mm[0] + vx * mm[3], uy * mm[0] + vy * mm[3]);
  }

  private static void project(Quad q, double ux, double uy, double vx, double vy, double[] mm) {
    double[] c = q.toArray();
    for (int i = 0; i < 8; i += 2) {
      double u = c[i] * ux + c[i + 1] * uy;
      double v = c[i] * vx + c[i + 1] * vy;
      mm[0] = Math.min(mm[0], u);
      mm[1] = Math.max(mm[1], u);
      mm[2] = Math.min(mm[2], v);
      mm[3] = Math.max(mm[3], v);
    }
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
