package dev.openocr.serve;

import dev.openocr.imageio.GrayImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an upload: PNG, JPEG, BMP, GIF, TIFF (several pages) with the JDK's javax.imageio,
 * PDF with PDFBox; page count and pixel limits are checked from the headers before decoding
 * pixels. A small stand-in for the project's full image decoder.
 */
final class UploadDecoder {
  /** Pages' worth of the per-page pixel limit that one upload may hold in all. */
  static final long TOTAL_PAGES_OF_PIXELS = 4;
  private static final byte[] PDF_MAGIC = "%PDF".getBytes(StandardCharsets.US_ASCII);

  static {
    // Decode in memory: no temporary files for uploads.
    ImageIO.setUseCache(false);
  }

  private UploadDecoder() {}

  /**
   * The pages of the upload, upright as stored.
   *
   * @param name names the upload in error messages
   * @throws HttpError 415 for formats it cannot read, 413 beyond the limits, 400 for corrupt data
   */
  static List<GrayImage> decode(byte[] bytes, String name, long maxPixels, int maxPages) {
    if (startsWith(bytes, PDF_MAGIC)) {
      return PdfPages.render(bytes, name, maxPixels, maxPages);
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new HttpError(415, name + " is not an image this server reads "
            + "(PNG, JPEG, BMP, GIF, TIFF, PDF)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, false, true);
        int pages = reader.getNumImages(true);
        if (pages > maxPages) {
          throw new HttpError(413, name + " has " + pages + " pages; the limit is " + maxPages);
        }
        List<GrayImage> out = new ArrayList<>(pages);
        long total = 0;
        for (int i = 0; i < pages; i++) {
          long px = (long) reader.getWidth(i) * reader.getHeight(i);
          if (px > maxPixels) {
            throw new HttpError(413, name + " page " + i + " is " + reader.getWidth(i) + "x"
                + reader.getHeight(i) + " = " + px + " pixels; the limit is " + maxPixels);
          }
          total += px;
          checkTotal(total, name, maxPixels);
          out.add(GrayImage.fromBufferedImage(reader.read(i)));
        }
        if (out.isEmpty()) {
          throw new HttpError(400, name + " holds no image");
        }
        return out;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof HttpError h) {
        throw h;
      }
      throw new HttpError(400, "Cannot decode " + name + ": " + e.getMessage());
    }
  }

  /**
   * All pages of one upload together hold at most {@link #TOTAL_PAGES_OF_PIXELS} times the
   * per-page limit, so one request's decoded pages stay bounded in memory (1 byte per pixel).
   */
  static void checkTotal(long totalPixels, String name, long maxPixels) {
    if (totalPixels > TOTAL_PAGES_OF_PIXELS * maxPixels) {
      throw new HttpError(413, name + " holds more than " + TOTAL_PAGES_OF_PIXELS * maxPixels
          + " pixels in all; the limit is " + TOTAL_PAGES_OF_PIXELS + " full-size pages");
    }
  }

  private static boolean startsWith(byte[] b, byte[] prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
