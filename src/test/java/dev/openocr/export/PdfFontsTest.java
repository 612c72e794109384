package dev.openocr.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.recognize.Charset;
import dev.openocr.testing.Prerequisites;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text layer's fonts: found on the system, chosen per word, missing glyphs reported. */
class PdfFontsTest {
  private static void requireSystemFonts() {
    Prerequisites.require(PdfFonts.SYSTEM.stream().allMatch(Files::isRegularFile),
        PdfFonts.SYSTEM + " (Debian packages fonts-dejavu-core and fonts-nanum)");
  }

  @Test
  void everyCharacterTheShippedRecognizersReadHasAGlyph() throws Exception {
    requireSystemFonts();
    try (PdfFonts fonts = PdfFonts.open(List.of())) {
      for (String lang : List.of("en", "ko")) {
        String res = "models/crnn-lean-" + lang + "/charset.txt";
        Charset cs;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(res)) {
          cs = Charset.read(in, res);
        }
        cs.chars().codePoints().filter(cp -> cp != Charset.WORD_SPACE).forEach(cp ->
            assertThat(fonts.covering(Character.toString(cp))).as("%s U+%04X", lang, cp)
                .isNotNegative());
      }
    }
  }

  @Test
  void aWordTakesTheFirstFontThatHasAllItsCharacters() throws Exception {
    requireSystemFonts();
    try (PdfFonts fonts = PdfFonts.open(List.of())) {
      assertThat(fonts.choose("Straße")).isEqualTo(new PdfFonts.Choice(0, "Straße"));
      // DejaVu Sans has no Hangul; NanumGothic has Latin too, so the mixed word goes there.
      assertThat(fonts.choose("서울Seoul")).isEqualTo(new PdfFonts.Choice(1, "서울Seoul"));
      assertThat(fonts.missing()).isEmpty();
      // Private-use U+F0000 and U+E000 are in neither font: written as '?' and reported.
      String privateUse = new StringBuilder("ok").appendCodePoint(0xF0000).appendCodePoint(0xE000)
          .toString();
      assertThat(fonts.choose(privateUse)).isEqualTo(new PdfFonts.Choice(0, "ok??"));
      assertThat(fonts.missing()).containsExactly(0xE000, 0xF0000);
    }
  }

  @Test
  void aMissingFontFileOrNoFontAtAllIsRefusedSayingWhatToInstall(@TempDir Path dir)
      throws Exception {
    Path absent = dir.resolve("absent.ttf");
    assertThatThrownBy(() -> PdfFonts.open(List.of(absent)))
        .hasMessage("Font file not found: " + absent);
    assertThatThrownBy(() -> PdfFonts.open(List.of(), List.of(absent)))
        .hasMessageContaining("No font for the PDF text layer: none of [" + absent + "]")
        .hasMessageContaining("apt-get install fonts-dejavu-core fonts-nanum")
        .hasMessageContaining("--font FILE");
    Path notAFont = Files.writeString(dir.resolve("bad.ttf"), "not a font");
    assertThatThrownBy(() -> PdfFonts.open(List.of(notAFont), List.of()))
        .hasMessageStartingWith("Not a readable TrueType font: " + notAFont);
  }
}
