package dev.openocr.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthConfigTest {

  @Test
  void propertiesAndJsonOverrideDefaults(@TempDir Path dir) throws Exception {
    Path props = dir.resolve("a.properties");
    Files.writeString(props, "# more fax-like\nbinarizeProb=0.9\npageWidth = 640\n");
    SynthConfig a = SynthConfig.load(props);
    assertThat(a.binarizeProb).isEqualTo(0.9);
    assertThat(a.pageWidth).isEqualTo(640);
    assertThat(a.blurProb).isEqualTo(SynthConfig.defaults().blurProb);

    Path json = dir.resolve("b.json");
    Files.writeString(json, "{\"jpegProb\": 0.5, \"cropHeight\": 48}");
    SynthConfig b = SynthConfig.load(json);
    assertThat(b.jpegProb).isEqualTo(0.5);
    assertThat(b.cropHeight).isEqualTo(48);
  }

  @Test
  void badKeysAndValuesNameTheInput(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.properties");
    Files.writeString(bad, "blurProbability=0.2\n");
    assertThatThrownBy(() -> SynthConfig.load(bad)).hasMessageContaining("bad.properties")
        .hasMessageContaining("blurProbability");
    assertThatThrownBy(() -> SynthConfig.defaults().set("blurProb", "1.5"))
        .hasMessageContaining("blurProb").hasMessageContaining("1.5");
    assertThatThrownBy(() -> SynthConfig.defaults().set("pageWidth", "wide"))
        .hasMessageContaining("pageWidth").hasMessageContaining("wide");
  }

  @Test
  void cleanConfigTurnsEveryDegradationOff() {
    SynthConfig c = SynthConfig.clean();
    // layout choices (fonts, columns, labels) stay: they do not degrade the image
    java.util.Set<String> layout = java.util.Set.of("boldProb", "trackingProb", "twoColumnProb",
        "cropTokenProb");
    c.asMap().forEach((k, v) -> {
      if (k.endsWith("Prob") && !layout.contains(k)) {
        assertThat(Double.parseDouble(v)).as(k).isZero();
      }
    });
  }

  @Test
  void charsetsHaveTheDocumentedSizes() {
    String en = Charsets.load(Lang.EN);
    String ko = Charsets.load(Lang.KO);
    assertThat(en).hasSize(116).contains("A", "z", "0", "$", "%", "\u20ac");
    assertThat(ko).hasSize(2350 + 116).startsWith("가각간").endsWith(en);
    assertThat(ko.chars().distinct().count()).isEqualTo(ko.length());
  }
}
