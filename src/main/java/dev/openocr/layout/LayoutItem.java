package dev.openocr.layout;

import dev.openocr.document.Word;
import dev.openocr.geometry.Box;

/**
 * A word with its box in the deskewed frame (the page rotated so the dominant text direction is
 * horizontal). Pixels; the deskewed frame has the same scale as the page.
 *
 * @param word the word, with its original quad untouched
 * @param box axis-aligned box of the word in the deskewed frame
 */
record LayoutItem(Word word, Box box) {

  /**
   * Builds the item by projecting the word's centre onto the text direction.
   *
   * @param angleDegrees text direction in the image, degrees clockwise (y down)
   */
  static LayoutItem of(Word word, double angleDegrees) {
    double rad = Math.toRadians(angleDegrees);
    double cos = Math.cos(rad);
    double sin = Math.sin(rad);
    Box b = word.box();
    double cx = b.centerX();
    double cy = b.centerY();
    // Rotate by -angle: x' along the text direction, y' across it.
    double x = cx * cos + cy * sin;
    double y = -cx * sin + cy * cos;
    // a quad whose top edge runs at right angles to the text (its corners from the top-left of a
    // page turned by 90 or 270 degrees, or a word printed sideways with its corners in reading
    // order) spans its height along the text
    boolean across = word.quad().runsAcross(angleDegrees);
    double along = across ? word.quad().height() : word.quad().width();
    double thick = across ? word.quad().width() : word.quad().height();
    double halfW = Math.max(along, 0) / 2;
    double halfH = Math.max(thick, 0) / 2;
    return new LayoutItem(word, new Box(x - halfW, y - halfH, x + halfW, y + halfH));
  }
}
