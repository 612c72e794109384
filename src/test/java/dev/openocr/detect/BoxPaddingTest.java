package dev.openocr.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.openocr.geometry.Quad;
import org.junit.jupiter.api.Test;

/** Box padding: growing towards loose human boxes and shrinking towards ink-tight ones. */
class BoxPaddingTest {
  private static final Quad WORD = Quad.of(new double[] {100, 50, 160, 50, 160, 70, 100, 70});

  @Test
  void positivePaddingGrowsEverySideByAFractionOfTheHeight() {
    Quad q = DjlDetector.pad(WORD, 0.1);
    assertThat(q.bounds().left()).isCloseTo(98, within(1e-9));
    assertThat(q.bounds().top()).isCloseTo(48, within(1e-9));
    assertThat(q.bounds().right()).isCloseTo(162, within(1e-9));
    assertThat(q.bounds().bottom()).isCloseTo(72, within(1e-9));
  }

  @Test
  void negativePaddingShrinksAboutTheCentre() {
    Quad q = DjlDetector.pad(WORD, -0.25);
    assertThat(q.width()).isCloseTo(50, within(1e-9));
    assertThat(q.height()).isCloseTo(10, within(1e-9));
    assertThat(q.bounds().centerX()).isCloseTo(130, within(1e-9));
    assertThat(q.bounds().centerY()).isCloseTo(60, within(1e-9));
  }

  @Test
  void shrinkingNeverInvertsANarrowBox() {
    // 4 px wide, 20 px tall: 0.3 x 20 = 6 px per side would cross over
    Quad narrow = Quad.of(new double[] {10, 10, 14, 10, 14, 30, 10, 30});
    Quad q = DjlDetector.pad(narrow, -0.3);
    assertThat(q.width()).isCloseTo(1, within(1e-9));
    assertThat(q.height()).isCloseTo(8, within(1e-9));
    assertThat(q.bounds().centerX()).isCloseTo(12, within(1e-9));
  }

  @Test
  void zeroKeepsTheBoxAndOutOfRangeIsRefused() {
    assertThat(DjlDetector.pad(WORD, 0)).isSameAs(WORD);
    DetectorOptions d = DetectorOptions.defaults();
    assertThat(d.withBoxPadding(DetectorOptions.MIN_BOX_PADDING).boxPadding()).isEqualTo(-0.3);
    assertThatThrownBy(() -> d.withBoxPadding(-0.31))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("box padding");
  }

  @Test
  void paddingChangesTheReportedBoxButNotWhatTheRecognizerReads() {
    DetectorOptions.CropMargin m = new DetectorOptions.CropMargin(0.25, 0.2);
    double h = WORD.height();
    Quad read = WORD.expand(m.x() * h, m.y() * h);
    for (double p : new double[] {-0.2, -0.1, 0.1, 0.5}) {
      DetectorOptions d = DetectorOptions.defaults().withCropMargin(m).withBoxPadding(p);
      Quad reported = DjlDetector.pad(WORD, p);
      DetectorOptions.CropMargin mp = d.cropMarginOfPaddedBoxes();
      double hp = reported.height();
      Quad cut = reported.expand(mp.x() * hp, mp.y() * hp);
      assertThat(cut.bounds().left()).as("padding %s", p).isCloseTo(read.bounds().left(), within(1e-9));
      assertThat(cut.bounds().right()).as("padding %s", p).isCloseTo(read.bounds().right(), within(1e-9));
      assertThat(cut.bounds().top()).as("padding %s", p).isCloseTo(read.bounds().top(), within(1e-9));
      assertThat(cut.bounds().bottom()).as("padding %s", p).isCloseTo(read.bounds().bottom(), within(1e-9));
    }
  }
}
