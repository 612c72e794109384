package dev.openocr.recognize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.openocr.nn.ModelBundle;
import dev.openocr.testing.TinyBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional {@code decoding} section of a recognizer bundle's manifest. */
class BundleLexiconTest {
  private static Path withDecoding(Path dir, JsonObject decoding) {
    return TinyBundles.recognizerWith(dir, RecognizerModel.DECODING, decoding);
  }

  @Test
  void aBundleWordListAndItsSettingsAreLoaded(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("words.txt"), "ledger\nfolio\n");
    JsonObject d = new JsonObject();
    d.addProperty("lexicon", "words.txt");
    d.addProperty("margin", 2.5);
    withDecoding(tmp, d);
    try (RecognizerModel m = RecognizerModel.load(ModelBundle.open(tmp.toString()), "cpu")) {
      assertThat(m.lexicon().lexicon().size()).isEqualTo(2);
      assertThat(m.lexicon().lexicon().contains("Folio")).isTrue();
      assertThat(m.lexicon().settings().margin()).isEqualTo(2.5);
      assertThat(m.lexicon().settings().minLength())
          .isEqualTo(LexiconDecoder.Settings.DEFAULT.minLength());
      assertThat(m.lexicon().settings().names()).isFalse();
    }
    d.addProperty("names", true);
    withDecoding(tmp, d);
    try (RecognizerModel m = RecognizerModel.load(ModelBundle.open(tmp.toString()), "cpu")) {
      assertThat(m.lexicon().settings().names()).isTrue();
    }
  }

  @Test
  void theBeamWidthIsReadAndCheckedAndDefaultsToGreedy(@TempDir Path tmp) throws Exception {
    try (RecognizerModel m = RecognizerModel.load(
        ModelBundle.open(TinyBundles.recognizer(tmp.resolve("bare")).toString()), "cpu")) {
      assertThat(m.beam()).isEqualTo(1);
    }
    JsonObject d = new JsonObject();
    d.addProperty("beam", 4);
    withDecoding(tmp.resolve("four"), d);
    try (RecognizerModel m = RecognizerModel.load(
        ModelBundle.open(tmp.resolve("four").toString()), "cpu")) {
      assertThat(m.beam()).isEqualTo(4);
      assertThat(m.lexicon()).isNull();
    }
    for (double bad : new double[] {0, 2.5, 65}) {
      d.addProperty("beam", bad);
      withDecoding(tmp.resolve("bad"), d);
      assertThatThrownBy(() -> RecognizerModel.load(
          ModelBundle.open(tmp.resolve("bad").toString()), "cpu"))
          .hasMessageContaining("decoding.beam");
    }
  }

  @Test
  void aMissingWordListFailsAtLoadNamingIt(@TempDir Path tmp) throws Exception {
    JsonObject d = new JsonObject();
    d.addProperty("lexicon", "classpath:nowhere/words.txt");
    withDecoding(tmp, d);
    assertThatThrownBy(() -> RecognizerModel.load(ModelBundle.open(tmp.toString()), "cpu"))
        .hasMessageContaining("classpath:nowhere/words.txt");
  }

  @Test
  void severalWordListsAndEndingsAreLoaded(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("words.txt"), "폴더\n");
    Files.writeString(tmp.resolve("text.txt"), "새 폴더를 만듭니다.\n");
    JsonObject d = new JsonObject();
    com.google.gson.JsonArray lists = new com.google.gson.JsonArray();
    lists.add("words.txt");
    lists.add("text.txt");
    d.add("lexicon", lists);
    com.google.gson.JsonArray endings = new com.google.gson.JsonArray();
    endings.add("와");
    d.add("endings", endings);
    d.addProperty("alternatives", 4);
    withDecoding(tmp, d);
    try (RecognizerModel m = RecognizerModel.load(ModelBundle.open(tmp.toString()), "cpu")) {
      assertThat(m.lexicon().lexicon().size()).isEqualTo(4);
      assertThat(m.lexicon().listed("폴더와")).isTrue();
      assertThat(m.lexicon().endings()).containsExactly("와");
      assertThat(m.lexicon().settings().alternatives()).isEqualTo(4);
    }
  }

  @Test
  void theShippedEnglishRecognizerDecodesWithTheGeneratorsWordList(@TempDir Path tmp) {
    try (RecognizerModel en = RecognizerModel.load(
        ModelBundle.open("classpath:models/crnn-lean-en"), "cpu")) {
      assertThat(en.lexicon().lexicon().size()).isGreaterThan(50_000);
      assertThat(en.lexicon().lexicon().contains("below")).isTrue();
    }
    try (RecognizerModel bare = RecognizerModel.load(
        ModelBundle.open(TinyBundles.recognizer(tmp).toString()), "cpu")) {
      assertThat(bare.lexicon()).isNull();
    }
  }

  @Test
  void theShippedKoreanRecognizerKnowsWordsWithTheirParticles() {
    try (RecognizerModel ko = RecognizerModel.load(
        ModelBundle.open("classpath:models/crnn-lean-ko"), "cpu")) {
      LexiconDecoder d = ko.lexicon();
      assertThat(d.lexicon().size()).isGreaterThan(100_000);
      assertThat(d.listed("폴더")).isTrue();
      assertThat(d.listed("폴더와")).isTrue();
      assertThat(d.listed("선택합니다")).isTrue();
      assertThat(d.listed("풀더와")).isFalse();
      assertThat(d.settings().alternatives()).isPositive();
    }
  }
}
