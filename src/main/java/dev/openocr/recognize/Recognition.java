package dev.openocr.recognize;

/**
 * What the recognizer read in one word crop.
 *
 * @param text decoded text; words separated by single spaces when a recognizer with the word
 *     space ({@link Charset#WORD_SPACE}) read several words in one crop
 * @param confidence product of the per-character max probabilities, 0..1
 * @param charProbs max probability of each emitted character, spaces excluded
 * @param cuts where the words of a several-word reading part, as shares (0..1) of the crop's
 *     width: for each space, the end of the word before it and the start of the word after it
 *     ({@code 2 * spaces} values, ascending); empty for a one-word reading
 */
public record Recognition(String text, double confidence, float[] charProbs, double[] cuts) {

  public Recognition {
    cuts = cuts == null ? new double[0] : cuts;
  }

  /** A one-word reading. */
  public Recognition(String text, double confidence, float[] charProbs) {
    this(text, confidence, charProbs, null);
  }
}
