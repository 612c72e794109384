package dev.openocr.imageio;

import dev.openocr.imageio.DecodeException.Cause;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the bytes of one file into pages: PNG, JPEG (EXIF orientation applied), TIFF (every
 * page, CCITT G3/G4 included), BMP, GIF, JPEG 2000, WebP and PDF (every page rendered at the
 * configured dpi; JPX, JBIG2 and CCITT images included). The format comes from the
 * content, not the name; the name only appears in error messages. Limits (bytes, pages, pixels
 * per page) are checked before any pixel is decoded.
 */
public final class ImageDecoder {
  private ImageDecoder() {}

  /**
   * Opens a file's pages for decoding one at a time. Close the result.
   *
   * @param bytes the whole file
   * @param name the file's name or URI, for messages
   * @throws DecodeException when the file is empty, too large, not a known format, or its
   *     headers are unreadable
   */
  public static PageSource open(byte[] bytes, String name, DecodeLimits limits)
      throws DecodeException {
    return open(bytes, name, limits, DecodeMemory.shared());
  }

  /** As {@link #open(byte[], String, DecodeLimits)}, reserving decode bytes from {@code memory}. */
  public static PageSource open(byte[] bytes, String name, DecodeLimits limits,
      DecodeMemory memory) throws DecodeException {
    if (bytes == null || bytes.length == 0) {
      throw new DecodeException(Cause.EMPTY, name + ": empty file (0 bytes)");
    }
    limits.checkBytes(name, bytes.length);
    ImageFormat format = ImageFormat.sniff(bytes);
    if (format == null) {
      throw new DecodeException(Cause.UNSUPPORTED_FORMAT, name
          + ": unsupported format: content is not " + ImageFormat.NAMES
          + extensionNote(name) + " (starts with " + hexHead(bytes) + ")");
    }
    return format == ImageFormat.PDF ? new PdfPages(bytes, name, limits, memory)
        : new RasterPages(bytes, format, name, limits, memory);
  }

  /** Decodes every page at once; for small files and tests. */
  public static List<GrayImage> decodeAll(byte[] bytes, String name, DecodeLimits limits)
      throws DecodeException {
    return decodeAll(bytes, name, limits, DecodeMemory.shared());
  }

  /** As {@link #decodeAll(byte[], String, DecodeLimits)} with its own decode memory. */
  public static List<GrayImage> decodeAll(byte[] bytes, String name, DecodeLimits limits,
      DecodeMemory memory) throws DecodeException {
    try (PageSource src = open(bytes, name, limits, memory)) {
      List<GrayImage> out = new ArrayList<>(src.pageCount());
      for (int i = 0; i < src.pageCount(); i++) {
        out.add(src.page(i));
      }
      return out;
    }
  }

  private static String extensionNote(String name) {
    int dot = name.lastIndexOf('.');
    int slash = name.lastIndexOf('/');
    if (dot <= slash || dot == name.length() - 1) {
      return "";
    }
    return " although the name ends in " + name.substring(dot).toLowerCase(Locale.ROOT);
  }

  private static String hexHead(byte[] b) {
    StringBuilder sb = new StringBuilder("0x");
    for (int i = 0; i < Math.min(8, b.length); i++) {
      sb.append(String.format("%02x", b[i] & 0xff));
    }
    return sb.toString();
  }
}
