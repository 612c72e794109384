package dev.openocr.imageio;

/**
 * A page's size from its file's headers and the heap its decoder will allocate for it.
 *
 * @param width pixels
 * @param height pixels
 * @param bytesPerPixel bytes of the decoded raster per pixel (0.125 for bilevel, 8 for 16-bit
 *     RGBA), working buffers of the decoder included
 * @param kind what the raster holds, for messages ("16-bit RGBA")
 * @param cut where the file ends before the page's data does, or null when the page is whole
 */
record PageSize(long width, long height, double bytesPerPixel, String kind, String cut) {

  PageSize(long width, long height, double bytesPerPixel, String kind) {
    this(width, height, bytesPerPixel, kind, null);
  }

  /** Heap the decode needs: the decoder's raster and the gray copy made from it. */
  long decodeBytes() {
    double px = (double) width * height;
    return (long) Math.min(Long.MAX_VALUE, Math.ceil(px * bytesPerPixel) + px);
  }

  /** "a 16-bit RGBA raster of 12000x12000", for messages. */
  String describe() {
    return "a " + kind + " raster of " + width + "x" + height;
  }
}
