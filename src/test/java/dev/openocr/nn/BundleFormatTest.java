package dev.openocr.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleFormatTest {
  private static JsonObject json(String s) {
    return JsonParser.parseString(s).getAsJsonObject();
  }

  @Test
  void aVersion1DetectorGetsTheValuesItsMissingKeysMeant() {
    JsonObject m = BundleFormat.current(json("{\"id\": \"d\", \"kind\": \"detector\","
        + " \"inference\": {\"magRatio\": 1.25, \"boxPadding\": 0.1}}"), "x");
    JsonObject inf = m.getAsJsonObject("inference");
    assertThat(m.get(BundleFormat.KEY).getAsInt()).isEqualTo(BundleFormat.VERSION);
    assertThat(inf.get("magRatio").getAsDouble()).isEqualTo(1.25);
    assertThat(inf.get("textThreshold").getAsDouble()).isEqualTo(0.7);
    assertThat(inf.get("sidewaysThreshold").getAsDouble()).isZero();
    assertThat(inf.get("joinGap").getAsDouble()).isZero();
    assertThat(inf.get("boxGrowth").isJsonNull()).isTrue();
    assertThat(inf.get("autoScale").isJsonNull()).isTrue();
    assertThat(inf.getAsJsonObject("cropMargin").get("x").getAsDouble()).isEqualTo(0.25);
  }

  @Test
  void aVersion1RecognizerAndItsEnsembleMembersGetTheirDepthAndFrames() {
    JsonObject m = BundleFormat.current(json("{\"id\": \"r\", \"kind\": \"recognizer\","
        + " \"architecture\": {\"hidden\": 128, \"sequenceLayers\": 3},"
        + " \"ensemble\": {\"members\": [{\"hidden\": 128}]}}"), "x");
    JsonObject a = m.getAsJsonObject("architecture");
    assertThat(a.get("sequenceLayers").getAsInt()).isEqualTo(3);
    assertThat(a.get("featureBlocks").getAsInt()).isZero();
    assertThat(a.get("frameWidth").getAsInt()).isEqualTo(4);
    JsonObject member = m.getAsJsonObject("ensemble").getAsJsonArray("members").get(0)
        .getAsJsonObject();
    assertThat(member.get("sequenceLayers").getAsInt()).isEqualTo(1);
  }

  @Test
  void aNewerFormatIsRefusedNamingIt() {
    assertThatThrownBy(() -> BundleFormat.current(json("{\"formatVersion\": 3}"), "dir"))
        .hasMessageContaining("dir/model.json").hasMessageContaining("formatVersion 3");
  }

  @Test
  void writtenBundlesCarryTheVersionFirst(@TempDir Path dir) throws Exception {
    JsonObject m = json("{\"id\": \"x\", \"kind\": \"detector\", \"inference\": {}}");
    ModelBundle.write(dir, m, new byte[] {1, 2, 3}, java.util.Map.of());
    String text = Files.readString(dir.resolve(ModelBundle.MANIFEST));
    assertThat(text.indexOf("formatVersion")).isLessThan(text.indexOf("\"id\""));
    ModelBundle b = ModelBundle.open(dir.toString());
    assertThat(b.manifest().get(BundleFormat.KEY).getAsInt()).isEqualTo(BundleFormat.VERSION);
    // a version-2 manifest is read as written: nothing is filled in
    assertThat(b.manifest().getAsJsonObject("inference").has("joinGap")).isFalse();
  }
}
