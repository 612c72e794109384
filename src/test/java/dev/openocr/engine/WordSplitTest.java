package dev.openocr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.openocr.document.Word;
import dev.openocr.geometry.Quad;
import dev.openocr.recognize.Recognition;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordSplitTest {
  /** A box 100 long and 20 high at the page's origin. */
  private static final Quad BOX = new Quad(0, 0, 100, 0, 100, 20, 0, 20);

  @Test
  void aOneWordReadingKeepsItsBox() {
    Recognition r = new Recognition("word", 0.5, new float[] {1, 1, 0.5f, 1});
    List<Word> w = WordSplit.split(r, BOX, 0.9, 0.05, 0.1);
    assertThat(w).hasSize(1);
    assertThat(w.get(0).quad()).isEqualTo(BOX);
    assertThat(w.get(0).confidence()).isEqualTo(0.5);
    assertThat(w.get(0).detScore()).isEqualTo(0.9);
  }

  @Test
  void wordsGetTheirPartOfTheBoxAndTheirOwnConfidence() {
    Recognition r = new Recognition("ab cde", 0.9 * 0.8 * 0.5 * 1 * 0.5,
        new float[] {0.9f, 0.8f, 0.5f, 1f, 0.5f}, new double[] {0.3, 0.5});
    // no margin, no padding: crop shares are box shares
    List<Word> w = WordSplit.split(r, BOX, 0.7, 0, 0);
    assertThat(w).extracting(Word::text).containsExactly("ab", "cde");
    assertThat(w.get(0).quad().toArray()).containsExactly(new double[] {0, 0, 30, 0, 30, 20, 0, 20},
        within(1e-9));
    assertThat(w.get(1).quad().toArray()).containsExactly(
        new double[] {50, 0, 100, 0, 100, 20, 50, 20}, within(1e-9));
    assertThat(w.get(0).confidence()).isCloseTo(0.72, within(1e-6));
    assertThat(w.get(1).confidence()).isCloseTo(0.25, within(1e-6));
    assertThat(w.get(1).charProbs()).containsExactly(0.5f, 1f, 0.5f);
    assertThat(w).allMatch(x -> x.detScore() == 0.7);
  }

  @Test
  void theCropMarginAndTheBoxPaddingAreTakenIntoAccount() {
    Recognition r = new Recognition("ab cd", 1, new float[] {1, 1, 1, 1}, new double[] {0.5, 0.5});
    // the crop reaches 0.5 of the height (10 px) beyond each end: 120 px wide, so its middle is
    // the box's middle; a padding of 0.25 of the unpadded height (20 / 1.5) adds 3.33 px
    List<Word> w = WordSplit.split(r, BOX, 1, 0.5, 0.25);
    assertThat(w.get(0).quad().x1()).isCloseTo(50 + 20 / 1.5 * 0.25, within(1e-9));
    assertThat(w.get(1).quad().x0()).isCloseTo(50 - 20 / 1.5 * 0.25, within(1e-9));
    assertThat(w.get(0).quad().x0()).isEqualTo(0);
    assertThat(w.get(1).quad().x1()).isEqualTo(100);
    // a cut in the crop's margin maps to the box's end
    assertThat(WordSplit.along(0.02, 100, 10)).isEqualTo(0);
    assertThat(WordSplit.along(0.25, 100, 10)).isCloseTo(0.2, within(1e-9));
  }
}
