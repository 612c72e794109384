package dev.openocr.export;

import dev.openocr.geometry.Box;

/**
 * A box in whole pixels for the XML formats: left and top rounded down, right and bottom up (so
 * the box covers the word), all clipped to the page.
 */
record PixelBox(int left, int top, int right, int bottom) {

  static PixelBox of(Box b, int pageWidth, int pageHeight) {
    int l = clamp((int) Math.floor(b.left()), pageWidth);
    int t = clamp((int) Math.floor(b.top()), pageHeight);
    int r = Math.max(l, clamp((int) Math.ceil(b.right()), pageWidth));
    int bo = Math.max(t, clamp((int) Math.ceil(b.bottom()), pageHeight));
    return new PixelBox(l, t, r, bo);
  }

  int width() {
    return right - left;
  }

  int height() {
    return bottom - top;
  }

  /** hOCR form: {@code bbox l t r b}. */
  String hocr() {
    return "bbox " + left + " " + top + " " + right + " " + bottom;
  }

  private static int clamp(int v, int max) {
    return Math.max(0, Math.min(max, v));
  }
}
