package dev.openocr.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.detect.DetectorSpec;
import dev.openocr.geometry.Quad;
import dev.openocr.imageio.GrayImage;
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
