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

  @Test
  void punctuationGetsTheWordsHeightAndStaysLinked() {
    // "7,5": a comma is short and sits low; the word quad spans the digits' height and the comma's
    Quad seven = new Quad(10, 10, 26, 10, 26, 40, 10, 40);
    Quad comma = new Quad(28, 36, 32, 36, 32, 46, 28, 46);
    Quad five = new Quad(34, 10, 50, 10, 50, 40, 34, 40);
    SynthWord w = new SynthWord("7,5", new Quad(10, 10, 50, 10, 50, 46, 10, 46),
        List.of(seven, comma, five));
    CraftTargets t = CraftTargets.make(List.of(w), 64, 64, 1.0);
    // the comma's Gaussian fills its slice of the word: high at the word's middle height,
    // far above the comma's own ink
    assertThat(t.region()[28 * 64 + 30]).isGreaterThan(0.8f);
    // and the affinity on both sides of it is strong at that height
    assertThat(t.affinity()[28 * 64 + 25]).isGreaterThan(0.5f);
    assertThat(t.affinity()[28 * 64 + 35]).isGreaterThan(0.5f);
    // nothing leaks outside the word quad
    assertThat(t.region()[5 * 64 + 30]).isZero();
    assertThat(t.region()[50 * 64 + 30]).isZero();
  }

  @Test
  void sliceCutsTheWordQuadAtTheCharactersEnds() {
    Quad word = new Quad(0, 0, 100, 0, 100, 30, 0, 30);
    // a small character in the lower half: its slice spans the word's height
    assertThat(CraftTargets.slice(word, new Quad(50, 20, 60, 20, 60, 25, 50, 25)))
        .isEqualTo(new Quad(50, 0, 60, 0, 60, 30, 50, 30));
    // a character sticking out of the word is cut at the word's end
    assertThat(CraftTargets.slice(word, new Quad(95, 5, 104, 5, 104, 25, 95, 25)))
        .isEqualTo(new Quad(95, 0, 100, 0, 100, 30, 95, 30));
    // a word running downwards (rotated 90 degrees): slices are cut across its length
    Quad down = new Quad(30, 0, 30, 100, 0, 100, 0, 0);
    assertThat(CraftTargets.slice(down, new Quad(20, 40, 20, 50, 10, 50, 10, 40)))
        .isEqualTo(new Quad(30, 40, 30, 50, 0, 50, 0, 40));
  }
}
