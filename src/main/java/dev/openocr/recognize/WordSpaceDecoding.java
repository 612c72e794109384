package dev.openocr.recognize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CTC decoding for recognizers that read the space between words ({@link Charset#WORD_SPACE}):
 * frames whose best class is the word space part the crop into words, each word is decoded on
 * its own frames (greedy, then the word list when one is given), and the reading records where
 * the words part in the crop ({@link Recognition#cuts}), so a box the detector drew around two
 * neighbouring words can be split in two. With a word list, two parts that make one listed word
 * are read again as one ({@link #joins}). A recognizer without the word space decodes as before.
 */
public final class WordSpaceDecoding {
  private WordSpaceDecoding() {}

  /**
   * @param probs softmax output {@code [T, K]} row-major from {@code offset}; class 0 is blank
   * @param t frames of this crop
   * @param width the prepared crop's width in pixels ({@link RecognizerSpec#WIDTH_STRIDE} per frame,
   *     unless given)
   * @param lexicon word-list correction of each word, or null
   */
  public static Recognition decode(float[] probs, int offset, int t, int k, Charset charset,
      LexiconDecoder lexicon, int width) {
    return decode(probs, offset, t, k, charset, lexicon, width, 0);
  }

  /**
   * As {@link #decode(float[], int, int, int, Charset, LexiconDecoder, int)}, where a frame parts
   * words only when the space is its best class with probability at least {@code minSpace};
   * weaker space frames count as blanks.
   */
  public static Recognition decode(float[] probs, int offset, int t, int k, Charset charset,
      LexiconDecoder lexicon, int width, double minSpace) {
    return decode(probs, offset, t, k, charset, lexicon, width, minSpace, 1);
  }

  /**
   * As {@link #decode(float[], int, int, int, Charset, LexiconDecoder, int, double)}, each word
   * read by a prefix beam search of {@code beam} prefixes ({@link CtcDecoder#beam}) before the
   * word list; 1 reads greedily.
   */
  public static Recognition decode(float[] probs, int offset, int t, int k, Charset charset,
      LexiconDecoder lexicon, int width, double minSpace, int beam) {
    return decode(probs, offset, t, k, charset, lexicon, width, minSpace, beam,
        RecognizerSpec.WIDTH_STRIDE);
  }

  /**
   * As {@link #decode(float[], int, int, int, Charset, LexiconDecoder, int, double, int)}, for a
   * network whose frames are {@code frameWidth} pixels wide ({@link RecognizerSpec#frameWidth}).
   */
  public static Recognition decode(float[] probs, int offset, int t, int k, Charset charset,
      LexiconDecoder lexicon, int width, double minSpace, int beam, int frameWidth) {
    int space = charset.wordSpaceLabel();
    boolean[] parts = new boolean[t];
    boolean any = false;
    for (int i = 0; space > 0 && i < t; i++) {
      parts[i] = CtcDecoder.argMax(probs, offset + i * k, k) == space;
      any |= parts[i];
    }
    if (!any) {
      return word(probs, offset, 0, t, k, charset, lexicon, beam);
    }
    // words are read on a copy where the space counts as blank, so no word holds a space
    float[] p = Arrays.copyOfRange(probs, offset, offset + t * k);
    for (int i = 0; i < t; i++) {
      parts[i] &= p[i * k + space] >= minSpace;
      p[i * k] += p[i * k + space];
      p[i * k + space] = 0;
    }
    // words: the frame ranges between runs of frames that part words
    List<int[]> ranges = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= t; i++) {
      if (i == t || parts[i]) {
        if (i > start) {
          ranges.add(new int[] {start, i});
        }
        start = i + 1;
      }
    }
    List<Recognition> words = new ArrayList<>();
    List<int[]> kept = new ArrayList<>();
    for (int[] r : ranges) {
      Recognition w = word(p, 0, r[0], r[1], k, charset, lexicon, beam);
      if (!w.text().isEmpty()) {
        words.add(w);
        kept.add(r);
      }
    }
    if (words.isEmpty()) {
      return new Recognition("", 0.0, new float[0]);
    }
    // a space inside a listed word is a misreading ("Wit h", "mus t"): the two parts are read
    // again as one word, unless both are listed words of two letters or more ("in to")
    for (int i = 0; lexicon != null && i + 1 < words.size(); ) {
      if (joins(words.get(i).text(), words.get(i + 1).text(), lexicon.lexicon())) {
        int[] r = {kept.get(i)[0], kept.get(i + 1)[1]};
        words.set(i, word(p, 0, r[0], r[1], k, charset, lexicon, beam));
        kept.set(i, r);
        words.remove(i + 1);
        kept.remove(i + 1);
      } else {
        i++;
      }
    }
    if (words.size() == 1) {
      return words.get(0);
    }
    StringBuilder text = new StringBuilder();
    float[] charProbs = new float[0];
    double conf = 1.0;
    double[] cuts = new double[2 * (words.size() - 1)];
    double px = Math.max(1, width);
    for (int i = 0; i < words.size(); i++) {
      Recognition w = words.get(i);
      if (i > 0) {
        text.append(' ');
        cuts[2 * i - 2] = Math.min(1, kept.get(i - 1)[1] * frameWidth / px);
        cuts[2 * i - 1] = Math.min(1, kept.get(i)[0] * frameWidth / px);
      }
      text.append(w.text());
      int n = charProbs.length;
      charProbs = Arrays.copyOf(charProbs, n + w.charProbs().length);
      System.arraycopy(w.charProbs(), 0, charProbs, n, w.charProbs().length);
      conf *= w.confidence();
    }
    return new Recognition(text.toString(), conf, charProbs, cuts);
  }

  /** True when {@code a} and {@code b} read as one listed word and are not both listed words. */
  static boolean joins(String a, String b, Lexicon lexicon) {
    String left = a.replaceFirst("^\\P{L}+", "");
    String right = b.replaceFirst("\\P{L}+$", "");
    String joined = left + right;
    if (left.isEmpty() || right.isEmpty() || !joined.codePoints().allMatch(Character::isLetter)
        || !lexicon.contains(joined)) {
      return false;
    }
    return !(left.length() >= 2 && right.length() >= 2 && lexicon.contains(left)
        && lexicon.contains(right));
  }

  /** One word read on frames {@code [from, to)}: greedy or beam, then the word list. */
  private static Recognition word(float[] probs, int offset, int from, int to, int k,
      Charset charset, LexiconDecoder lexicon, int beam) {
    int base = offset + from * k;
    Recognition r = CtcDecoder.beam(probs, base, to - from, k, charset, beam);
    return lexicon == null ? r : lexicon.correct(r, probs, base, to - from, k);
  }
}
