package dev.openocr.synth;

import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * Non-text ink that real pages carry and a detector must learn to ignore: logos, signatures,
 * barcodes, filled bars and hand marks. None of it is ground truth. Sizes are output pixels.
 */
final class Graphics {
  private Graphics() {}

  /**
   * Draws one random graphic inside {@code [x0,x1] x [y, y+h]} and returns the height used.
   */
  static double draw(InkCanvas c, Rng rng, double x0, double x1, double y, double h) {
    return switch (rng.nextInt(5)) {
      case 0 -> logo(c, rng, x0, x1, y, h);
      case 1 -> signature(c, rng, x0, x1, y, h);
      case 2 -> barcode(c, rng, x0, x1, y, h);
      case 3 -> bar(c, rng, x0, x1, y);
      default -> marks(c, rng, x0, x1, y, h);
    };
  }

  private static double logo(InkCanvas c, Rng rng, double x0, double x1, double y, double h) {
    double r = Math.min(h, rng.uniform(20, 60)) / 2;
    double cx = rng.chance(0.5) ? (x0 + x1) / 2 : x0 + r + rng.uniform(0, (x1 - x0) / 3);
    double cy = y + r;
    int gray = rng.range(0, 80);
    c.shape(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r), rng.uniform(1, 4), gray);
    int n = rng.range(1, 4);
    for (int i = 0; i < n; i++) {
      double s = r * rng.uniform(0.2, 0.6);
      double ox = cx + rng.uniform(-r / 2, r / 2) - s / 2;
      double oy = cy + rng.uniform(-r / 2, r / 2) - s / 2;
      c.shape(rng.chance(0.5) ? new Ellipse2D.Double(ox, oy, s, s * rng.uniform(0.5, 1.5))
          : new Rectangle2D.Double(ox, oy, s, s), rng.chance(0.5) ? 0 : 1.5, gray);
    }
    return 2 * r;
  }

  /** A looping pen stroke, like a signature or initials. */
  private static double signature(InkCanvas c, Rng rng, double x0, double x1, double y,
                                  double h) {
    double w = Math.min(x1 - x0, rng.uniform(60, 200));
    double hh = Math.min(h, rng.uniform(15, 40));
    double sx = x0 + rng.uniform(0, Math.max(0, x1 - x0 - w));
    Path2D.Double p = new Path2D.Double();
    p.moveTo(sx, y + hh * rng.uniform(0.3, 0.8));
    int loops = rng.range(3, 9);
    for (int i = 1; i <= loops; i++) {
      double tx = sx + w * i / loops;
      p.curveTo(tx - w / loops * rng.uniform(0.2, 1.2), y + rng.uniform(0, hh),
          tx - w / loops * rng.uniform(-0.3, 0.6), y + rng.uniform(0, hh),
          tx, y + hh * rng.uniform(0.2, 0.9));
    }
    c.shape(p, rng.uniform(0.8, 2.2), rng.range(0, 90));
    return hh;
  }

  private static double barcode(InkCanvas c, Rng rng, double x0, double x1, double y, double h) {
    double hh = Math.min(h, rng.uniform(15, 40));
    double x = x0 + rng.uniform(0, (x1 - x0) / 2);
    double end = Math.min(x1, x + rng.uniform(60, 200));
    while (x < end) {
      double bw = rng.range(1, 3);
      if (rng.chance(0.55)) {
        c.shape(new Rectangle2D.Double(x, y, bw, hh), 0, 0);
      }
      x += bw;
    }
    return hh;
  }

  private static double bar(InkCanvas c, Rng rng, double x0, double x1, double y) {
    double hh = rng.uniform(2, 8);
    c.shape(new Rectangle2D.Double(x0, y, x1 - x0, hh), 0, rng.range(0, 120));
    return hh;
  }

  /** Hand ticks, circles and strokes. */
  private static double marks(InkCanvas c, Rng rng, double x0, double x1, double y, double h) {
    int n = rng.range(1, 4);
    double hh = Math.min(h, 30);
    for (int i = 0; i < n; i++) {
      double x = rng.uniform(x0, Math.max(x0 + 1, x1 - 30));
      Path2D.Double p = new Path2D.Double();
      p.moveTo(x, y + hh * rng.uniform(0.3, 0.7));
      p.quadTo(x + rng.uniform(5, 15), y + hh, x + rng.uniform(15, 30), y + rng.uniform(0, hh / 3));
      c.shape(p, rng.uniform(1, 2.5), rng.range(0, 100));
    }
    return hh;
  }
}
