package dev.openocr.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FontBankTest {
  @Test
  void patternsMatchingNoFileAreMissing(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Face-Regular.ttf"), "x");
    Files.writeString(dir.resolve("Face-Bold.ttf"), "x");
    String[] patterns = {
        dir.resolve("Face-Regular.ttf").toString(),
        dir.resolve("Face-Italic.ttf").toString(),
        dir.resolve("Face-*.ttf").toString(),
        dir.resolve("*.otf").toString(),
        dir.resolve("absent").resolve("*.ttf").toString()};
    assertThat(FontBank.missing(patterns)).containsExactly(patterns[1], patterns[3], patterns[4]);
  }

  @Test
  void everyDefaultFolderNamesThePackageToInstallOrIsOptional() {
    // each English default, and the Korean Nanum faces, come from a package the warning can name
    for (String p : FontBank.EN_DEFAULTS) {
      assertThat(FontBank.packageOf(p)).as(p).startsWith("fonts-");
    }
    assertThat(FontBank.packageOf(FontBank.KO_DEFAULTS[0])).isEqualTo("fonts-nanum");
    assertThat(FontBank.packageOf("/usr/share/fonts/truetype/noto/NotoSansMono-*.ttf"))
        .isEqualTo("fonts-noto-mono");
    assertThat(FontBank.packageOf("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"))
        .isEqualTo("fonts-noto-core");
    assertThat(FontBank.packageOf("/usr/share/fonts/truetype/baekmuk/*.ttf")).isNull();
  }
}
