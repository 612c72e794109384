package dev.openocr.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

class DetectorOptionsTest {

  @Test
  void theSidewaysThresholdTravelsInTheBundleAlwaysWritten() {
    DetectorOptions on = DetectorOptions.defaults();
    assertThat(on.sidewaysThreshold()).isEqualTo(DetectorOptions.SIDEWAYS_THRESHOLD);
    JsonObject j = DetectorModel.optionsJson(on.withSidewaysThreshold(0.45));
    assertThat(j.get("sidewaysThreshold").getAsDouble()).isEqualTo(0.45);
    assertThat(DetectorModel.optionsOf(j).sidewaysThreshold()).isEqualTo(0.45);
    JsonObject off = DetectorModel.optionsJson(on.withSidewaysThreshold(0));
    assertThat(off.get("sidewaysThreshold").getAsDouble()).isZero();
    off.remove("sidewaysThreshold");
    assertThatThrownBy(() -> DetectorModel.optionsOf(off))
        .hasMessageContaining("inference.sidewaysThreshold is missing");
    j.addProperty("joinGap", "wide");
    assertThatThrownBy(() -> DetectorModel.optionsOf(j))
        .hasMessageContaining("inference.joinGap must be a number");
    assertThatThrownBy(() -> on.withSidewaysThreshold(1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sideways");
  }
}
