package dev.openocr.imageio;

/** 3x3 perspective transforms, row-major {@code [h0..h8]}, solved in plain Java. */
public final class Homography {
  private Homography() {}

  /**
   * Maps the rectangle {@code (0,0),(w,0),(w,h),(0,h)} onto the quad {@code dst} (8 coordinates,
   * clockwise from top-left).
   */
  public static double[] fromRect(double w, double h, double[] dst) {
    double[] src = {0, 0, w, 0, w, h, 0, h};
    return solve(src, dst);
  }

  /** The homography taking four source points to four destination points. */
  public static double[] solve(double[] src, double[] dst) {
    double[][] a = new double[8][9];
    for (int i = 0; i < 4; i++) {
      double x = src[2 * i];
      double y = src[2 * i + 1];
      double u = dst[2 * i];
      double v = dst[2 * i + 1];
      a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
      a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
    }
    // Gaussian elimination with partial pivoting on the 8x8 system.
    for (int c = 0; c < 8; c++) {
      int p = c;
      for (int r = c + 1; r < 8; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
          p = r;
        }
      }
      double[] t = a[c];
      a[c] = a[p];
      a[p] = t;
      if (Math.abs(a[c][c]) < 1e-12) {
        throw new IllegalArgumentException("Degenerate quad for a perspective transform");
      }
      for (int r = 0; r < 8; r++) {
        if (r != c) {
          double f = a[r][c] / a[c][c];
          for (int k = c; k < 9; k++) {
            a[r][k] -= f * a[c][k];
          }
        }
      }
    }
    double[] hm = new double[9];
    for (int i = 0; i < 8; i++) {
      hm[i] = a[i][8] / a[i][i];
    }
    hm[8] = 1;
    return hm;
  }

  /** Applies {@code m} to a point. */
  public static double[] apply(double[] m, double x, double y) {
    double d = m[6] * x + m[7] * y + m[8];
    return new double[] {(m[0] * x + m[1] * y + m[2]) / d, (m[3] * x + m[4] * y + m[5]) / d};
  }
}
