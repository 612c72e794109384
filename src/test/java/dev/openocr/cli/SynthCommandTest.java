package dev.openocr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {

  @Test
  void writesPagesWithOverlayAndCrops(@TempDir Path dir) throws Exception {
    Path cfg = dir.resolve("small.properties");
    Files.writeString(cfg, "pageWidth=320\npageHeight=400\n");
    int rc = Main.execute("synth", "--pages", "2", "--seed", "4", "--lang", "ko", "--overlay",
        "--config", cfg.toString(), "--threads", "1", "--output", dir.resolve("p").toString());
    assertThat(rc).isZero();
    assertThat(dir.resolve("p/images/ko-4-0000001.png")).exists();
    assertThat(dir.resolve("p/overlay/ko-4-0000001.png")).exists();
    assertThat(Files.readString(dir.resolve("p/gt/ko-4-0000000.json"))).contains("\"width\":320");

    rc = Main.execute("synth", "--pages", "3", "--kind", "crops", "--output",
        dir.resolve("c").toString());
    assertThat(rc).isZero();
    assertThat(Files.readAllLines(dir.resolve("c/crops/labels.tsv"))).hasSize(3);

    rc = Main.execute("synth", "--pages", "1", "--kind", "pagecrops", "--config", cfg.toString(),
        "--output", dir.resolve("pc").toString());
    assertThat(rc).isZero();
    assertThat(Files.readAllLines(dir.resolve("pc/crops/labels.tsv"))).isNotEmpty()
        .allMatch(r -> r.startsWith("en-0-0000000-"));
  }

  @Test
  void unknownLanguageFails(@TempDir Path dir) {
    assertThat(Main.execute("synth", "--pages", "1", "--lang", "xx", "--output", dir.toString()))
        .isNotZero();
  }
}
