package dev.openocr.recognize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CtcLossTest {

  /** log-softmax of random logits, [T, K]. */
  private static float[] randomLogProbs(Random r, int t, int k) {
    float[] lp = new float[t * k];
    for (int i = 0; i < t; i++) {
      double max = -1e9;
      double[] z = new double[k];
      for (int c = 0; c < k; c++) {
        z[c] = r.nextGaussian() * 2;
        max = Math.max(max, z[c]);
      }
      double sum = 0;
      for (int c = 0; c < k; c++) {
        sum += Math.exp(z[c] - max);
      }
      for (int c = 0; c < k; c++) {
        lp[i * k + c] = (float) (z[c] - max - Math.log(sum));
      }
    }
    return lp;
  }

  /** Sum over every path of length T whose collapse equals the labels. */
  private static double bruteForceProb(float[] lp, int t, int k, int[] labels) {
    List<int[]> paths = new ArrayList<>();
    enumerate(new int[t], 0, k, paths);
    double p = 0;
    for (int[] path : paths) {
      if (java.util.Arrays.equals(collapse(path), labels)) {
        double lpSum = 0;
        for (int i = 0; i < t; i++) {
          lpSum += lp[i * k + path[i]];
        }
        p += Math.exp(lpSum);
      }
    }
    return p;
  }

  private static void enumerate(int[] cur, int pos, int k, List<int[]> out) {
    if (pos == cur.length) {
      out.add(cur.clone());
      return;
    }
    for (int c = 0; c < k; c++) {
      cur[pos] = c;
      enumerate(cur, pos + 1, k, out);
    }
  }

  private static int[] collapse(int[] path) {
    List<Integer> out = new ArrayList<>();
    int prev = 0;
    for (int c : path) {
      if (c != 0 && c != prev) {
        out.add(c);
      }
      prev = c;
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  @Test
  void lossEqualsBruteForceSumOverAlignments() {
    Random r = new Random(3);
    int[][] cases = {{1}, {1, 2}, {1, 1}, {2, 1, 2}, {}};
    for (int[] labels : cases) {
      int t = 5;
      int k = 3;
      float[] lp = randomLogProbs(r, t, k);
      double expected = -Math.log(bruteForceProb(lp, t, k, labels));
      CtcLoss.Result res = CtcLoss.compute(lp, 0, t, k, labels);
      assertThat(res.loss()).as("labels %s", java.util.Arrays.toString(labels))
          .isCloseTo(expected, within(1e-4));
    }
  }

  @Test
  void gradientMatchesFiniteDifferencesOfBruteForce() {
    Random r = new Random(11);
    int t = 4;
    int k = 3;
    int[] labels = {1, 2};
    float[] lp = randomLogProbs(r, t, k);
    CtcLoss.Result res = CtcLoss.compute(lp, 0, t, k, labels);
    double eps = 1e-3;
    for (int i = 0; i < t * k; i++) {
      float[] plus = lp.clone();
      float[] minus = lp.clone();
      plus[i] += (float) eps;
      minus[i] -= (float) eps;
      // the loss as a function of independent log-probabilities (no renormalization)
      double fd = (-Math.log(bruteForceProb(plus, t, k, labels))
          + Math.log(bruteForceProb(minus, t, k, labels))) / (2 * eps);
      assertThat((double) res.grad()[i]).as("grad[%d]", i).isCloseTo(fd, within(2e-3));
    }
  }

  @Test
  void infeasibleAlignmentGivesInfiniteLossAndZeroGradient() {
    float[] lp = randomLogProbs(new Random(1), 2, 3);
    // "aa" needs a blank between the repeats: 3 steps at least
    CtcLoss.Result res = CtcLoss.compute(lp, 0, 2, 3, new int[] {1, 1});
    assertThat(res.feasible()).isFalse();
    for (float g : res.grad()) {
      assertThat(g).isZero();
    }
  }

  @Test
  void greedyDecoderMergesRepeatsAndDropsBlanks() {
    Charset cs = Charset.parse("ab");
    // frames: a a blank a b b  -> "aab"
    int[] best = {1, 1, 0, 1, 2, 2};
    float[] probs = new float[best.length * 3];
    for (int i = 0; i < best.length; i++) {
      for (int c = 0; c < 3; c++) {
        probs[i * 3 + c] = c == best[i] ? 0.8f : 0.1f;
      }
    }
    probs[1 * 3 + 1] = 0.9f;
    Recognition rec = CtcDecoder.decode(probs, 0, best.length, 3, cs);
    assertThat(rec.text()).isEqualTo("aab");
    assertThat(rec.charProbs()).containsExactly(0.9f, 0.8f, 0.8f);
    assertThat(rec.confidence()).isCloseTo(0.9 * 0.8 * 0.8, within(1e-6));
  }

  @Test
  void logLikelihoodIsMinusTheLossAndInfiniteWhenNothingFits() {
    Random r = new Random(5);
    float[] lp = randomLogProbs(r, 6, 4);
    for (int[] labels : new int[][] {{1}, {3, 3}, {1, 2, 3}, {}}) {
      assertThat(CtcLoss.logLikelihood(lp, 0, 6, 4, labels))
          .isCloseTo(-CtcLoss.compute(lp, 0, 6, 4, labels).loss(), within(1e-9));
    }
    assertThat(CtcLoss.logLikelihood(lp, 0, 2, 4, new int[] {2, 2}))
        .isEqualTo(Double.NEGATIVE_INFINITY);
  }

  /** The best single path that collapses to the labels, found by trying every path. */
  private static int[] bruteForceBestPath(float[] lp, int t, int k, int[] labels) {
    List<int[]> paths = new ArrayList<>();
    enumerate(new int[t], 0, k, paths);
    int[] best = null;
    double bestLp = Double.NEGATIVE_INFINITY;
    for (int[] path : paths) {
      if (!java.util.Arrays.equals(collapse(path), labels)) {
        continue;
      }
      double sum = 0;
      for (int i = 0; i < t; i++) {
        sum += lp[i * k + path[i]];
      }
      if (sum > bestLp) {
        bestLp = sum;
        best = path;
      }
    }
    return best;
  }

  @Test
  void alignedProbsFollowTheBestSinglePath() {
    Random r = new Random(8);
    int t = 6;
    int k = 3;
    for (int[] labels : new int[][] {{1}, {1, 2}, {2, 2}, {1, 2, 1}}) {
      float[] lp = randomLogProbs(r, t, k);
      int[] path = bruteForceBestPath(lp, t, k, labels);
      // the largest probability of each label along that path's frames
      float[] expected = new float[labels.length];
      int label = -1;
      int prev = 0;
      for (int i = 0; i < t; i++) {
        if (path[i] != 0 && path[i] != prev) {
          label++;
        }
        if (path[i] != 0) {
          expected[label] = Math.max(expected[label], (float) Math.exp(lp[i * k + path[i]]));
        }
        prev = path[i];
      }
      assertThat(CtcLoss.alignedProbs(lp, 0, t, k, labels))
          .as("labels %s", java.util.Arrays.toString(labels))
          .containsExactly(expected, within(1e-6f));
    }
    assertThat(CtcLoss.alignedProbs(randomLogProbs(r, 2, 3), 0, 2, 3, new int[] {1, 1})).isNull();
  }
}
