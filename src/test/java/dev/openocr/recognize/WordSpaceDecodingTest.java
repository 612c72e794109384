package dev.openocr.recognize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The word space in a charset and in CTC decoding, on hand-made probability rows. */
class WordSpaceDecodingTest {
  private static final Charset PLAIN = Charset.parse("abcd");
  private static final Charset SPACED = PLAIN.withWordSpace();

  /** One frame per entry of {@code path} (labels), each with probability {@code p} on it. */
  private static float[] frames(int k, float p, int... path) {
    float[] probs = new float[path.length * k];
    for (int i = 0; i < path.length; i++) {
      for (int c = 0; c < k; c++) {
        probs[i * k + c] = c == path[i] ? p : (1 - p) / (k - 1);
      }
    }
    return probs;
  }

  @Test
  void theWordSpaceIsAClassThatStandsForTheSpace() {
    assertThat(PLAIN.wordSpaceLabel()).isEqualTo(-1);
    assertThat(PLAIN.covers("ab cd")).isFalse();
    assertThat(PLAIN.encode("ab cd")).containsExactly(1, 2, 3, 4);
    assertThat(SPACED.numClasses()).isEqualTo(PLAIN.numClasses() + 1);
    assertThat(SPACED.wordSpaceLabel()).isEqualTo(5);
    assertThat(SPACED.covers("ab cd")).isTrue();
    assertThat(SPACED.encode("ab cd")).containsExactly(1, 2, 5, 3, 4);
    assertThat(SPACED.codePoint(5)).isEqualTo(' ');
    // the charset file keeps the symbol, so a bundle read back has the class again
    assertThat(Charset.parse(SPACED.chars()).wordSpaceLabel()).isEqualTo(5);
    assertThat(SPACED.withWordSpace()).isSameAs(SPACED);
  }

  @Test
  void spaceFramesPartTheReadingIntoWordsAndRecordWhere() {
    int k = SPACED.numClasses();
    // frames: a b _ ␠ ␠ c _ d _ _   (10 frames, 40 pixels)
    float[] probs = frames(k, 0.9f, 1, 2, 0, 5, 5, 3, 0, 4, 0, 0);
    Recognition r = WordSpaceDecoding.decode(probs, 0, 10, k, SPACED, null, 40);
    assertThat(r.text()).isEqualTo("ab cd");
    assertThat(r.charProbs()).hasSize(4);
    assertThat(r.confidence()).isCloseTo(Math.pow(0.9, 4), within(1e-6));
    // the first word ends where the space frames start (frame 3), the second starts after them
    assertThat(r.cuts()).containsExactly(new double[] {12 / 40.0, 20 / 40.0}, within(1e-9));
    // the same frames from a network of 2-pixel frames cover 20 pixels: the cuts are at the
    // same pixels
    Recognition narrow = WordSpaceDecoding.decode(probs, 0, 10, k, SPACED, null, 20, 0, 1, 2);
    assertThat(narrow.text()).isEqualTo("ab cd");
    assertThat(narrow.cuts()).containsExactly(new double[] {6 / 20.0, 10 / 20.0}, within(1e-9));
  }

  @Test
  void aSpaceLessLikelyThanTheLeastPartsNoWords() {
    int k = SPACED.numClasses();
    float[] probs = frames(k, 0.9f, 1, 2, 0, 5, 3, 0, 4);
    // the space frame is the space's at 0.6, the blank's at 0.3
    for (int c = 0; c < k; c++) {
      probs[3 * k + c] = c == 5 ? 0.6f : c == 0 ? 0.3f : 0.1f / (k - 2);
    }
    assertThat(WordSpaceDecoding.decode(probs, 0, 7, k, SPACED, null, 28, 0.5).text())
        .isEqualTo("ab cd");
    Recognition r = WordSpaceDecoding.decode(probs, 0, 7, k, SPACED, null, 28, 0.8);
    assertThat(r.text()).isEqualTo("abcd");
    assertThat(r.cuts()).isEmpty();
    assertThat(r.charProbs()).hasSize(4);
  }

  @Test
  void spacesAtTheEndsAndRepeatedSpacesGiveNoEmptyWords() {
    int k = SPACED.numClasses();
    float[] probs = frames(k, 0.8f, 5, 1, 0, 5, 0, 5, 2, 5);
    Recognition r = WordSpaceDecoding.decode(probs, 0, 8, k, SPACED, null, 32);
    assertThat(r.text()).isEqualTo("a b");
    assertThat(r.cuts()).hasSize(2);
    assertThat(r.cuts()[0]).isLessThan(r.cuts()[1]);
    Recognition one = WordSpaceDecoding.decode(frames(k, 0.8f, 5, 1, 2, 5), 0, 4, k, SPACED,
        null, 16);
    assertThat(one.text()).isEqualTo("ab");
    assertThat(one.cuts()).isEmpty();
    assertThat(WordSpaceDecoding.decode(frames(k, 0.8f, 5, 0, 5), 0, 3, k, SPACED, null, 12)
        .text()).isEmpty();
  }

  @Test
  void aCharsetWithoutTheSpaceDecodesAsGreedyCtc() {
    int k = PLAIN.numClasses();
    float[] probs = frames(k, 0.7f, 1, 1, 0, 2, 3, 0, 4);
    Recognition r = WordSpaceDecoding.decode(probs, 0, 7, k, PLAIN, null, 28);
    Recognition greedy = CtcDecoder.decode(probs, 0, 7, k, PLAIN);
    assertThat(r.text()).isEqualTo(greedy.text()).isEqualTo("abcd");
    assertThat(r.confidence()).isEqualTo(greedy.confidence());
    assertThat(r.cuts()).isEmpty();
  }

  @Test
  void eachWordIsCorrectedByTheWordListOnItsOwnFrames() {
    Charset cs = Charset.parse("abcdefghijklmnopqrstuvwxyz").withWordSpace();
    int k = cs.numClasses();
    int sp = cs.wordSpaceLabel();
    // "hovse word": the first word is one edit from "house", the second is in the list
    int[] path = {8, 15, 22, 19, 5, sp, 23, 15, 18, 4};
    float[] probs = frames(k, 0.6f, path);
    // make "u" nearly as likely as "v" on the third frame
    probs[2 * k + 21] = 0.3f;
    probs[2 * k + 22] = 0.35f;
    LexiconDecoder lex = new LexiconDecoder(
        Lexicon.read(new java.io.ByteArrayInputStream("house\nword\n".getBytes()), "test"),
        cs, LexiconDecoder.Settings.DEFAULT);
    Recognition r = WordSpaceDecoding.decode(probs, 0, path.length, k, cs, lex, 40);
    assertThat(r.text()).isEqualTo("house word");
    assertThat(r.charProbs()).hasSize(9);
  }

  @Test
  void aSpaceInsideAListedWordIsAMisreading() {
    Charset cs = Charset.parse("abcdefghijklmnopqrstuvwxyz").withWordSpace();
    int k = cs.numClasses();
    int sp = cs.wordSpaceLabel();
    LexiconDecoder lex = new LexiconDecoder(Lexicon.read(new java.io.ByteArrayInputStream(
        "with\nin\nto\ninto\nh\n".getBytes()), "test"), cs, LexiconDecoder.Settings.DEFAULT);
    // "wit h": read again as one word
    int[] with = {23, 9, 20, sp, 8};
    Recognition r = WordSpaceDecoding.decode(frames(k, 0.9f, with), 0, 5, k, cs, lex, 20);
    assertThat(r.text()).isEqualTo("with");
    assertThat(r.cuts()).isEmpty();
    // "in to": both parts are listed words, so the space stays
    int[] inTo = {9, 14, sp, 20, 15};
    assertThat(WordSpaceDecoding.decode(frames(k, 0.9f, inTo), 0, 5, k, cs, lex, 20).text())
        .isEqualTo("in to");
    // without the word list the reading is the network's
    assertThat(WordSpaceDecoding.decode(frames(k, 0.9f, with), 0, 5, k, cs, null, 20).text())
        .isEqualTo("wit h");
    assertThat(WordSpaceDecoding.joins("(wit", "h,", lex.lexicon())).isTrue();
    assertThat(WordSpaceDecoding.joins("wit.", "h", lex.lexicon())).isFalse();
  }
}
