package dev.openocr.engine;

import dev.openocr.document.Word;
import dev.openocr.geometry.Quad;
import dev.openocr.recognize.Recognition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a box the detector drew around several words into one box per word, where the
 * recognizer read word spaces in its crop ({@link Recognition#cuts}). The crop runs along the
 * box with the recognizer's margin at both ends, so a share of the crop's width maps to a share
 * of the box's length; each word's box runs from the end of the space before it to the start of
 * the space after it (the box's own ends for the first and last word), and its new ends get the
 * detector's padding, as the box's own ends have it. Confidence and character probabilities
 * are each word's own.
 */
public final class WordSplit {
  private WordSplit() {}

  /**
   * The words of one reading, in reading order; a one-word reading gives one word with
   * {@code quad} itself.
   *
   * @param quad the reported box the crop was cut from
   * @param marginX the crop's margin at each end, as a share of the box's height (may be < 0)
   * @param padding the detector's box padding, as a share of the unpadded height
   */
  public static List<Word> split(Recognition r, Quad quad, double detScore, double marginX,
      double padding) {
    String[] texts = r.text().split(" ");
    if (r.cuts().length == 0 || texts.length != r.cuts().length / 2 + 1) {
      return List.of(new Word(r.text(), quad, r.confidence(), detScore, r.charProbs()));
    }
    double len = Math.max(1e-6, quad.width());
    double dx = marginX * quad.height();
    double pad = padding / (1 + 2 * padding) * quad.height() / len;
    List<Word> out = new ArrayList<>(texts.length);
    int c = 0;
    for (int i = 0; i < texts.length; i++) {
      double from = i == 0 ? 0 : along(r.cuts()[2 * i - 1], len, dx) - pad;
      double to = i == texts.length - 1 ? 1 : along(r.cuts()[2 * i], len, dx) + pad;
      to = Math.min(1, Math.max(to, from + 1 / len));
      from = Math.max(0, Math.min(from, to - 1 / len));
      int n = texts[i].codePointCount(0, texts[i].length());
      float[] probs = Arrays.copyOfRange(r.charProbs(), Math.min(c, r.charProbs().length),
          Math.min(c + n, r.charProbs().length));
      c += n;
      double conf = 1;
      for (float p : probs) {
        conf *= p;
      }
      out.add(new Word(texts[i], quad.slice(from, to), probs.length == 0 ? 0 : conf, detScore,
          probs));
    }
    return out;
  }

  /** A share of the crop's width as a share of the box's length, within 0..1. */
  static double along(double cropShare, double len, double dx) {
    return Math.max(0, Math.min(1, (cropShare * (len + 2 * dx) - dx) / len));
  }
}
