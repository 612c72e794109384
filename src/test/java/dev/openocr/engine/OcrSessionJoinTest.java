package dev.openocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.detect.DetectedWord;
import dev.openocr.detect.TextDetector;
import dev.openocr.document.Page;
import dev.openocr.document.Word;
import dev.openocr.geometry.Quad;
import dev.openocr.imageio.GrayImage;
import dev.openocr.recognize.Lexicon;
import dev.openocr.recognize.Recognition;
import dev.openocr.recognize.TextRecognizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Pieces of one word: the engine reads two neighbouring boxes again as one crop and joins them
 * when the recognizer reads no word space there, with the detector's join gap.
 */
class OcrSessionJoinTest {
  private static final Quad LEFT = new Quad(20, 20, 60, 20, 60, 40, 20, 40);
  private static final Quad RIGHT = new Quad(62, 20, 90, 20, 90, 40, 62, 40);
  private static final Quad JOINED = new Quad(20, 20, 90, 20, 90, 40, 20, 40);

  @Test
  void piecesReadAsOneWordBecomeOneWord() {
    Page p = ocr(0.2, true, null, aspect -> aspect > 3 ? read("$73,456.84") : aspect > 1.7
        ? read("$73,456") : read(".84"));
    assertThat(p.words()).extracting(Word::text).containsExactly("$73,456.84");
    assertThat(p.words().get(0).quad()).isEqualTo(JOINED);
  }

  @Test
  void aReadWordSpaceKeepsTheBoxesApart() {
    Page p = ocr(0.2, true, null, aspect -> aspect > 3
        ? new Recognition("to one", 0.5, new float[] {1, 1, 1, 1, 1}, new double[] {0.4, 0.45})
        : aspect > 1.7 ? read("to") : read("one"));
    assertThat(p.words()).extracting(Word::text).containsExactlyInAnyOrder("to", "one");
    assertThat(p.words()).extracting(Word::quad).containsExactlyInAnyOrder(LEFT, RIGHT);
  }

  @Test
  void twoListedWordsAreJoinedOnlyIntoAListedWord() {
    Lexicon words = Lexicon.of(List.of("to", "one", "in", "into"));
    Function<Double, Recognition> toOne = aspect -> aspect > 3 ? read("toone")
        : aspect > 1.7 ? read("to") : read("one");
    assertThat(ocr(0.2, true, words, toOne).words()).hasSize(2);
    Function<Double, Recognition> into = aspect -> aspect > 3 ? read("into")
        : aspect > 1.7 ? read("in") : read("to");
    assertThat(ocr(0.2, true, words, into).words()).extracting(Word::text)
        .containsExactly("into");
  }

  @Test
  void listedWordsJoinedThroughPunctuationAreOneToken() {
    Lexicon words = Lexicon.of(List.of("news", "debian"));
    Function<Double, Recognition> file = aspect -> aspect > 3 ? read("NEWS.Debian")
        : aspect > 1.7 ? read("NEWS") : read(".Debian");
    assertThat(ocr(0.2, true, words, file).words()).extracting(Word::text)
        .containsExactly("NEWS.Debian");
    assertThat(OcrSession.compound("dh_make")).isTrue();
    assertThat(OcrSession.compound("i386/amd64")).isTrue();
    assertThat(OcrSession.compound("toone")).isFalse();
    assertThat(OcrSession.compound("end.")).isFalse();
  }

  @Test
  void withoutAJoinGapOrWordSpacesNothingIsReadAgain() {
    Function<Double, Recognition> pieces = aspect -> aspect > 3 ? read("$73,456.84")
        : aspect > 1.7 ? read("$73,456") : read(".84");
    List<Double> aspects = new ArrayList<>();
    assertThat(ocr(0, true, null, w -> {
      aspects.add(w);
      return pieces.apply(w);
    }).words()).hasSize(2);
    // a recognizer that cannot read a space cannot tell two words from pieces of one
    assertThat(ocr(0.2, false, null, w -> {
      aspects.add(w);
      return pieces.apply(w);
    }).words()).hasSize(2);
    assertThat(aspects).hasSize(4).allMatch(a -> a <= 3);
  }

  private static Recognition read(String text) {
    float[] p = new float[text.length()];
    java.util.Arrays.fill(p, 0.9f);
    return new Recognition(text, 0.5, p);
  }

  /** The two boxes through the session, read by {@code reader} from a crop's aspect ratio. */
  private static Page ocr(double joinGap, boolean spaces, Lexicon lexicon,
      Function<Double, Recognition> reader) {
    TextDetector det = new TextDetector() {
      @Override
      public List<DetectedWord> detect(GrayImage page) {
        return List.of(new DetectedWord(LEFT, 0.9), new DetectedWord(RIGHT, 0.8));
      }

      @Override
      public dev.openocr.detect.DetectorOptions.CropMargin cropMargin() {
        return new dev.openocr.detect.DetectorOptions.CropMargin(0, 0);
      }

      @Override
      public double joinGap() {
        return joinGap;
      }

      @Override
      public void close() {}
    };
    TextRecognizer rec = new TextRecognizer() {
      @Override
      public List<Recognition> recognize(List<GrayImage> crops) {
        return crops.stream().map(c -> reader.apply((double) c.width() / c.height())).toList();
      }

      @Override
      public boolean readsWordSpaces() {
        return spaces;
      }

      @Override
      public java.util.function.Predicate<String> wordList() {
        return lexicon == null ? null : lexicon::contains;
      }

      @Override
      public void close() {}
    };
    try (OcrSession s = new OcrSession(det, rec, false)) {
      return s.ocr(GrayImage.blank(120, 60));
    }
  }
}
