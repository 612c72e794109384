package dev.openocr.synth;

import dev.openocr.geometry.Quad;

/**
 * One line of text: words {@code firstWord .. firstWord+wordCount-1} of the page's word list.
 *
 * @param text the words joined by single spaces
 * @param quad the line's quadrilateral in output pixels (reading order corners)
 */
public record SynthLine(String text, Quad quad, int firstWord, int wordCount) {

  public SynthLine transform(double[] h) {
    return new SynthLine(text, Quads.apply(h, quad), firstWord, wordCount);
  }
}
