package dev.openocr.recognize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Prefix beam search against greedy decoding and against every path summed by brute force. */
class CtcDecoderTest {
  private static final Charset AB = Charset.parse("ab");

  @Test
  void theBeamFindsALabellingWhoseAlignmentsOutweighTheBestPath() {
    // two frames of blank 0.4, a 0.35, b 0.25: the best path is two blanks (""), 0.16; "a" has
    // a-a, a-blank and blank-a, 0.1225 + 0.14 + 0.14 = 0.4025
    float[] probs = {0.4f, 0.35f, 0.25f, 0.4f, 0.35f, 0.25f};
    assertThat(CtcDecoder.decode(probs, 0, 2, 3, AB).text()).isEmpty();
    Recognition r = CtcDecoder.beam(probs, 0, 2, 3, AB, 4);
    assertThat(r.text()).isEqualTo("a");
    // the character's probability along its best alignment, and the confidence their product
    assertThat(r.charProbs()).containsExactly(new float[] {0.35f},
        org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(r.confidence()).isCloseTo(0.35, within(1e-6));
    // one beam is the greedy reading
    assertThat(CtcDecoder.beam(probs, 0, 2, 3, AB, 1).text()).isEmpty();
  }

  @Test
  void whenBothAgreeTheGreedyReadingIsReturnedWithItsConfidences() {
    float[] probs = {0.1f, 0.8f, 0.1f, 0.9f, 0.05f, 0.05f, 0.1f, 0.1f, 0.8f};
    Recognition greedy = CtcDecoder.decode(probs, 0, 3, 3, AB);
    assertThat(greedy.text()).isEqualTo("ab");
    Recognition beam = CtcDecoder.beam(probs, 0, 3, 3, AB, 8);
    assertThat(beam.text()).isEqualTo("ab");
    // the per-step maxima of the best path, as the greedy reading gives them
    assertThat(beam.charProbs()).containsExactly(greedy.charProbs());
    assertThat(beam.confidence()).isEqualTo(greedy.confidence());
  }

  @Test
  void aWideBeamFindsTheMostLikelyLabellingOfEveryPath() {
    Random rnd = new Random(11);
    int t = 6;
    int k = 3;
    int differ = 0;
    for (int trial = 0; trial < 200; trial++) {
      float[] probs = new float[t * k];
      for (int i = 0; i < t; i++) {
        double sum = 0;
        double[] v = new double[k];
        for (int c = 0; c < k; c++) {
          // skewed towards one class a frame, never below the beam's pruning
          v[c] = 0.05 + Math.pow(rnd.nextDouble(), 3);
          sum += v[c];
        }
        for (int c = 0; c < k; c++) {
          probs[i * k + c] = (float) (v[c] / sum);
        }
      }
      Map<String, Double> all = bruteForce(probs, t, k);
      String best = all.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
      String beam = CtcDecoder.beam(probs, 0, t, k, AB, 64).text();
      // ties between labellings aside, the beam's is the most likely
      assertThat(all.get(beam)).as("trial %d", trial).isCloseTo(all.get(best), within(1e-6));
      String greedy = CtcDecoder.decode(probs, 0, t, k, AB).text();
      differ += greedy.equals(best) ? 0 : 1;
      if (CtcDecoder.bestPathProbability(probs, 0, t, k, AB) >= 0.5) {
        // a best path of at least even odds reads the likeliest labelling
        assertThat(greedy).isEqualTo(best);
      }
    }
    // and greedy decoding misses it on some of these uncertain inputs
    assertThat(differ).isGreaterThan(0);
  }

  @Test
  void aRepeatedCharacterNeedsABlankBetweenItsRuns() {
    // a, blank, a is "aa"; a, a, a is "a": the beam keeps both apart
    float[] probs = {0.02f, 0.96f, 0.02f, 0.6f, 0.38f, 0.02f, 0.02f, 0.96f, 0.02f};
    Map<String, Double> all = bruteForce(probs, 3, 3);
    String best = all.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
    assertThat(best).isEqualTo("aa");
    assertThat(CtcDecoder.beam(probs, 0, 3, 3, AB, 8).text()).isEqualTo("aa");
  }

  /** The probability of each labelling, summed over all k^t paths. */
  private static Map<String, Double> bruteForce(float[] probs, int t, int k) {
    Map<String, Double> out = new HashMap<>();
    int paths = (int) Math.pow(k, t);
    for (int p = 0; p < paths; p++) {
      int code = p;
      double prob = 1;
      StringBuilder sb = new StringBuilder();
      int prev = 0;
      for (int i = 0; i < t; i++) {
        int c = code % k;
        code /= k;
        prob *= probs[i * k + c];
        if (c != 0 && c != prev) {
          sb.append((char) ('a' + c - 1));
        }
        prev = c;
      }
      out.merge(sb.toString(), prob, Double::sum);
    }
    return out;
  }
}
