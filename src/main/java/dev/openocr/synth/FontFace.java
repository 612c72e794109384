package dev.openocr.synth;

import java.awt.Font;
import java.util.BitSet;

/**
 * One loaded font file and the characters it can draw.
 *
 * @param name font name as the file declares it
 * @param file where it was loaded from
 * @param font the font at size 1 (derive sizes from it)
 * @param mono true for fixed-pitch (typewriter-like) faces
 * @param bold true for bold or heavy faces
 * @param italic true for italic or oblique faces
 * @param coverage for each char of the language charset (by code point, BMP), whether it draws
 */
public record FontFace(String name, String file, Font font, boolean mono, boolean bold,
                       boolean italic, BitSet coverage) {

  /** True when every non-space character of {@code text} has a glyph in this font. */
  public boolean canDraw(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        continue;
      }
      if (!coverage.get(c) && !font.canDisplay(c)) {
        return false;
      }
    }
    return true;
  }
}
