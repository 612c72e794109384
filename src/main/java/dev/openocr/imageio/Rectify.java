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

  static int bilinear(byte[] src, int w, int h, double x, double y) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    double fx = x - x0;
    double fy = y - y0;
    double a = px(src, w, h, x0, y0);
    double b = px(src, w, h, x0 + 1, y0);
    double c = px(src, w, h, x0, y0 + 1);
    double d = px(src, w, h, x0 + 1, y0 + 1);
    double top = a + (b - a) * fx;
    double bot = c + (d - c) * fx;
    return (int) Math.round(top + (bot - top) * fy);
  }

  private static int px(byte[] src, int w, int h, int x, int y) {
    if (x < 0 || y < 0 || x >= w || y >= h) {
      return 255;
    }
    return src[y * w + x] & 0xff;
  }
}
