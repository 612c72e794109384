package dev.openocr.imageio;

import java.io.Serializable;

/**
 * Limits checked before any pixel is decoded, so one huge or hostile file cannot exhaust an
 * executor's memory.
 *
 * @param maxFileBytes largest accepted file, bytes
 * @param maxPixels largest accepted page, width x height in pixels (after PDF rendering)
 * @param maxPages most pages accepted in one file
 * @param pdfDpi resolution PDF pages are rendered at, dots per inch
 */
public record DecodeLimits(long maxFileBytes, long maxPixels, int maxPages, int pdfDpi)
    implements Serializable {

  /** 256 MiB: a 500-page 300 dpi bitonal TIFF is far below this. */
  public static final long MAX_FILE_BYTES_DEFAULT = 256L << 20;
  /** 1.6e8 pixels: an A0 sheet at 300 dpi (about 1.4e8) still fits; the gray page is 160 MB. */
  public static final long MAX_PIXELS_DEFAULT = 160_000_000L;
  /** Most pages in one file; a bound on the time one task spends on one file. */
  public static final int MAX_PAGES_DEFAULT = 2000;
  /** The resolution OCR models are usually trained at. */
  public static final int PDF_DPI_DEFAULT = 300;
  /**
   * Heap bytes a page may need to decode, per pixel of the pixel limit: an 8-bit RGBA raster (4)
   * and its gray copy (1). A 16-bit RGBA page at the pixel limit (8 + 1) is refused.
   */
  public static final int DECODE_BYTES_PER_PIXEL = 5;

  public DecodeLimits {
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("Invalid max file bytes: " + maxFileBytes);
    }
    if (maxPixels <= 0) {
      throw new IllegalArgumentException("Invalid max pixels: " + maxPixels);
    }
    if (maxPages <= 0) {
      throw new IllegalArgumentException("Invalid max pages: " + maxPages);
    }
    if (pdfDpi < 36 || pdfDpi > 1200) {
      throw new IllegalArgumentException("Invalid PDF dpi: " + pdfDpi + " (36..1200)");
    }
  }

  public static DecodeLimits defaults() {
    return new DecodeLimits(MAX_FILE_BYTES_DEFAULT, MAX_PIXELS_DEFAULT, MAX_PAGES_DEFAULT,
        PDF_DPI_DEFAULT);
  }

  /** Throws TOO_LARGE when {@code width x height} exceeds {@link #maxPixels}. */
  public void checkPixels(String name, int page, long width, long height) throws DecodeException {
    long px = width * height;
    if (width <= 0 || height <= 0) {
      throw new DecodeException(DecodeException.Cause.CORRUPT,
          name + ": page " + page + " has an invalid size " + width + "x" + height);
    }
    if (px > maxPixels) {
      throw new DecodeException(DecodeException.Cause.TOO_LARGE, name + ": page " + page
          + ": image too large: " + width + "x" + height + " = " + sci(px) + " pixels > limit "
          + sci(maxPixels));
    }
  }

  /** Most heap bytes one page may need to decode: {@link #DECODE_BYTES_PER_PIXEL} per pixel. */
  public long maxDecodeBytes() {
    return maxPixels > Long.MAX_VALUE / DECODE_BYTES_PER_PIXEL ? Long.MAX_VALUE
        : maxPixels * DECODE_BYTES_PER_PIXEL;
  }

  /**
   * Throws TOO_LARGE when decoding a page needs more than {@link #maxDecodeBytes()} bytes of heap.
   *
   * @param what what needs the bytes, e.g. "a 16-bit RGBA raster of 12000x12000"
   */
  public void checkDecodeBytes(String name, int page, long bytes, String what)
      throws DecodeException {
    if (bytes > maxDecodeBytes()) {
      throw new DecodeException(DecodeException.Cause.TOO_LARGE, name + ": page " + page + ": "
          + what + " needs " + sci(bytes) + " bytes to decode > limit " + sci(maxDecodeBytes())
          + " (" + DECODE_BYTES_PER_PIXEL + " bytes a pixel of the pixel limit)");
    }
  }

  /** Throws TOO_LARGE when a file has more than {@link #maxPages} pages. */
  public void checkPages(String name, int pages) throws DecodeException {
    if (pages > maxPages) {
      throw new DecodeException(DecodeException.Cause.TOO_LARGE,
          name + ": too many pages: " + pages + " > limit " + maxPages);
    }
  }

  /** Throws TOO_LARGE when a file is longer than {@link #maxFileBytes}. */
  public void checkBytes(String name, long bytes) throws DecodeException {
    if (bytes > maxFileBytes) {
      throw new DecodeException(DecodeException.Cause.TOO_LARGE,
          name + ": file too large: " + bytes + " bytes > limit " + maxFileBytes);
    }
  }

  /** Compact scientific notation: 10000000000 -> "1e10", 160000000 -> "1.6e8". */
  static String sci(long v) {
    if (v < 10_000) {
      return Long.toString(v);
    }
    int exp = (int) Math.floor(Math.log10(v));
    double mant = Math.round(v / Math.pow(10, exp) * 100) / 100.0;
    String m = mant == Math.rint(mant) ? Long.toString((long) mant) : Double.toString(mant);
    return m + "e" + exp;
  }
}
