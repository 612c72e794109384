package dev.openocr.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.geometry.Quad;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptsTest {
  private static Word word(String text) {
    return new Word(text, Quad.of(new double[] {0, 0, 10, 0, 10, 5, 0, 5}), 0.9, 0.9, null);
  }

  @Test
  void aWordIsHangulWithOneHangulLetterLatinWithOneLatinLetterElseNone() {
    assertThat(Scripts.of("사용자")).isEqualTo(Scripts.HANGUL);
    assertThat(Scripts.of("GIMP용")).isEqualTo(Scripts.HANGUL);
    assertThat(Scripts.of("Résumé,")).isEqualTo(Scripts.LATIN);
    assertThat(Scripts.of("2024-12-06")).isNull();
    assertThat(Scripts.of("")).isNull();
  }

  @Test
  void aPageIsInTheScriptOfMostOfItsWords() {
    assertThat(Scripts.main(List.of(word("GIMP"), word("사용자"), word("설명서"), word("12"))))
        .isEqualTo(Scripts.HANGUL);
    assertThat(Scripts.main(List.of(word("GIMP"), word("manual"), word("사용자"))))
        .isEqualTo(Scripts.LATIN);
    assertThat(Scripts.main(List.of(word("12"), word("—")))).isNull();
    assertThat(Scripts.main(List.of())).isNull();
  }
}
