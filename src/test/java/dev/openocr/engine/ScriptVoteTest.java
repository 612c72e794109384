package dev.openocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.detect.DetectedWord;
import dev.openocr.detect.DetectorOptions;
import dev.openocr.geometry.Quad;
import dev.openocr.imageio.GrayImage;
import dev.openocr.recognize.Recognition;
import dev.openocr.recognize.TextRecognizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptVoteTest {
  private static final GrayImage PAGE = new GrayImage(400, 400, new byte[400 * 400]);

  private static DetectedWord word(double x, double y, double w, double h) {
    return new DetectedWord(Quad.of(new double[] {x, y, x + w, y, x + w, y + h, x, y + h}), 0.9);
  }

  /** Reads every crop as {@code text} with {@code confidence}, counting the crops it was given. */
  private static final class Fixed implements TextRecognizer {
    final List<String> texts;
    final double confidence;
    int read;
    int next;

    Fixed(double confidence, String... texts) {
      this.texts = List.of(texts);
      this.confidence = confidence;
    }

    @Override
    public List<Recognition> recognize(List<GrayImage> crops) {
      List<Recognition> out = new ArrayList<>();
      for (int i = 0; i < crops.size(); i++) {
        String t = texts.get(next++ % texts.size());
        float[] p = new float[t.length()];
        java.util.Arrays.fill(p, (float) Math.pow(confidence, 1.0 / t.length()));
        out.add(new Recognition(t, confidence, p));
      }
      read += crops.size();
      return out;
    }

    @Override
    public void close() {}
  }

  private static List<DetectedWord> lines(int n) {
    List<DetectedWord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(word(10 + (i % 3) * 120, 10 + (i / 3) * 20, 100, 14));
    }
    return out;
  }

  private static boolean vote(List<DetectedWord> dets, TextRecognizer latin,
      TextRecognizer hangul) {
    try (ScriptVote v = new ScriptVote(latin, hangul)) {
      return v.hangul(PAGE, dets, DetectorOptions.CropMargin.CRAFT_DILATION);
    }
  }

  @Test
  void aPageIsHangulWhenMostOfItsSampleReadsBetterAsHangul() {
    Fixed latin = new Fixed(0.2, "xq");
    Fixed hangul = new Fixed(0.9, "사용자");
    assertThat(vote(lines(30), latin, hangul)).isTrue();
    assertThat(latin.read).isEqualTo(ScriptVote.SAMPLE);
    assertThat(hangul.read).isEqualTo(ScriptVote.SAMPLE);
  }

  @Test
  void hangulReadLessSurelyThanTheLatinReadingDoesNotCount() {
    assertThat(vote(lines(30), new Fixed(0.95, "form"), new Fixed(0.5, "가각"))).isFalse();
  }

  @Test
  void latinReadByTheHangulRecognizerDoesNotCount() {
    // the Hangul recognizer's charset holds the Latin one: a sure Latin reading is no Hangul vote
    assertThat(vote(lines(30), new Fixed(0.5, "form"), new Fixed(0.99, "form"))).isFalse();
  }

  @Test
  void halfTheSampleIsNotAMajority() {
    Fixed hangul = new Fixed(0.9, "사용자", "FORM");
    assertThat(vote(lines(30), new Fixed(0.8, "form"), hangul)).isFalse();
  }

  @Test
  void theSampleIsSpreadDownThePageAmongWordsOfItsCommonHeightThatRunAcross() {
    List<DetectedWord> dets = new ArrayList<>(lines(30));
    dets.add(word(10, 300, 300, 60)); // a heading three times as tall
    dets.add(word(10, 380, 10, 14)); // one letter
    List<Quad> s = ScriptVote.sample(dets);
    assertThat(s).hasSize(ScriptVote.SAMPLE);
    assertThat(s).allMatch(q -> q.height() == 14 && q.width() == 100);
    double firstTop = s.get(0).bounds().top();
    double lastTop = s.get(s.size() - 1).bounds().top();
    assertThat(lastTop - firstTop).as("spread over the page's 10 lines").isGreaterThan(120);
  }

  @Test
  void aPageOfFewWordsIsSampledWhole() {
    assertThat(ScriptVote.sample(lines(3))).hasSize(3);
    List<DetectedWord> letters = List.of(word(0, 0, 10, 14), word(20, 0, 10, 14));
    assertThat(ScriptVote.sample(letters)).hasSize(2);
  }
}
