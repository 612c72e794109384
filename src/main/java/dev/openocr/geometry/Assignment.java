package dev.openocr.geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Maximum-weight assignment (Kuhn-Munkres with potentials) for a small dense matrix. */
final class Assignment {
  private Assignment() {}

  /** Pairs {@code [row, col]} of a maximum-total-weight assignment, sorted by row. */
  static List<int[]> maxWeight(double[][] weights) {
    int n = weights.length;
    int m = weights[0].length;
    boolean transposed = n > m;
    double[][] w = weights;
    if (transposed) {
      w = new double[m][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < m; j++) {
          w[j][i] = weights[i][j];
        }
      }
      int t = n;
      n = m;
      m = t;
    }
    double[] u = new double[n + 1];
    double[] v = new double[m + 1];
    int[] p = new int[m + 1];
    int[] way = new int[m + 1];
    for (int i = 1; i <= n; i++) {
      p[0] = i;
      int j0 = 0;
      double[] minv = new double[m + 1];
      Arrays.fill(minv, Double.POSITIVE_INFINITY);
      boolean[] used = new boolean[m + 1];
      do {
        used[j0] = true;
        int i0 = p[j0];
        double delta = Double.POSITIVE_INFINITY;
        int j1 = 0;
        for (int j = 1; j <= m; j++) {
          if (!used[j]) {
            // minimizing the negated weights maximizes the weights
            double cur = -w[i0 - 1][j - 1] - u[i0] - v[j];
            if (cur < minv[j]) {
              minv[j] = cur;
              way[j] = j0;
            }
            if (minv[j] < delta) {
              delta = minv[j];
              j1 = j;
            }
          }
        }
        for (int j = 0; j <= m; j++) {
          if (used[j]) {
            u[p[j]] += delta;
            v[j] -= delta;
          } else {
            minv[j] -= delta;
          }
        }
        j0 = j1;
      } while (p[j0] != 0);
      do {
        int j1 = way[j0];
        p[j0] = p[j1];
        j0 = j1;
      } while (j0 != 0);
    }
    List<int[]> pairs = new ArrayList<>();
    for (int j = 1; j <= m; j++) {
      if (p[j] != 0) {
        pairs.add(transposed ? new int[] {j - 1, p[j] - 1} : new int[] {p[j] - 1, j - 1});
      }
    }
    pairs.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
    return pairs;
  }
}
