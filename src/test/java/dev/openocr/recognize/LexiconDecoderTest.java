package dev.openocr.recognize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconDecoderTest {
  private static final Charset CS =
      Charset.parse("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,.");
  private static final LexiconDecoder DECODER = new LexiconDecoder(
      Lexicon.of(List.of("below", "bellow", "bow", "stream")), CS, LexiconDecoder.Settings.DEFAULT);

  /** One frame: the top character with p, an alternative with q, the rest on the blank. */
  private record Frame(int top, float p, int alt, float q) {}

  private static Frame ch(char c, float p) {
    return new Frame(c, p, 0, 0);
  }

  private static Frame ch(char c, float p, char alt, float q) {
    return new Frame(c, p, alt, q);
  }

  /** Frames of a word: each character followed by a blank frame. */
  private static float[] probs(Charset cs, List<Frame> frames) {
    int k = cs.numClasses();
    List<float[]> rows = new ArrayList<>();
    for (Frame f : frames) {
      float[] row = new float[k];
      int top = cs.encode(Character.toString(f.top()))[0];
      row[top] = f.p();
      if (f.alt() != 0) {
        row[cs.encode(Character.toString(f.alt()))[0]] = f.q();
      }
      row[0] = 1 - f.p() - f.q();
      rows.add(row);
      float[] blank = new float[k];
      blank[0] = 1;
      rows.add(blank);
    }
    float[] out = new float[rows.size() * k];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, out, i * k, k);
    }
    return out;
  }

  private static Recognition read(List<Frame> frames) {
    return read(DECODER, frames);
  }

  private static Recognition read(LexiconDecoder decoder, List<Frame> frames) {
    return read(CS, decoder, frames);
  }

  private static Recognition read(Charset cs, LexiconDecoder decoder, List<Frame> frames) {
    float[] p = probs(cs, frames);
    int k = cs.numClasses();
    Recognition greedy = CtcDecoder.decode(p, 0, p.length / k, k, cs);
    return decoder.correct(greedy, p, 0, p.length / k, k);
  }

  private static final Charset KO = Charset.parse("폴풀더와를룰들붓첫.,");

  /** Korean settings: two-syllable words, and alternatives or the list's near words. */
  private static LexiconDecoder korean(int alternatives) {
    return new LexiconDecoder(Lexicon.of(List.of("폴더", "붓")), KO,
        new LexiconDecoder.Settings(2, 5, 3.0, 48, false, alternatives), List.of("와", "를", "들"));
  }

  private static LexiconDecoder withNames(boolean names) {
    LexiconDecoder.Settings d = LexiconDecoder.Settings.DEFAULT;
    return new LexiconDecoder(Lexicon.of(List.of("Olaf", "status", "Status", "below", "KGB")), CS,
        new LexiconDecoder.Settings(d.minLength(), d.oneEditUpTo(), d.margin(),
            d.maxCandidates(), names));
  }

  @Test
  void aLikelyLexiconWordReplacesANonWord() {
    Recognition r = read(List.of(ch('b', 0.9f), ch('e', 0.9f), ch('t', 0.6f, 'l', 0.3f),
        ch('o', 0.9f), ch('w', 0.9f)));
    assertThat(r.text()).isEqualTo("below");
    assertThat(r.charProbs()).containsExactly(new float[] {0.9f, 0.9f, 0.3f, 0.9f, 0.9f},
        within(1e-6f));
    assertThat(r.confidence()).isCloseTo(0.9 * 0.9 * 0.3 * 0.9 * 0.9, within(1e-6));
  }

  @Test
  void theNetworkWinsWhenTheWordIsFarLessLikely() {
    // "below" is 9 nats less likely; "bow" (drop e and t) 7 nats
    Recognition r = read(List.of(ch('b', 0.97f), ch('e', 0.97f), ch('t', 0.97f, 'l', 0.0001f),
        ch('o', 0.97f), ch('w', 0.97f)));
    assertThat(r.text()).isEqualTo("betow");
  }

  @Test
  void caseAndPunctuationOfTheReadingAreKept() {
    Recognition r = read(List.of(ch('B', 0.9f), ch('E', 0.9f), ch('T', 0.6f, 'L', 0.3f),
        ch('O', 0.9f), ch('W', 0.9f), ch(',', 0.9f)));
    assertThat(r.text()).isEqualTo("BELOW,");
    Recognition capital = read(List.of(ch('S', 0.9f), ch('t', 0.9f), ch('r', 0.9f),
        ch('c', 0.5f, 'e', 0.4f), ch('a', 0.9f), ch('m', 0.9f), ch('.', 0.9f)));
    assertThat(capital.text()).isEqualTo("Stream.");
  }

  @Test
  void wordsNumbersAndShortTokensAreLeftAlone() {
    // a lexicon word, even with a likely alternative that is also a word
    assertThat(read(List.of(ch('b', 0.9f), ch('o', 0.6f, 'e', 0.3f), ch('w', 0.9f))).text())
        .isEqualTo("bow");
    assertThat(read(List.of(ch('1', 0.9f), ch('0', 0.5f, 'o', 0.45f), ch('w', 0.9f))).text())
        .isEqualTo("10w");
    assertThat(read(List.of(ch('b', 0.9f), ch('x', 0.5f, 'o', 0.45f))).text()).isEqualTo("bx");
    // a code: its letters would be corrected to "below" without the digits
    assertThat(read(List.of(ch('b', 0.9f), ch('e', 0.9f), ch('t', 0.6f, 'l', 0.3f),
        ch('o', 0.9f), ch('w', 0.9f), ch('1', 0.9f), ch('2', 0.9f))).text())
        .isEqualTo("betow12");
    assertThat(read(List.of(ch('q', 0.9f), ch('q', 0.9f), ch('q', 0.9f), ch('q', 0.9f))).text())
        .isEqualTo("qqqq");
  }

  @Test
  void aNameReadInSmallLettersTakesItsCapitalWhenTheCropAllowsIt() {
    List<Frame> olaf = List.of(ch('o', 0.6f, 'O', 0.35f), ch('l', 0.9f), ch('a', 0.9f),
        ch('f', 0.9f), ch('.', 0.9f));
    assertThat(read(withNames(false), olaf).text()).isEqualTo("olaf.");
    Recognition r = read(withNames(true), olaf);
    assertThat(r.text()).isEqualTo("Olaf.");
    assertThat(r.charProbs()[0]).isCloseTo(0.35f, within(1e-6f));
    // no trace of a capital: the network's reading stands
    assertThat(read(withNames(true), List.of(ch('o', 0.9f), ch('l', 0.9f), ch('a', 0.9f),
        ch('f', 0.9f))).text()).isEqualTo("olaf");
    // a word also listed in small letters keeps the reading's case
    assertThat(read(withNames(true), List.of(ch('s', 0.6f, 'S', 0.35f), ch('t', 0.9f),
        ch('a', 0.9f), ch('t', 0.9f), ch('u', 0.9f), ch('s', 0.9f))).text()).isEqualTo("status");
  }

  @Test
  void anAcronymTakesItsCapitals() {
    List<Frame> kgb = List.of(ch('K', 0.9f), ch('g', 0.6f, 'G', 0.35f), ch('b', 0.5f, 'B', 0.45f));
    assertThat(read(withNames(false), kgb).text()).isEqualTo("Kgb");
    assertThat(read(withNames(true), kgb).text()).isEqualTo("KGB");
    assertThat(read(withNames(true), List.of(ch('K', 0.9f), ch('G', 0.9f), ch('B', 0.9f))).text())
        .isEqualTo("KGB");
  }

  @Test
  void correctionsTowardsANameKeepItsCapital() {
    // "olaq" is no word; the name is tried capitalized only
    List<Frame> frames = List.of(ch('o', 0.6f, 'O', 0.35f), ch('l', 0.9f), ch('a', 0.9f),
        ch('q', 0.6f, 'f', 0.35f));
    assertThat(read(withNames(false), frames).text()).isEqualTo("olaf");
    assertThat(read(withNames(true), frames).text()).isEqualTo("Olaf");
  }

  @Test
  void aKoreanWordIsAListedWordWithOneEnding() {
    LexiconDecoder d = korean(0);
    assertThat(d.listed("폴더")).isTrue();
    assertThat(d.listed("폴더와")).isTrue();
    assertThat(d.listed("폴더를")).isTrue();
    assertThat(d.listed("풀더와")).isFalse();
    // an ending alone, or two endings, is no word
    assertThat(d.listed("와")).isFalse();
    assertThat(d.listed("폴더들를")).isFalse();
    assertThat(d.endings()).containsExactly("와", "를", "들");
  }

  @Test
  void aSyllableIsCorrectedTowardsAListedWordKeepingItsEndingAndPunctuation() {
    List<Frame> frames = List.of(ch('풀', 0.6f, '폴', 0.35f), ch('더', 0.9f), ch('와', 0.9f),
        ch(',', 0.9f));
    for (int alternatives : new int[] {0, 6}) {
      Recognition r = read(KO, korean(alternatives), frames);
      assertThat(r.text()).as("alternatives %d", alternatives).isEqualTo("폴더와,");
      assertThat(r.charProbs()[0]).isCloseTo(0.35f, within(1e-6f));
    }
    // a misread ending becomes the ending one edit away
    assertThat(read(KO, korean(0), List.of(ch('폴', 0.9f), ch('더', 0.9f),
        ch('룰', 0.6f, '를', 0.3f))).text()).isEqualTo("폴더를");
    assertThat(read(KO, korean(6), List.of(ch('폴', 0.9f), ch('더', 0.9f),
        ch('룰', 0.6f, '를', 0.3f))).text()).isEqualTo("폴더를");
  }

  @Test
  void alternativesOnlyTryWhatTheFramesSaw() {
    // the frames hold no trace of 폴, whose syllable the alternatives would need
    List<Frame> frames = List.of(ch('풀', 0.95f, '첫', 0.04f), ch('더', 0.9f), ch('와', 0.9f));
    assertThat(read(KO, korean(6), frames).text()).isEqualTo("풀더와");
    // a likely listed alternative of one syllable is not taken below the minimum length
    assertThat(read(KO, korean(6), List.of(ch('첫', 0.6f, '붓', 0.35f))).text()).isEqualTo("첫");
  }
}
