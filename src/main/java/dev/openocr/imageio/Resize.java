package dev.openocr.imageio;

/** Resizing of gray images in plain Java: bilinear when enlarging, area averaging when shrinking. */
public final class Resize {
  private Resize() {}

  /** Resizes to exactly {@code w x h} pixels. */
  public static GrayImage to(GrayImage src, int w, int h) {
    if (w <= 0 || h <= 0) {
      throw new IllegalArgumentException("Invalid target size: " + w + "x" + h);
    }
    if (w == src.width() && h == src.height()) {
      return src;
    }
    float[] out = toFloat(src, w, h);
    byte[] b = new byte[w * h];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Math.max(0, Math.min(255, Math.round(out[i])));
    }
    return new GrayImage(w, h, b);
  }

  /** Resizes to {@code w x h} and returns values 0..255 as floats (row-major). */
  public static float[] toFloat(GrayImage src, int w, int h) {
    int sw = src.width();
    int sh = src.height();
    byte[] p = src.pixels();
    double sx = (double) sw / w;
    double sy = (double) sh / h;
    float[] out = new float[w * h];
    if (sx <= 1.0 && sy <= 1.0) {
      for (int y = 0; y < h; y++) {
        double fy = (y + 0.5) * sy - 0.5;
        for (int x = 0; x < w; x++) {
          double fx = (x + 0.5) * sx - 0.5;
          out[y * w + x] = Rectify.bilinear(p, sw, sh, clamp(fx, sw), clamp(fy, sh));
        }
      }
      return out;
    }
    // Area averaging: each target pixel averages the source pixels it covers (with fractions).
    for (int y = 0; y < h; y++) {
      double y0 = y * sy;
      double y1 = Math.min(sh, (y + 1) * sy);
      for (int x = 0; x < w; x++) {
        double x0 = x * sx;
        double x1 = Math.min(sw, (x + 1) * sx);
        double sum = 0;
        double area = 0;
        for (int yy = (int) y0; yy < Math.ceil(y1); yy++) {
          double wy = Math.min(y1, yy + 1) - Math.max(y0, yy);
          if (wy <= 0) {
            continue;
          }
          int row = yy * sw;
          for (int xx = (int) x0; xx < Math.ceil(x1); xx++) {
            double wx = Math.min(x1, xx + 1) - Math.max(x0, xx);
            if (wx <= 0) {
              continue;
            }
            sum += (p[row + xx] & 0xff) * wx * wy;
            area += wx * wy;
          }
        }
        out[y * w + x] = (float) (area > 0 ? sum / area : 255);
      }
    }
    return out;
  }

  private static double clamp(double v, int size) {
    return Math.max(0, Math.min(size - 1, v));
  }
}
