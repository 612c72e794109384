package dev.openocr.synth;

import dev.openocr.geometry.Quad;
import java.util.List;

/**
 * One line of text: words {@code firstWord .. firstWord+wordCount-1} of the page's word list.
 *
 * @param text the words joined by single spaces
 * @param quad the line's quadrilateral in output pixels (reading order corners)
 */
public record SynthLine(String text, Quad quad, int firstWord, int wordCount) {

  /** This line mapped by {@code f}, enclosing its (already mapped) words. */
  SynthLine map(Quads.PointMap f, List<SynthWord> words) {
    List<Quad> parts = words.subList(firstWord, firstWord + wordCount).stream()
        .map(SynthWord::quad).toList();
    return new SynthLine(text, Quads.enclose(Quads.apply(f, quad), parts), firstWord, wordCount);
  }

  public SynthLine transform(double[] h) {
    return new SynthLine(text, Quads.apply(h, quad), firstWord, wordCount);
  }
}
