package dev.openocr.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Minimum-area enclosing rectangle of a point set: convex hull, then rotating edge directions. */
final class MinAreaRect {
  private MinAreaRect() {}

  /** Four corners {@code [x, y]} of the smallest rectangle holding the points (any order). */
  static double[][] of(List<double[]> points) {
    List<double[]> hull = hull(points);
    if (hull.size() == 1) {
      double[] p = hull.get(0);
      return new double[][] {p, p, p, p};
    }
    double best = Double.MAX_VALUE;
    double[][] rect = null;
    for (int i = 0; i < hull.size(); i++) {
      double[] a = hull.get(i);
      double[] b = hull.get((i + 1) % hull.size());
      double len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (len == 0) {
        continue;
      }
      double ux = (b[0] - a[0]) / len;
      double uy = (b[1] - a[1]) / len;
      double minU = Double.MAX_VALUE;
      double maxU = -Double.MAX_VALUE;
      double minV = Double.MAX_VALUE;
      double maxV = -Double.MAX_VALUE;
      for (double[] p : hull) {
        double u = p[0] * ux + p[1] * uy;
        double v = -p[0] * uy + p[1] * ux;
        minU = Math.min(minU, u);
        maxU = Math.max(maxU, u);
        minV = Math.min(minV, v);
        maxV = Math.max(maxV, v);
      }
      double area = (maxU - minU) * (maxV - minV);
      if (area < best - 1e-9) {
        best = area;
        rect = new double[][] {
            back(minU, minV, ux, uy), back(maxU, minV, ux, uy),
            back(maxU, maxV, ux, uy), back(minU, maxV, ux, uy)};
      }
    }
    return rect;
  }

  private static double[] back(double u, double v, double ux, double uy) {
    return new double[] {u * ux - v * uy, u * uy + v * ux};
  }

  /** Andrew's monotone chain; collinear points dropped. */
  static List<double[]> hull(List<double[]> pts) {
    double[][] p = pts.toArray(new double[0][]);
    Arrays.sort(p, Comparator.<double[]>comparingDouble(a -> a[0]).thenComparingDouble(a -> a[1]));
    int n = p.length;
    if (n < 3) {
      return new ArrayList<>(Arrays.asList(p));
    }
    double[][] h = new double[2 * n][];
    int k = 0;
    for (int i = 0; i < n; i++) {
      while (k >= 2 && cross(h[k - 2], h[k - 1], p[i]) <= 0) {
        k--;
      }
      h[k++] = p[i];
    }
    for (int i = n - 2, t = k + 1; i >= 0; i--) {
      while (k >= t && cross(h[k - 2], h[k - 1], p[i]) <= 0) {
        k--;
      }
      h[k++] = p[i];
    }
    return new ArrayList<>(Arrays.asList(h).subList(0, Math.max(1, k - 1)));
  }

  private static double cross(double[] o, double[] a, double[] b) {
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  }
}
