package dev.openocr.recognize;

/**
 * Connectionist temporal classification loss, computed in log space in plain Java on the
 * log-probabilities of one sequence. Plain Java because DJL has no CTC and the NDArray version
 * made a training step about 4x slower (see STACK-NOTES); the caller turns the gradient into a
 * surrogate loss {@code sum(logProbs * grad)} so autograd carries it through log-softmax.
 */
public final class CtcLoss {
  private static final double NEG_INF = Double.NEGATIVE_INFINITY;

  private CtcLoss() {}

  /** Loss and its gradient with respect to every log-probability. */
  public record Result(double loss, float[] grad) {
    public boolean feasible() {
      return Double.isFinite(loss);
    }
  }

  /**
   * @param logProbs log-softmax output {@code [T, K]} row-major, starting at {@code offset}
   * @param t time steps of this sequence
   * @param k classes, 0 being the blank
   * @param labels target labels (1..k-1)
   * @return {@code -log p(labels | x)} and {@code d loss / d logProbs[t][k]} ({@code [T, K]});
   *     an infinite loss and zero gradient when no alignment fits in {@code t} steps
   */
  public static Result compute(float[] logProbs, int offset, int t, int k, int[] labels) {
    int[] ext = extended(labels);
    int s = ext.length;
    double[][] alpha = forward(logProbs, offset, t, k, ext);
    double[][] beta = new double[t][s];
    for (double[] row : beta) {
      java.util.Arrays.fill(row, NEG_INF);
    }
    // backward: beta[T-1] ends at the last label or the last blank
    beta[t - 1][s - 1] = lp(logProbs, offset, k, t - 1, ext[s - 1]);
    if (s > 1) {
      beta[t - 1][s - 2] = lp(logProbs, offset, k, t - 1, ext[s - 2]);
    }
    for (int ti = t - 2; ti >= 0; ti--) {
      for (int si = s - 1; si >= 0; si--) {
        double b = beta[ti + 1][si];
        if (si + 1 < s) {
          b = logAdd(b, beta[ti + 1][si + 1]);
        }
        if (si + 2 < s && ext[si] != 0 && ext[si] != ext[si + 2]) {
          b = logAdd(b, beta[ti + 1][si + 2]);
        }
        beta[ti][si] = b == NEG_INF ? NEG_INF : b + lp(logProbs, offset, k, ti, ext[si]);
      }
    }
    double logP = end(alpha, t, s);
    float[] grad = new float[t * k];
    if (logP == NEG_INF) {
      return new Result(Double.POSITIVE_INFINITY, grad);
    }
    // d(-log p)/d logy_t(c) = -sum_{s: ext[s]=c} exp(alpha+beta - logy_t(c) - logP)
    double[] acc = new double[k];
    for (int ti = 0; ti < t; ti++) {
      java.util.Arrays.fill(acc, NEG_INF);
      for (int si = 0; si < s; si++) {
        acc[ext[si]] = logAdd(acc[ext[si]], alpha[ti][si] + beta[ti][si]);
      }
      for (int c = 0; c < k; c++) {
        if (acc[c] != NEG_INF) {
          grad[ti * k + c] = (float) -Math.exp(acc[c] - lp(logProbs, offset, k, ti, c) - logP);
        }
      }
    }
    return new Result(-logP, grad);
  }

  /**
   * {@code log p(labels | x)} alone (forward pass only), {@code -Infinity} when no alignment
   * fits in {@code t} steps. Used to rescore candidate readings at inference.
   */
  public static double logLikelihood(float[] logProbs, int offset, int t, int k, int[] labels) {
    int[] ext = extended(labels);
    return end(forward(logProbs, offset, t, k, ext), t, ext.length);
  }

  /**
   * Best single alignment of {@code labels} (Viterbi): for each label, the largest probability
   * it has on a frame aligned to it. Null when no alignment fits.
   */
  public static float[] alignedProbs(float[] logProbs, int offset, int t, int k, int[] labels) {
    int[] ext = extended(labels);
    int s = ext.length;
    double[][] v = new double[t][s];
    int[][] from = new int[t][s];
    for (double[] row : v) {
      java.util.Arrays.fill(row, NEG_INF);
    }
    v[0][0] = lp(logProbs, offset, k, 0, ext[0]);
    if (s > 1) {
      v[0][1] = lp(logProbs, offset, k, 0, ext[1]);
    }
    for (int ti = 1; ti < t; ti++) {
      for (int si = 0; si < s; si++) {
        double best = v[ti - 1][si];
        int arg = si;
        if (si >= 1 && v[ti - 1][si - 1] > best) {
          best = v[ti - 1][si - 1];
          arg = si - 1;
        }
        if (si >= 2 && ext[si] != 0 && ext[si] != ext[si - 2] && v[ti - 1][si - 2] > best) {
          best = v[ti - 1][si - 2];
          arg = si - 2;
        }
        if (best != NEG_INF) {
          v[ti][si] = best + lp(logProbs, offset, k, ti, ext[si]);
          from[ti][si] = arg;
        }
      }
    }
    int si = s - 1;
    if (s > 1 && v[t - 1][s - 2] > v[t - 1][s - 1]) {
      si = s - 2;
    }
    if (v[t - 1][si] == NEG_INF) {
      return null;
    }
    float[] probs = new float[labels.length];
    for (int ti = t - 1; ti >= 0; ti--) {
      if (si % 2 == 1) {
        int label = si / 2;
        probs[label] = Math.max(probs[label],
            (float) Math.exp(lp(logProbs, offset, k, ti, ext[si])));
      }
      si = from[ti][si];
    }
    return probs;
  }

  /** Labels with a blank before, between and after them. */
  private static int[] extended(int[] labels) {
    int[] ext = new int[2 * labels.length + 1];
    for (int i = 0; i < labels.length; i++) {
      ext[2 * i + 1] = labels[i];
    }
    return ext;
  }

  /** Forward variables {@code alpha[t][s]} in log space. */
  private static double[][] forward(float[] logProbs, int offset, int t, int k, int[] ext) {
    int s = ext.length;
    double[][] alpha = new double[t][s];
    for (double[] row : alpha) {
      java.util.Arrays.fill(row, NEG_INF);
    }
    // alpha[0] starts at the first blank or the first label
    alpha[0][0] = lp(logProbs, offset, k, 0, ext[0]);
    if (s > 1) {
      alpha[0][1] = lp(logProbs, offset, k, 0, ext[1]);
    }
    for (int ti = 1; ti < t; ti++) {
      for (int si = 0; si < s; si++) {
        double a = alpha[ti - 1][si];
        if (si >= 1) {
          a = logAdd(a, alpha[ti - 1][si - 1]);
        }
        if (si >= 2 && ext[si] != 0 && ext[si] != ext[si - 2]) {
          a = logAdd(a, alpha[ti - 1][si - 2]);
        }
        alpha[ti][si] = a == NEG_INF ? NEG_INF : a + lp(logProbs, offset, k, ti, ext[si]);
      }
    }
    return alpha;
  }

  /** {@code log p}: the paths that end on the last label or the last blank. */
  private static double end(double[][] alpha, int t, int s) {
    double logP = alpha[t - 1][s - 1];
    return s > 1 ? logAdd(logP, alpha[t - 1][s - 2]) : logP;
  }

  private static double lp(float[] logProbs, int offset, int k, int ti, int c) {
    return logProbs[offset + ti * k + c];
  }

  static double logAdd(double a, double b) {
    if (a == NEG_INF) {
      return b;
    }
    if (b == NEG_INF) {
      return a;
    }
    double m = Math.max(a, b);
    return m + Math.log1p(Math.exp(-Math.abs(a - b)));
  }
}
