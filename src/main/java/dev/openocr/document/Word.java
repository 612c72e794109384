package dev.openocr.document;

import dev.openocr.geometry.Box;
import dev.openocr.geometry.Quad;

/**
 * One recognized word.
 *
 * @param text recognized text (may be empty when nothing was read)
 * @param quad corners in page pixels, clockwise from the text's top-left (the image's top-left
 *     for a word printed across it), in the original image's frame
 * @param confidence recognition confidence 0..1 (product of per-character max probabilities)
 * @param detScore detection score 0..1 (peak region score of the detected component)
 * @param charProbs probability of each character of {@code text}, 0..1
 */
public record Word(String text, Quad quad, double confidence, double detScore, float[] charProbs) {

  public Word {
    if (text == null || quad == null) {
      throw new IllegalArgumentException("A word needs text and a quad");
    }
    charProbs = charProbs == null ? new float[0] : charProbs;
  }

  public Box box() {
    return quad.bounds();
  }

  public Word withQuad(Quad q) {
    return new Word(text, q, confidence, detScore, charProbs);
  }
}
