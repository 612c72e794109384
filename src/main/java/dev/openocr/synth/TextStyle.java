package dev.openocr.synth;

import java.awt.Font;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;

/**
 * A face at a size with letter spacing and ink level, as one block or line is set.
 *
 * @param face the font file
 * @param font {@code face} derived to {@code size}
 * @param size em size in output pixels
 * @param tracking extra space after each character, pixels
 * @param gray ink gray level 0 (black) .. 255
 * @param jitter largest vertical shift of each character (typewriter), pixels; 0 for none
 */
record TextStyle(FontFace face, Font font, double size, double tracking, int gray, double jitter) {

  static TextStyle of(FontFace face, double size, double tracking, int gray) {
    return new TextStyle(face, face.font().deriveFont((float) size), size, tracking, gray, 0);
  }

  /** The same style with glyphs stretched ({@code > 1}) or condensed ({@code < 1}) in width. */
  TextStyle withWidthScale(double sx) {
    Font f = font.deriveFont(AffineTransform.getScaleInstance(sx, 1));
    return new TextStyle(face, f, size, tracking, gray, jitter);
  }

  /** The same style with typewriter baseline jitter of up to {@code px} pixels. */
  TextStyle withJitter(double px) {
    return new TextStyle(face, font, size, tracking, gray, px);
  }

  /** Layout without jitter, for measuring. */
  GlyphVector layout(String text) {
    return InkCanvas.layout(font, text, tracking);
  }

  /** Layout for drawing: characters shifted up or down at random when the style has jitter. */
  GlyphVector layout(String text, Rng rng) {
    GlyphVector gv = InkCanvas.layout(font, text, tracking);
    if (jitter > 0) {
      for (int i = 0; i < text.length(); i++) {
        Point2D p = gv.getGlyphPosition(i);
        gv.setGlyphPosition(i, new Point2D.Double(p.getX(),
            p.getY() + rng.uniform(-jitter, jitter)));
      }
    }
    return gv;
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
