package dev.openocr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.openocr.detect.DetectorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void scoresTheShippedRecognizerOnAWrittenCropFolder(@TempDir Path dir) throws Exception {
    Path crops = dir.resolve("c");
    assertThat(Main.execute("synth", "--pages", "40", "--kind", "crops", "--seed", "77",
        "--threads", "1", "--output", crops.toString())).isZero();
    Path json = dir.resolve("m.json");
    assertThat(Main.execute("eval", "--gt", crops.toString(), "--crops", "--json",
        json.toString())).isZero();
    JsonObject m = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    assertThat(m.get("crops").getAsInt()).isEqualTo(40);
    // labels and crops stay paired: the shipped bundle reads most synthetic crops (about 0.8)
    assertThat(m.get("word_accuracy").getAsDouble()).isGreaterThan(0.5);
    assertThat(m.get("cer").getAsDouble()).isLessThan(0.2);

    assertThat(Main.execute("eval", "--gt", crops.resolve("crops").toString(), "--crops",
        "--limit", "7", "--json", json.toString())).isZero();
    assertThat(JsonParser.parseString(Files.readString(json)).getAsJsonObject().get("crops")
        .getAsInt()).isEqualTo(7);
  }
}
