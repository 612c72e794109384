package dev.openocr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.detect.DetectorOptions;
import org.junit.jupiter.api.Test;

class EvalCommandTest {
  @Test
  void cropMarginTakesBothSidesOrTheHeightAlone() {
    assertThat(EvalCommand.parseCropMargin("0.3, 0.25"))
        .isEqualTo(new DetectorOptions.CropMargin(0.3, 0.25));
    // one value is the vertical margin, the horizontal one two thirds of it (as before)
    DetectorOptions.CropMargin one = EvalCommand.parseCropMargin("0.3");
    assertThat(one.y()).isEqualTo(0.3);
    assertThat(one.x()).isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-12));
    assertThatThrownBy(() -> EvalCommand.parseCropMargin("a,b"))
        .hasMessageContaining("--crop-margin must be X,Y or Y");
    assertThatThrownBy(() -> EvalCommand.parseCropMargin("0.1,0.2,0.3"))
        .hasMessageContaining("--crop-margin");
    assertThatThrownBy(() -> EvalCommand.parseCropMargin("3,0.2"))
        .hasMessageContaining("Invalid crop margin");
  }
}
