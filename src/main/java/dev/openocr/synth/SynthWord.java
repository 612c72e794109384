package dev.openocr.synth;

import dev.openocr.geometry.Quad;
import java.util.List;

/**
 * One rendered word of a synthetic page.
 *
 * @param text the exact string drawn (no spaces)
 * @param quad the word's quadrilateral in output pixels, corners in the text's reading order
 *     (for upright text clockwise from top-left), after every geometric transform
 * @param chars one quad per character of {@code text}, from the glyph outline bounds
 */
public record SynthWord(String text, Quad quad, List<Quad> chars) {
  public SynthWord {
    chars = List.copyOf(chars);
    if (chars.size() != text.length()) {
      throw new IllegalArgumentException("Word '" + text + "' has " + chars.size() + " char quads");
    }
  }

  /** The same word with every corner mapped by {@code f}. */
  SynthWord map(Quads.PointMap f) {
    List<Quad> moved = chars.stream().map(q -> Quads.apply(f, q)).toList();
    // a non-linear map moves characters apart from the word's corners: keep them enclosed
    return new SynthWord(text, Quads.enclose(Quads.apply(f, quad), moved), moved);
  }

  /** The same word with every corner mapped by a 3x3 homography (row-major). */
  public SynthWord transform(double[] h) {
    return new SynthWord(text, Quads.apply(h, quad), chars.stream().map(q -> Quads.apply(h, q))
        .toList());
  }
}
