package dev.openocr.imageio;

import dev.openocr.geometry.Quad;

/** Cuts a quadrilateral out of a page and warps it upright (perspective, bilinear sampling). */
public final class Rectify {
  /** Widest crop in pixels; longer words are squeezed rather than cut. */
  public static final int MAX_CROP_WIDTH = 1024;

  private Rectify() {}

  /**
   * Warps {@code quad} to an upright crop of the given height, width in proportion to the quad's
   * aspect ratio. Pixels outside the page read as white.
   */
  public static GrayImage crop(GrayImage page, Quad quad, int height) {
    double qh = Math.max(1, quad.height());
    double qw = Math.max(1, quad.width());
    int w = (int) Math.max(1, Math.min(MAX_CROP_WIDTH, Math.round(qw * height / qh)));
    return warp(page, quad, w, height);
  }

  /** Warps {@code quad} onto a {@code w x h} rectangle. */
  public static GrayImage warp(GrayImage page, Quad q, int w, int h) {
    // Homography from the destination rectangle to the source quad.
    double[] m = Homography.fromRect(w, h, q.toArray());
    byte[] out = new byte[w * h];
    byte[] src = page.pixels();
    int pw = page.width();
    int ph = page.height();
    if (m[6] == 0 && m[7] == 0 && m[1] == 0 && m[3] == 0) {
      // an upright rectangle (most word boxes): the source column depends on x only, the row on y
      double[] sxs = new double[w];
      for (int x = 0; x < w; x++) {
        sxs[x] = (m[0] * (x + 0.5) + m[2]) / m[8] - 0.5;
      }
      for (int y = 0; y < h; y++) {
        double sy = (m[4] * (y + 0.5) + m[5]) / m[8] - 0.5;
        for (int x = 0; x < w; x++) {
          out[y * w + x] = (byte) bilinear(src, pw, ph, sxs[x], sy);
        }
      }
      return new GrayImage(w, h, out);
    }
    for (int y = 0; y < h; y++) {
      double v = y + 0.5;
      for (int x = 0; x < w; x++) {
        double u = x + 0.5;
        double den = m[6] * u + m[7] * v + m[8];
        double sx = (m[0] * u + m[1] * v + m[2]) / den - 0.5;
        double sy = (m[3] * u + m[4] * v + m[5]) / den - 0.5;
        out[y * w + x] = (byte) bilinear(src, pw, ph, sx, sy);
      }
    }
    return new GrayImage(w, h, out);
  }

  /** Bilinear sample at {@code (x, y)}, rounded to the nearest level; outside the page is white. */
  static int bilinear(byte[] src, int w, int h, double x, double y) {
    int x0 = (int) x;
    if (x < x0) {
      x0--; // floor for negative coordinates
    }
    int y0 = (int) y;
    if (y < y0) {
      y0--;
    }
    double fx = x - x0;
    double fy = y - y0;
    double a;
    double b;
    double c;
    double d;
    if (x0 >= 0 && y0 >= 0 && x0 + 1 < w && y0 + 1 < h) {
      int i = y0 * w + x0;
      a = src[i] & 0xff;
      b = src[i + 1] & 0xff;
      c = src[i + w] & 0xff;
      d = src[i + w + 1] & 0xff;
    } else {
      a = px(src, w, h, x0, y0);
      b = px(src, w, h, x0 + 1, y0);
      c = px(src, w, h, x0, y0 + 1);
      d = px(src, w, h, x0 + 1, y0 + 1);
    }
    double top = a + (b - a) * fx;
    double bot = c + (d - c) * fx;
    return (int) (top + (bot - top) * fy + 0.5); // non-negative: the same as Math.round
  }

  private static int px(byte[] src, int w, int h, int x, int y) {
    if (x < 0 || y < 0 || x >= w || y >= h) {
      return 255;
    }
    return src[y * w + x] & 0xff;
  }
}
