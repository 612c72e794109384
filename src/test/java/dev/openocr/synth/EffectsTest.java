package dev.openocr.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.geometry.Quad;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EffectsTest {

  @Test
  void binarizedPagesArePureBlackAndWhiteAndKeepTheInk() {
    SynthConfig cfg = SynthConfig.defaults().set("binarizeProb", "1").set("speckleProb", "0")
        .set("scannerProb", "0");
    byte[] ink = new byte[100 * 20];
    for (int x = 10; x < 90; x++) {
      ink[10 * 100 + x] = (byte) 200; // a rule of strong ink
      ink[15 * 100 + x] = (byte) 80; // a faint stroke, still above the threshold range
    }
    byte[] px = ImageEffects.finish(ink, 100, 20, cfg, new Rng(1), true, StrokeGuard.of(false));
    for (byte b : px) {
      assertThat(b == 0 || b == (byte) 255).isTrue();
    }
    assertThat(px[10 * 100 + 50]).isEqualTo((byte) 0);
    assertThat(px[15 * 100 + 50]).isEqualTo((byte) 0);
    assertThat(px[5 * 100 + 50]).isEqualTo((byte) 255);
  }

  @Test
  void autoLevelsStretchContrastWithACappedGain() {
    byte[] px = new byte[1000];
    Arrays.fill(px, (byte) 200);
    Arrays.fill(px, 0, 100, (byte) 120);
    ImageEffects.levels(px, 0, 255);
    assertThat(px[500] & 0xff).isEqualTo(255);
    // 80 levels of contrast may grow to at most 2.5x: ink ends near 55, not at 0
    assertThat(px[0] & 0xff).isBetween(40, 70);
  }

  @Test
  void sineWarpShiftsColumnsLikeItsPointMap() {
    Warp.Sine sine = new Warp.Sine(3, 40, 0);
    int w = 40;
    int h = 30;
    byte[] src = new byte[w * h];
    Arrays.fill(src, 15 * w, 16 * w, (byte) 255); // a horizontal line at y = 15
    byte[] out = sine.apply(src, w, h);
    double[] p = new double[2];
    sine.map(10, 15.5, p); // a quarter period: the line moved down by 3
    assertThat(p[1]).isCloseTo(18.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(out[18 * w + 10] & 0xff).isGreaterThan(200);
    assertThat(out[15 * w + 10] & 0xff).isLessThan(50);
  }

  @Test
  void encloseHoldsEveryPartAlongTheQuadsDirection() {
    Quad word = new Quad(0, 0, 10, 0, 10, 5, 0, 5);
    Quad part = new Quad(2, -2, 4, -2, 4, 7, 2, 7);
    Quad e = Quads.enclose(word, List.of(part));
    assertThat(e.bounds().top()).isEqualTo(-2);
    assertThat(e.bounds().bottom()).isEqualTo(7);
    assertThat(e.bounds().left()).isEqualTo(0);
    assertThat(e.bounds().right()).isEqualTo(10);
  }

  @Test
  void strikesLightenInkOnlyInsideCharacterBoxes() {
    byte[] ink = new byte[20 * 10];
    Arrays.fill(ink, (byte) 200);
    Quad c = new Quad(2, 2, 5, 2, 5, 6, 2, 6);
    InkEffects.strikes(ink, 20, 10, List.of(new SynthWord("a", c, List.of(c))), 0.9,
        new Rng(3));
    assertThat(ink[4 * 20 + 3] & 0xff).isLessThanOrEqualTo(200);
    assertThat(ink[4 * 20 + 15] & 0xff).isEqualTo(200);
  }

  @Test
  void fragileTextIsBinarizedAtAHigherThresholdAndNotBled() {
    SynthConfig cfg = SynthConfig.defaults().set("binarizeProb", "1").set("speckleProb", "0")
        .set("scannerProb", "0");
    byte[] ink = new byte[100 * 20];
    for (int x = 10; x < 90; x++) {
      ink[10 * 100 + x] = (byte) 200;
      ink[15 * 100 + x] = (byte) 38; // faint: black at some fax thresholds, never when fragile
    }
    int sturdyBlack = 0;
    for (int seed = 0; seed < 20; seed++) {
      byte[] sturdy = ImageEffects.finish(ink, 100, 20, cfg, new Rng(seed), false,
          StrokeGuard.of(false));
      byte[] fragile = ImageEffects.finish(ink, 100, 20, cfg, new Rng(seed), false,
          StrokeGuard.of(true));
      sturdyBlack += sturdy[15 * 100 + 50] == 0 ? 1 : 0;
      assertThat(fragile[15 * 100 + 50]).isEqualTo((byte) 255);
      assertThat(fragile[10 * 100 + 50]).isEqualTo((byte) 0);
    }
    assertThat(sturdyBlack).isPositive();

    SynthConfig bleedOnly = SynthConfig.clean().set("bleedProb", "1");
    byte[] bled = ink.clone();
    InkEffects.apply(bled, 100, 20, bleedOnly, new Rng(2), StrokeGuard.of(false));
    byte[] spared = ink.clone();
    InkEffects.apply(spared, 100, 20, bleedOnly, new Rng(2), StrokeGuard.of(true));
    assertThat(bled[9 * 100 + 50] & 0xff).as("ink spread above the rule").isPositive();
    assertThat(spared).isEqualTo(ink);
  }

  @Test
  void fragileTextIsNotBlurred() {
    SynthConfig cfg = SynthConfig.clean().set("lowResProb", "1").set("blurProb", "1");
    byte[] px = new byte[40 * 30];
    Arrays.fill(px, (byte) 255);
    for (int y = 5; y < 25; y++) {
      px[y * 40 + 20] = 0; // a one-pixel stroke
    }
    byte[] sturdy = ImageEffects.apply(px.clone(), 40, 30, cfg, new Rng(5),
        StrokeGuard.of(false));
    byte[] fragile = ImageEffects.apply(px.clone(), 40, 30, cfg, new Rng(5),
        StrokeGuard.of(true));
    byte[] lowResOnly = ImageEffects.apply(px.clone(), 40, 30,
        SynthConfig.clean().set("lowResProb", "1"), new Rng(5), StrokeGuard.of(false));
    assertThat(fragile).isEqualTo(lowResOnly);
    assertThat(sturdy).isNotEqualTo(fragile);
  }

  @Test
  void fragileTextTakesOneDamagingEffectAtMost() {
    SynthConfig cfg = SynthConfig.clean().set("brokenProb", "1").set("binarizeProb", "1")
        .set("lowResProb", "1");
    byte[] ink = new byte[60 * 20];
    for (int y = 5; y < 15; y++) {
      for (int x = 10; x < 50; x++) {
        ink[y * 60 + x] = (byte) 230;
      }
    }
    StrokeGuard guard = StrokeGuard.of(true);
    byte[] broken = ink.clone();
    InkEffects.apply(broken, 60, 20, cfg, new Rng(4), guard);
    assertThat(broken).as("broken strokes applied").isNotEqualTo(ink);
    byte[] px = ImageEffects.finish(broken, 60, 20, cfg, new Rng(4), false, guard);
    assertThat(px).as("not binarized: gray levels remain")
        .matches(p -> IntStream.range(0, p.length).anyMatch(i -> p[i] != 0 && p[i] != (byte) 255));
    // sturdy text takes all three
    StrokeGuard sturdy = StrokeGuard.of(false);
    byte[] b2 = ink.clone();
    InkEffects.apply(b2, 60, 20, cfg, new Rng(4), sturdy);
    byte[] px2 = ImageEffects.finish(b2, 60, 20, cfg, new Rng(4), false, sturdy);
    assertThat(px2).as("binarized")
        .matches(p -> IntStream.range(0, p.length).allMatch(i -> p[i] == 0 || p[i] == (byte) 255));
  }
}
