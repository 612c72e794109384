package dev.openocr.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextSourceTest {
  @Test
  void aShareOfQuotesIsSetTypographicallyBySide() {
    int converted = 0;
    int n = 2000;
    for (int seed = 0; seed < n; seed++) {
      String t = TextSource.typographic(new Rng(seed), "He said \"don't\" ('twice').");
      if (t.equals("He said \"don't\" ('twice').")) {
        continue;
      }
      converted++;
      assertThat(t).isEqualTo("He said \u201Cdon\u2019t\u201D (\u2018twice\u2019).");
    }
    assertThat((double) converted / n).isBetween(TextSource.TYPOGRAPHIC_SHARE - 0.04,
        TextSource.TYPOGRAPHIC_SHARE + 0.04);
    assertThat(TextSource.typographic(new Rng(1), "plain")).isEqualTo("plain");
  }

  @Test
  void commandTokensLookLikeOptionsPathsAndFileNames() {
    List<String> tokens = new ArrayList<>();
    Rng r = new Rng(7);
    for (int i = 0; i < 400; i++) {
      tokens.add(DocStrings.command(r));
    }
    assertThat(tokens).allMatch(t -> !t.isBlank() && !t.contains(" "));
    assertThat(tokens).anyMatch(t -> t.startsWith("--"));
    assertThat(tokens).anyMatch(t -> t.startsWith("/") && t.indexOf('/', 1) > 0);
    assertThat(tokens).anyMatch(t -> t.matches("\\w+\\.[a-z.1]+[;,.):]?"));
    // every character is one the English recognizer reads
    java.util.BitSet cs = Charsets.asSet(Lang.EN);
    assertThat(tokens).allMatch(t -> t.codePoints().allMatch(cs::get));
  }
}
