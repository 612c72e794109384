package dev.openocr.train;

import java.util.Arrays;

/**
 * Online hard negative mining weights for the CRAFT loss: every positive pixel, plus the
 * {@code ratio} times as many negatives with the largest error, per map. Weights are normalized
 * so the weighted sum is the mean loss over the kept pixels.
 */
final class Ohem {
  private Ohem() {}

  /**
   * @param err per-pixel squared error, {@code maps * pixels}
   * @param target the targets, same layout
   * @return weights, same layout
   */
  static float[] weights(float[] err, float[] target, int maps, int pixels, float positive,
      int ratio, int minNegatives) {
    return weights(err, target, maps, pixels, positive, ratio, minNegatives, null, 0);
  }

  /**
   * As above, and every pixel where {@code extra} is 1 gets {@code extraWeight} more weight (on
   * top of any it has), in the same units: the spaces between words, which hard negative mining
   * alone leaves to compete with every other negative.
   *
   * @param extra same layout as {@code err}, 0 or 1; null for none
   */
  static float[] weights(float[] err, float[] target, int maps, int pixels, float positive,
      int ratio, int minNegatives, float[] extra, float extraWeight) {
    float[] w = new float[err.length];
    int kept = 0;
    float[] negErr = new float[pixels];
    for (int m = 0; m < maps; m++) {
      int base = m * pixels;
      int pos = 0;
      int neg = 0;
      for (int i = 0; i < pixels; i++) {
        if (target[base + i] > positive) {
          w[base + i] = 1;
          pos++;
        } else {
          negErr[neg++] = err[base + i];
        }
      }
      int k = Math.min(neg, pos > 0 ? ratio * pos : minNegatives);
      if (k > 0) {
        // threshold = k-th largest negative error
        float[] sorted = Arrays.copyOf(negErr, neg);
        Arrays.sort(sorted);
        float thr = sorted[neg - k];
        int taken = 0;
        for (int i = 0; i < pixels && taken < k; i++) {
          if (target[base + i] <= positive && err[base + i] >= thr) {
            w[base + i] = 1;
            taken++;
          }
        }
      }
      kept += pos + k;
    }
    float norm = 1f / Math.max(1, kept);
    for (int i = 0; i < w.length; i++) {
      if (extra != null && extra[i] > 0) {
        w[i] += extraWeight * extra[i];
      }
      w[i] *= norm;
    }
    return w;
  }
}
