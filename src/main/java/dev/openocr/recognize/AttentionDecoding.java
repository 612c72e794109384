package dev.openocr.recognize;

/** Greedy reading of an attention decoder's output: characters up to the end token. */
public final class AttentionDecoding {
  private AttentionDecoding() {}

  /**
   * Decodes one word.
   *
   * @param probs softmax output, {@code [S, K]} row-major per word; class 0 is the end token
   * @param offset where the word starts in {@code probs}
   * @param steps decoding steps available
   * @param k number of classes
   * @return the text before the first end token; the confidence is the product of the maximum
   *     probabilities of its characters and of the end token (as the benchmark computes it), or
   *     of every step when no end token came
   */
  public static Recognition decode(float[] probs, int offset, int steps, int k, Charset charset) {
    StringBuilder sb = new StringBuilder();
    float[] charProbs = new float[steps];
    int n = 0;
    double conf = 1.0;
    for (int s = 0; s < steps; s++) {
      int base = offset + s * k;
      int best = CtcDecoder.argMax(probs, base, k);
      float bp = probs[base + best];
      conf *= bp;
      if (best == AttentionDecoder.END) {
        break;
      }
      sb.appendCodePoint(charset.codePoint(best));
      charProbs[n++] = bp;
    }
    return new Recognition(sb.toString(), n == 0 ? 0.0 : conf, java.util.Arrays.copyOf(charProbs, n));
  }
}
