package dev.openocr.synth;

import java.awt.Font;
import java.awt.font.GlyphVector;

/**
 * A face at a size with letter spacing and ink level, as one block or line is set.
 *
 * @param face the font file
 * @param font {@code face} derived to {@code size}
 * @param size em size in output pixels
 * @param tracking extra space after each character, pixels
 * @param gray ink gray level 0 (black) .. 255
 */
record TextStyle(FontFace face, Font font, double size, double tracking, int gray) {

  static TextStyle of(FontFace face, double size, double tracking, int gray) {
    return new TextStyle(face, face.font().deriveFont((float) size), size, tracking, gray);
  }

  GlyphVector layout(String text) {
    return InkCanvas.layout(font, text, tracking);
  }

  /** Advance width of {@code text} in pixels. */
  double width(String text) {
    return InkCanvas.advance(layout(text));
  }

  /** Ascent in pixels (baseline to top of tall letters, from the font's line metrics). */
  double ascent() {
    return font.getLineMetrics("Ag", InkCanvas.FRC).getAscent();
  }

  /** Descent in pixels. */
  double descent() {
    return font.getLineMetrics("Ag", InkCanvas.FRC).getDescent();
  }
}
