package dev.openocr.recognize;

/**
 * CTC decoding: greedy (best path: merge repeats, drop blanks), and prefix beam search, which
 * looks for the most likely labelling summed over all its alignments.
 */
public final class CtcDecoder {
  /** Classes below this probability in a frame are not tried as extensions by the beam. */
  static final float BEAM_PRUNE = 1e-3f;

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
    return decode(probs, offset, t, k, charset, null);
  }

  /**
   * As {@link #decode(float[], int, int, int, Charset)}; {@code pathProbability}, when given,
   * receives in its first element the best path's probability (the product of every frame's
   * largest probability, blanks included).
   */
  private static Recognition decode(float[] probs, int offset, int t, int k, Charset charset,
      double[] pathProbability) {
    StringBuilder sb = new StringBuilder();
    float[] charProbs = new float[t];
    int n = 0;
    double conf = 1.0;
    double path = 1.0;
    int prev = 0;
    for (int i = 0; i < t; i++) {
      int base = offset + i * k;
      int best = argMax(probs, base, k);
      float bp = probs[base + best];
      path *= bp;
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
    if (pathProbability != null) {
      pathProbability[0] = path;
    }
    return new Recognition(sb.toString(), n == 0 ? 0.0 : conf, java.util.Arrays.copyOf(charProbs, n));
  }

  /**
   * Prefix beam search: keeps the {@code width} most likely label prefixes, each with the
   * probability of all its alignments so far ending in a blank and in a character, and extends
   * them frame by frame with the classes of at least {@link #BEAM_PRUNE} (and the frame's best).
   * The greedy reading is the best single path; the beam's may differ where a labelling has many
   * likely alignments ("ll" against "l", an unsure glyph spread over frames). When both read the
   * same, the greedy reading is returned as it is; otherwise the beam's, with per-character
   * probabilities along its best alignment ({@link CtcLoss#alignedProbs}). No search is made
   * when the best path alone has probability 0.5 or more (most crops): its labelling is then
   * the most likely one.
   *
   * @param width beams kept; 1 or less decodes greedily
   */
  public static Recognition beam(float[] probs, int offset, int t, int k, Charset charset,
      int width) {
    double[] path = new double[1];
    Recognition greedy = decode(probs, offset, t, k, charset, path);
    if (width <= 1 || t == 0 || path[0] >= 0.5) {
      // a best path of probability p gives its labelling at least p and leaves every other
      // labelling at most 1 - p: from p = 0.5 on, no search can find a likelier one
      return greedy;
    }
    java.util.Map<String, double[]> beams = new java.util.HashMap<>();
    beams.put("", new double[] {1, 0});
    int[] cands = new int[k];
    for (int i = 0; i < t; i++) {
      int base = offset + i * k;
      int n = 0;
      int best = argMax(probs, base, k);
      for (int c = 1; c < k; c++) {
        if (c == best || probs[base + c] >= BEAM_PRUNE) {
          cands[n++] = c;
        }
      }
      double blank = probs[base];
      java.util.Map<String, double[]> next = new java.util.HashMap<>(beams.size() * (n + 1) * 2);
      for (java.util.Map.Entry<String, double[]> e : beams.entrySet()) {
        String prefix = e.getKey();
        double pb = e.getValue()[0];
        double pnb = e.getValue()[1];
        double total = pb + pnb;
        double[] same = next.computeIfAbsent(prefix, x -> new double[2]);
        same[0] += total * blank;
        int last = prefix.isEmpty() ? -1 : prefix.charAt(prefix.length() - 1);
        if (last > 0) {
          // the last character's frames go on
          same[1] += pnb * probs[base + last];
        }
        for (int j = 0; j < n; j++) {
          int c = cands[j];
          double[] ext = next.computeIfAbsent(prefix + (char) c, x -> new double[2]);
          // a repeated character needs a blank between its two runs
          ext[1] += (c == last ? pb : total) * probs[base + c];
        }
      }
      // keep the most likely, scaled so the best sums to 1 (no underflow over long crops)
      java.util.List<java.util.Map.Entry<String, double[]>> ranked =
          new java.util.ArrayList<>(next.entrySet());
      ranked.sort((a, b) -> Double.compare(b.getValue()[0] + b.getValue()[1],
          a.getValue()[0] + a.getValue()[1]));
      double top = ranked.get(0).getValue()[0] + ranked.get(0).getValue()[1];
      beams = new java.util.HashMap<>();
      for (int j = 0; j < Math.min(width, ranked.size()); j++) {
        double[] v = ranked.get(j).getValue();
        if (top > 0) {
          v[0] /= top;
          v[1] /= top;
        }
        beams.put(ranked.get(j).getKey(), v);
      }
    }
    String bestPrefix = null;
    double bestP = -1;
    for (java.util.Map.Entry<String, double[]> e : beams.entrySet()) {
      double p = e.getValue()[0] + e.getValue()[1];
      if (p > bestP || (p == bestP && e.getKey().compareTo(bestPrefix) < 0)) {
        bestP = p;
        bestPrefix = e.getKey();
      }
    }
    int[] labels = new int[bestPrefix.length()];
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < labels.length; i++) {
      labels[i] = bestPrefix.charAt(i);
      sb.appendCodePoint(charset.codePoint(labels[i]));
    }
    String text = sb.toString();
    if (text.equals(greedy.text())) {
      return greedy;
    }
    if (labels.length == 0) {
      return new Recognition("", 0.0, new float[0]);
    }
    return aligned(text, labels, logProbs(probs, offset, t, k), t, k, greedy);
  }

  /** The best path's probability: the product of every frame's largest probability. */
  static double bestPathProbability(float[] probs, int offset, int t, int k, Charset charset) {
    double[] path = new double[1];
    decode(probs, offset, t, k, charset, path);
    return path[0];
  }

  /** Natural logarithms of {@code probs[offset .. offset + t * k)}, floored at 1e-30. */
  static float[] logProbs(float[] probs, int offset, int t, int k) {
    float[] logProbs = new float[t * k];
    for (int i = 0; i < t * k; i++) {
      logProbs[i] = (float) Math.log(Math.max(probs[offset + i], 1e-30f));
    }
    return logProbs;
  }

  /**
   * {@code text} (the characters of {@code labels}) with per-character probabilities along its
   * best alignment ({@link CtcLoss#alignedProbs}) and their product as confidence, or
   * {@code fallback} when no alignment fits the frames.
   */
  static Recognition aligned(String text, int[] labels, float[] logProbs, int t, int k,
      Recognition fallback) {
    float[] charProbs = CtcLoss.alignedProbs(logProbs, 0, t, k, labels);
    if (charProbs == null) {
      return fallback;
    }
    double conf = 1.0;
    for (float p : charProbs) {
      conf *= p;
    }
    return new Recognition(text, conf, charProbs);
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
