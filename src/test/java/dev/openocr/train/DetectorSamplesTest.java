package dev.openocr.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.detect.DetectorSpec;
import dev.openocr.geometry.Quad;
import dev.openocr.imageio.GrayImage;
import dev.openocr.synth.SynthLine;
import dev.openocr.synth.SynthPage;
import dev.openocr.synth.SynthWord;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Training crops are cut at scales of the run's range, and their targets follow the scale. */
class DetectorSamplesTest {
  /** A 400 x 400 page with one 40 x 20 word of two characters in the middle. */
  private static SynthPage onePage() {
    List<Quad> chars = List.of(new Quad(180, 190, 200, 190, 200, 210, 180, 210),
        new Quad(200, 190, 220, 190, 220, 210, 200, 210));
    SynthWord w = new SynthWord("ab", new Quad(180, 190, 220, 190, 220, 210, 180, 210), chars);
    return new SynthPage(GrayImage.blank(400, 400), List.of(w), List.of());
  }

  /** Heatmap pixels where the region target exceeds 0.1. */
  private static int regionPixels(DetectorSample s) {
    int n = 0;
    for (float v : s.region()) {
      n += v > 0.1f ? 1 : 0;
    }
    return n;
  }

  @Test
  void aCropAtTwiceTheScaleHasAboutFourTimesTheTextArea() {
    SynthPage page = onePage();
    DetectorSpec spec = DetectorSpec.lean();
    // word-centred crops of 128 px hold the whole word at both scales
    int small = 0;
    int large = 0;
    for (int i = 0; i < 10; i++) {
      DetectorSample a = DetectorSamples.cut(page, 128, spec, new DetectorSamples.Scales(1, 1),
          new SplittableRandom(i));
      DetectorSample b = DetectorSamples.cut(page, 128, spec, new DetectorSamples.Scales(2, 2),
          new SplittableRandom(i));
      small = Math.max(small, regionPixels(a));
      large = Math.max(large, regionPixels(b));
    }
    assertThat(small).isPositive();
    assertThat((double) large / small).isBetween(3.0, 5.0);
  }

  /** A word of one character in the box {@code x0..x1} x {@code 10..20}. */
  private static SynthWord word(double x0, double x1) {
    Quad q = new Quad(x0, 10, x1, 10, x1, 20, x0, 20);
    return new SynthWord("a", q, List.of(q));
  }

  @Test
  void gapsFillTheSpacesBetweenNeighboursOfALineOnly() {
    // line 0: words at 0-10, 14-24 and 24-30 (touching); line 1: one word at 40-50
    List<SynthWord> words = List.of(word(0, 10), word(14, 24), word(24, 30), word(40, 50));
    List<SynthLine> lines = List.of(new SynthLine("a a a", words.get(0).quad(), 0, 3),
        new SynthLine("a", words.get(3).quad(), 3, 1));
    float[] g = DetectorSamples.gaps(words, lines, 60, 30, 1.0);
    for (int y = 0; y < 30; y++) {
      for (int x = 0; x < 60; x++) {
        boolean inSpace = x >= 10 && x < 14 && y >= 10 && y < 20;
        assertThat(g[y * 60 + x]).as("(%d, %d)", x, y).isEqualTo(inSpace ? 1f : 0f);
      }
    }
    // at half scale the space is 2 pixels wide
    float[] half = DetectorSamples.gaps(words, lines, 30, 15, 0.5);
    double sum = 0;
    for (float v : half) {
      sum += v;
    }
    assertThat(sum).isEqualTo(2 * 5);
  }

  @Test
  void everyCropCarriesItsGapMap() {
    SynthPage page = onePage();
    DetectorSample s = DetectorSamples.cut(page, 128, DetectorSpec.lean(),
        DetectorSamples.Scales.DEFAULT, new SplittableRandom(3));
    assertThat(s.gaps()).hasSize(64 * 64);
  }

  @Test
  void drawsSpanTheRangeAndStayInIt() {
    DetectorSamples.Scales s = DetectorSamples.Scales.parse("0.6, 1.8");
    SplittableRandom r = new SplittableRandom(1);
    List<Double> draws = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      draws.add(s.draw(r));
    }
    assertThat(draws).allSatisfy(d -> assertThat(d).isBetween(0.6, 1.8));
    assertThat(draws.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
        .isLessThan(0.62);
    assertThat(draws.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
        .isGreaterThan(1.75);
    // log-uniform: as many draws below the geometric middle as above it
    long below = draws.stream().filter(d -> d < Math.sqrt(0.6 * 1.8)).count();
    assertThat(below).isBetween(900L, 1100L);
    assertThat(s).hasToString("0.6,1.8");
  }

  @Test
  void badRangesAreRefusedWithTheValue() {
    assertThatThrownBy(() -> DetectorSamples.Scales.parse("1.5"))
        .hasMessageContaining("MIN,MAX: 1.5");
    assertThatThrownBy(() -> DetectorSamples.Scales.parse("2,1"))
        .hasMessageContaining("2.0..1.0");
    assertThatThrownBy(() -> DetectorSamples.Scales.parse("0,1"))
        .hasMessageContaining("0.0..1.0");
    assertThatThrownBy(() -> DetectorSamples.Scales.parse("a,b"))
        .hasMessageContaining("MIN,MAX: a,b");
  }
}
