package dev.openocr.recognize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.eval.ScoreFiles;
import dev.openocr.eval.ScoredWord;
import dev.openocr.geometry.Box;
import dev.openocr.imageio.DecodeLimits;
import dev.openocr.imageio.GrayImage;
import dev.openocr.imageio.ImageDecoder;
import dev.openocr.nn.ModelBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped Korean recognizer on the words of {@code samples-ko/form-ko.png}. */
class ShippedKoreanRecognizerTest {
  /** Pairs read as their two words with a word space between (39 of 44 measured), minus a margin. */
  static final double MIN_PAIRS_SPLIT = 0.84;

  /**
   * A box around two neighbouring Hangul words of a line, as a detector merges them, reads as
   * both words with the word space between them: the engine then splits the box in two.
   */
  @Test
  void twoNeighbouringWordsInOneBoxReadAsTwoWords() throws Exception {
    Path dir = Path.of("samples-ko");
    GrayImage page = ImageDecoder.decodeAll(Files.readAllBytes(dir.resolve("form-ko.png")),
        "form-ko.png", DecodeLimits.defaults()).get(0);
    List<ScoredWord> words = ScoreFiles.read(dir.resolve("expected/form-ko.json")).words();
    List<GrayImage> crops = new ArrayList<>();
    List<String> want = new ArrayList<>();
    for (int i = 0; i + 1 < words.size(); i++) {
      ScoredWord a = words.get(i);
      ScoredWord b = words.get(i + 1);
      Box x = a.box();
      Box y = b.box();
      double h = Math.max(x.height(), y.height());
      // neighbours on one line: the same height band, the second a word space or so further on
      if (!hangul(a.text()) || !hangul(b.text()) || Math.abs(x.centerY() - y.centerY()) > h / 3
          || y.left() < x.right() || y.left() - x.right() > h) {
        continue;
      }
      crops.add(CropPreprocessor.cut(page, x.union(y).toQuad(), 0.3, 0.3));
      want.add(a.text() + " " + b.text());
    }
    assertThat(crops).hasSizeGreaterThan(20);
    try (RecognizerModel ko = RecognizerModel.load(
        ModelBundle.open("classpath:models/crnn-lean-ko"), "cpu")) {
      assertThat(ko.charset().wordSpaceLabel()).isPositive();
      List<Recognition> read = ko.newRecognizer().recognize(crops);
      int split = 0;
      for (int i = 0; i < read.size(); i++) {
        split += read.get(i).text().equals(want.get(i)) && read.get(i).cuts().length > 0 ? 1 : 0;
      }
      assertThat((double) split / read.size()).as("%d of %d pairs", split, read.size())
          .isGreaterThanOrEqualTo(MIN_PAIRS_SPLIT);
    }
  }

  private static boolean hangul(String text) {
    return text.codePoints().allMatch(c -> c >= 0xAC00 && c <= 0xD7A3);
  }
}
