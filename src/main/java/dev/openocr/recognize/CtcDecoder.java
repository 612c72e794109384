package dev.openocr.recognize;

/** Greedy (best path) CTC decoding: merge repeats, drop blanks. */
public final class CtcDecoder {
  private CtcDecoder() {}

  /**
   * Decodes one sequence of probabilities.
   *
   * @param probs softmax output, {@code [T, K]} row-major; class 0 is the blank
   * @param t number of time steps to read
   * @param k number of classes
   * @param offset where the sequence starts in {@code probs}
   */
  public static Recognition decode(float[] probs, int offset, int t, int k, Charset charset) {
    StringBuilder sb = new StringBuilder();
    float[] charProbs = new float[t];
    int n = 0;
    double conf = 1.0;
    int prev = 0;
    for (int i = 0; i < t; i++) {
      int base = offset + i * k;
      int best = argMax(probs, base, k);
      float bp = probs[base + best];
      if (best != 0 && best != prev) {
        sb.appendCodePoint(charset.codePoint(best));
        charProbs[n++] = bp;
        conf *= bp;
      } else if (best != 0 && charProbs[n - 1] < bp) {
        // a repeated frame of the same character: keep its most confident frame
        conf = conf / charProbs[n - 1] * bp;
        charProbs[n - 1] = bp;
      }
      prev = best;
    }
    return new Recognition(sb.toString(), n == 0 ? 0.0 : conf, java.util.Arrays.copyOf(charProbs, n));
  }

  /** Index of the largest of {@code probs[base .. base + k)} (the first one on ties). */
  static int argMax(float[] probs, int base, int k) {
    int best = 0;
    for (int c = 1; c < k; c++) {
      if (probs[base + c] > probs[base + best]) {
        best = c;
      }
    }
    return best;
  }
}
