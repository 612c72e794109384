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
      b[i] = (byte) Math.max(0, Math.min(255, (int) (out[i] + 0.5f)));
    }
    return new GrayImage(w, h, b);
  }

  /**
   * Resizes to {@code w x h} and returns values 0..255 as floats (row-major); at the image's own
   * size, its pixels as floats.
   */
  public static float[] toFloat(GrayImage src, int w, int h) {
    if (w == src.width() && h == src.height()) {
      byte[] p = src.pixels();
      float[] out = new float[p.length];
      for (int i = 0; i < p.length; i++) {
        out[i] = p[i] & 0xff;
      }
      return out;
    }
    int sw = src.width();
    int sh = src.height();
    byte[] p = src.pixels();
    double sx = (double) sw / w;
    double sy = (double) sh / h;
    float[] out = new float[w * h];
    if (sx <= 1.0 && sy <= 1.0) {
      bilinear(p, sw, sh, out, w, h, sx, sy);
      return out;
    }
    // Area averaging: each target pixel averages the source pixels it covers (with fractions),
    // done as a pass along rows and one along columns (the weights are products)
    Span cols = Span.of(sw, w, sx);
    Span rows = Span.of(sh, h, sy);
    float[] tmp = new float[sh * w];
    for (int yy = 0; yy < sh; yy++) {
      int row = yy * sw;
      for (int x = 0; x < w; x++) {
        double sum = 0;
        for (int k = cols.start[x]; k < cols.start[x + 1]; k++) {
          sum += (p[row + cols.index[k]] & 0xff) * cols.weight[k];
        }
        tmp[yy * w + x] = (float) sum;
      }
    }
    for (int y = 0; y < h; y++) {
      int o = y * w;
      for (int x = 0; x < w; x++) {
        double sum = 0;
        for (int k = rows.start[y]; k < rows.start[y + 1]; k++) {
          sum += tmp[rows.index[k] * w + x] * rows.weight[k];
        }
        out[o + x] = (float) (rows.total[y] > 0 && cols.total[x] > 0 ? sum : 255);
      }
    }
    return out;
  }

  /**
   * Which source pixels each target pixel covers along one axis, with the covered fractions
   * normalized to sum to 1 ({@code total}: the fraction covered before normalizing).
   */
  private record Span(int[] start, int[] index, double[] weight, double[] total) {
    static Span of(int srcSize, int size, double scale) {
      int[] start = new int[size + 1];
      int[] index = new int[(int) Math.ceil(size * (scale + 2))];
      double[] weight = new double[index.length];
      double[] total = new double[size];
      int n = 0;
      for (int t = 0; t < size; t++) {
        start[t] = n;
        double a = t * scale;
        double b = Math.min(srcSize, (t + 1) * scale);
        int first = n;
        for (int s = (int) a; s < Math.ceil(b); s++) {
          double f = Math.min(b, s + 1) - Math.max(a, s);
          if (f > 0) {
            index[n] = s;
            weight[n] = f;
            total[t] += f;
            n++;
          }
        }
        for (int k = first; k < n; k++) {
          weight[k] /= total[t];
        }
      }
      start[size] = n;
      return new Span(start, index, weight, total);
    }
  }

  /** Enlarging: bilinear with the column indices and weights computed once per image. */
  private static void bilinear(byte[] p, int sw, int sh, float[] out, int w, int h, double sx,
      double sy) {
    int[] x0 = new int[w];
    int[] x1 = new int[w];
    float[] fx = new float[w];
    for (int x = 0; x < w; x++) {
      double f = clamp((x + 0.5) * sx - 0.5, sw);
      x0[x] = (int) f;
      x1[x] = Math.min(sw - 1, x0[x] + 1);
      fx[x] = (float) (f - x0[x]);
    }
    for (int y = 0; y < h; y++) {
      double f = clamp((y + 0.5) * sy - 0.5, sh);
      int r0 = (int) f * sw;
      int r1 = Math.min(sh - 1, (int) f + 1) * sw;
      float fy = (float) (f - (int) f);
      int o = y * w;
      for (int x = 0; x < w; x++) {
        float a = p[r0 + x0[x]] & 0xff;
        float b = p[r0 + x1[x]] & 0xff;
        float c = p[r1 + x0[x]] & 0xff;
        float d = p[r1 + x1[x]] & 0xff;
        float top = a + (b - a) * fx[x];
        float bot = c + (d - c) * fx[x];
        out[o + x] = top + (bot - top) * fy;
      }
    }
  }

  private static double clamp(double v, int size) {
    return Math.max(0, Math.min(size - 1, v));
  }
}
