package dev.openocr.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import dev.openocr.geometry.Quad;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoScaleTest {
  private static final AutoScale AUTO = new AutoScale(16, 2.5, 1280, 1.2);

  private static DetectedWord word(double x, double y, double w, double h) {
    return new DetectedWord(Quad.of(new double[] {x, y, x + w, y, x + w, y + h, x, y + h}), 0.9);
  }

  @Test
  void theProbeRunsAtTheFixedScaleUnlessThePageIsLarge() {
    assertThat(AUTO.probeScale(1.25, 1000)).isEqualTo(1.25);
    // a 300 dpi letter page (3300 px) is probed on 1280 px, not 4125
    assertThat(AUTO.probeScale(1.25, 3300)).isCloseTo(1280.0 / 3300, within(1e-12));
  }

  @Test
  void printOfTheTargetSizeKeepsTheProbe() {
    // 12.8 px words at 1.25 are 16 px at the network
    assertThat(AUTO.choose(1.25, 12.8, 1000, 12288)).isEqualTo(1.25);
    // within the tolerance either way
    assertThat(AUTO.choose(1.25, 12.8 * 1.15, 1000, 12288)).isEqualTo(1.25);
    assertThat(AUTO.choose(1.25, 12.8 / 1.15, 1000, 12288)).isEqualTo(1.25);
  }

  @Test
  void smallPrintIsMagnifiedToTheTargetUpToTheLimit() {
    assertThat(AUTO.choose(1.25, 8, 1000, 12288)).isCloseTo(2.0, within(1e-12));
    assertThat(AUTO.choose(1.25, 4, 1000, 12288)).isEqualTo(2.5);
    // never past the longest side the network may see
    assertThat(AUTO.choose(1.25, 4, 8000, 12288)).isCloseTo(12288.0 / 8000, within(1e-12));
  }

  @Test
  void largePrintIsShrunkToTheTarget() {
    // a 300 dpi scan, probed at 1280/3300: 40 px words come to 15.5 px, close enough; 60 px words
    // are shrunk further
    double probe = AUTO.probeScale(1.25, 3300);
    assertThat(AUTO.choose(probe, 40, 3300, 12288)).isEqualTo(probe);
    assertThat(AUTO.choose(probe, 60, 3300, 12288)).isCloseTo(16.0 / 60, within(1e-12));
    // headline print on a small page
    assertThat(AUTO.choose(1.25, 64, 1000, 12288)).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void tooFewWordsKeepTheProbe() {
    assertThat(AUTO.choose(1.25, Double.NaN, 1000, 12288)).isEqualTo(1.25);
    List<DetectedWord> four = new ArrayList<>();
    for (int i = 0; i < AutoScale.MIN_WORDS - 1; i++) {
      four.add(word(10 * i, 0, 30, 4));
    }
    assertThat(AutoScale.medianThickness(four)).isNaN();
  }

  @Test
  void theThicknessIsTheMedianShortSideSoTurnedWordsCountByTheirPrint() {
    List<DetectedWord> words = new ArrayList<>();
    words.add(word(0, 0, 80, 10));
    words.add(word(0, 20, 40, 12));
    words.add(word(0, 40, 200, 11));
    words.add(word(0, 60, 30, 60)); // a heading: outlier, does not move the median
    // a word printed top to bottom, as the detector reports it: 12 px wide, 90 px tall
    words.add(word(288, 0, 12, 90));
    assertThat(AutoScale.medianThickness(words)).isEqualTo(12.0);
    words.add(word(0, 80, 50, 9));
    assertThat(AutoScale.medianThickness(words)).isEqualTo(11.5);
  }

  @Test
  void parsesPartialSettingsOverABase() {
    assertThat(AutoScale.parse("20", AUTO)).isEqualTo(new AutoScale(20, 2.5, 1280, 1.2));
    assertThat(AutoScale.parse("18, 3", AUTO)).isEqualTo(new AutoScale(18, 3, 1280, 1.2));
    assertThat(AutoScale.parse("18,3,1024,1.5", AUTO)).isEqualTo(new AutoScale(18, 3, 1024, 1.5));
    assertThatThrownBy(() -> AutoScale.parse("tall", AUTO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TARGET");
    assertThatThrownBy(() -> AutoScale.parse("16,2,1280,1.2,9", AUTO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TARGET");
    assertThatThrownBy(() -> new AutoScale(16, 2, 1280, 0.9))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tolerance");
    assertThatThrownBy(() -> new AutoScale(2, 2, 1280, 1.2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target");
  }

  @Test
  void bundlesKeepTheirAutoScaleWrittenEvenWhenThereIsNone() {
    DetectorOptions on = DetectorOptions.defaults().withAutoScale(AUTO);
    JsonObject j = DetectorModel.optionsJson(on);
    assertThat(DetectorModel.optionsOf(j)).isEqualTo(on);
    JsonObject off = DetectorModel.optionsJson(on.withAutoScale(null));
    assertThat(off.get("autoScale").isJsonNull()).isTrue();
    assertThat(DetectorModel.optionsOf(off)).isEqualTo(on.withAutoScale(null));
    off.remove("autoScale");
    assertThatThrownBy(() -> DetectorModel.optionsOf(off))
        .hasMessageContaining("inference.autoScale is missing");
  }
}
