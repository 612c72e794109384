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
    Path errors = dir.resolve("errors.tsv");
    assertThat(Main.execute("eval", "--gt", crops.toString(), "--crops", "--json",
        json.toString(), "--errors", errors.toString())).isZero();
    JsonObject m = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    assertThat(m.get("crops").getAsInt()).isEqualTo(40);
    // one line per misread crop, each naming a crop whose label is its truth
    java.util.List<String> labels = Files.readAllLines(crops.resolve("crops/labels.tsv"));
    java.util.List<String> misread = Files.readAllLines(errors);
    assertThat(misread.get(0)).isEqualTo("crop\ttruth\treading");
    assertThat(misread).hasSize(1 + (int) Math.round(40 * (1 - m.get("word_accuracy")
        .getAsDouble())));
    for (String line : misread.subList(1, misread.size())) {
      String[] f = line.split("\t", -1);
      assertThat(f[1]).isNotEqualTo(f[2]);
      assertThat(labels.get(Integer.parseInt(f[0]))).endsWith("\t" + f[1]);
    }
    // labels and crops stay paired: the shipped bundle reads most synthetic crops (about 0.8)
    assertThat(m.get("word_accuracy").getAsDouble()).isGreaterThan(0.5);
    assertThat(m.get("cer").getAsDouble()).isLessThan(0.2);

    // without --crops there are no crops to list
    assertThat(Main.execute("eval", "--gt", crops.toString(), "--pred", dir.toString(),
        "--errors", errors.toString())).isNotZero();

    assertThat(Main.execute("eval", "--gt", crops.resolve("crops").toString(), "--crops",
        "--limit", "7", "--json", json.toString())).isZero();
    assertThat(JsonParser.parseString(Files.readString(json)).getAsJsonObject().get("crops")
        .getAsInt()).isEqualTo(7);
  }
}
