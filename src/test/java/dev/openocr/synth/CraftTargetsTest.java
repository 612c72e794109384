package dev.openocr.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.geometry.Quad;
import java.util.List;
import org.junit.jupiter.api.Test;

class CraftTargetsTest {

  private static SynthWord word() {
    Quad a = new Quad(10, 10, 30, 10, 30, 40, 10, 40);
    Quad b = new Quad(34, 10, 54, 10, 54, 40, 34, 40);
    return new SynthWord("ab", new Quad(10, 10, 54, 10, 54, 40, 10, 40), List.of(a, b));
  }

  @Test
  void regionPeaksAtCharacterCentres() {
    CraftTargets t = CraftTargets.make(List.of(word()), 64, 64, 1.0);
    float centre = t.region()[25 * 64 + 20];
    assertThat(centre).isGreaterThan(0.95f);
    assertThat(t.region()[25 * 64 + 44]).isGreaterThan(0.95f);
    // between the two characters and outside them the region score is low
    assertThat(t.region()[25 * 64 + 32]).isZero();
    assertThat(t.region()[5 * 64 + 20]).isZero();
    assertThat(t.region()[11 * 64 + 20]).isLessThan(centre / 2);
  }

  @Test
  void affinityPeaksBetweenAdjacentCharacters() {
    CraftTargets t = CraftTargets.make(List.of(word()), 64, 64, 1.0);
    assertThat(t.affinity()[25 * 64 + 32]).isGreaterThan(0.9f);
    assertThat(t.affinity()[25 * 64 + 12]).isZero();
  }

  @Test
  void halfScaleMapsFollowTheQuads() {
    CraftTargets t = CraftTargets.make(List.of(word()), 32, 32, 0.5);
    assertThat(t.region()[12 * 32 + 10]).isGreaterThan(0.9f);
    assertThat(t.width()).isEqualTo(32);
  }

  @Test
  void pageTargetsPeakInsideCharacters() {
    SynthPage p = PageGenerator.defaults(Lang.EN, SynthConfig.clean()).generate(3);
    CraftTargets t = CraftTargets.make(p, 400, 500, 0.5);
    for (SynthWord w : p.words().subList(0, Math.min(20, p.words().size()))) {
      for (Quad c : w.chars()) {
        double[] m = Quads.center(c.scale(0.5, 0.5));
        float peak = 0;
        // tiny characters span a pixel or two at half scale: look at the pixels around the centre
        for (int y = (int) m[1] - 1; y <= (int) m[1] + 1; y++) {
          for (int x = (int) m[0] - 1; x <= (int) m[0] + 1; x++) {
            peak = Math.max(peak, t.region()[y * 400 + x]);
          }
        }
        assertThat(peak).as("centre of %s", c).isGreaterThan(0.5f);
      }
    }
  }
}
