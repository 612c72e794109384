package dev.openocr.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Hard negative mining keeps positives and the worst negatives; extra weight adds on top. */
class OhemTest {
  // one map of 8 pixels: 2 positives, 6 negatives with errors 0.1 .. 0.6
  private static final float[] TARGET = {1, 0.5f, 0, 0, 0, 0, 0, 0};
  private static final float[] ERR = {0.2f, 0.3f, 0.1f, 0.6f, 0.2f, 0.5f, 0.3f, 0.4f};

  @Test
  void keepsPositivesAndTheHardestNegatives() {
    float[] w = Ohem.weights(ERR, TARGET, 1, 8, 0.1f, 1, 100);
    // 2 positives and the 2 negatives with the largest errors (0.6 and 0.5), each 1/4
    assertThat(w).containsExactly(new float[] {0.25f, 0.25f, 0, 0.25f, 0, 0.25f, 0, 0},
        within(1e-6f));
  }

  @Test
  void extraWeightAddsToTheMarkedPixelsInTheSameUnits() {
    float[] extra = {0, 0, 1, 1, 0, 0, 0, 0};
    float[] w = Ohem.weights(ERR, TARGET, 1, 8, 0.1f, 1, 100, extra, 3f);
    // pixel 2 was not mined: 3/4; pixel 3 was: (1 + 3)/4; the normalization is unchanged
    assertThat(w).containsExactly(new float[] {0.25f, 0.25f, 0.75f, 1f, 0, 0.25f, 0, 0},
        within(1e-6f));
    assertThat(Ohem.weights(ERR, TARGET, 1, 8, 0.1f, 1, 100, extra, 0f))
        .containsExactly(Ohem.weights(ERR, TARGET, 1, 8, 0.1f, 1, 100), within(0f));
  }
}
