package dev.openocr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.openocr.detect.DetectedWord;
import dev.openocr.geometry.Box;
import dev.openocr.geometry.Quad;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineFramesTest {
  private static DetectedWord box(double l, double t, double r, double b) {
    return new DetectedWord(new Quad(l, t, r, t, r, b, l, b), 0.9);
  }

  @Test
  void aWordOfXHeightLettersIsFramedByItsLine() {
    // "the", "so" (x-height only, baseline at 120), "quickly" with a descender, "word"
    List<DetectedWord> line = List.of(box(10, 100, 40, 120), box(50, 108, 70, 120),
        box(80, 100, 150, 124), box(160, 100, 200, 120));
    List<Quad> frames = LineFrames.of(line);
    Box so = frames.get(1).bounds();
    assertThat(so.top()).isCloseTo(100, within(1e-9));
    assertThat(so.bottom()).isCloseTo(120, within(1e-9));
    assertThat(so.left()).isEqualTo(50);
    assertThat(so.right()).isEqualTo(70);
    // words of the line's height keep their own boxes
    assertThat(frames.get(0)).isEqualTo(line.get(0).quad());
    assertThat(frames.get(2)).isEqualTo(line.get(2).quad());
  }

  @Test
  void wordsOnOtherLinesAndLoneWordsKeepTheirBoxes() {
    List<DetectedWord> words = List.of(box(10, 100, 40, 120), box(50, 108, 70, 120),
        box(10, 130, 40, 150), box(50, 130, 90, 150), box(100, 130, 140, 150));
    // the short word has one neighbour on its line: too few to frame it
    assertThat(LineFrames.of(words).get(1)).isEqualTo(words.get(1).quad());
  }

  @Test
  void growthIsBoundedAndTiltedBoxesAreLeftAlone() {
    List<DetectedWord> line = List.of(box(10, 100, 40, 140), box(50, 100, 90, 140),
        box(100, 130, 110, 140), box(120, 100, 160, 140));
    Box dot = LineFrames.of(line).get(2).bounds();
    assertThat(dot.height()).isCloseTo(LineFrames.MAX_GROWTH * 10, within(1e-9));
    assertThat(dot.bottom()).isEqualTo(140);
    Quad tilted = new Quad(50, 110, 70, 106, 71, 116, 51, 120);
    List<DetectedWord> withTilt = List.of(box(10, 100, 40, 120), new DetectedWord(tilted, 0.9),
        box(80, 100, 150, 120), box(160, 100, 200, 120));
    assertThat(LineFrames.of(withTilt).get(1)).isEqualTo(tilted);
  }
}
