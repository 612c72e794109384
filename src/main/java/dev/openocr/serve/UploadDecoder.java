package dev.openocr.serve;

import dev.openocr.imageio.DecodeException;
import dev.openocr.imageio.DecodeLimits;
import dev.openocr.imageio.GrayImage;
import dev.openocr.imageio.ImageDecoder;
import dev.openocr.imageio.ImageFormat;
import dev.openocr.imageio.PageSource;

/**
 * Opens an upload with the job's decoder ({@link ImageDecoder}: its limits, EXIF orientation, PDF
 * resolution and formats) and answers each decode failure with its HTTP status:
 *
 * <table>
 *   <caption>Decode causes and HTTP statuses</caption>
 *   <tr><th>cause</th><th>status</th></tr>
 *   <tr><td>EMPTY, TRUNCATED, CORRUPT</td><td>400 Bad Request</td></tr>
 *   <tr><td>UNSUPPORTED_FORMAT</td><td>415 Unsupported Media Type</td></tr>
 *   <tr><td>TOO_LARGE</td><td>413 Content Too Large</td></tr>
 *   <tr><td>ENCRYPTED</td><td>422 Unprocessable Content</td></tr>
 * </table>
 */
final class UploadDecoder {
  private UploadDecoder() {}

  /** The decode limits of a server: its body, pixel and page limits, the job's PDF dpi. */
  static DecodeLimits limits(ServerConfig config) {
    return new DecodeLimits(config.maxBodyBytes(), config.maxPixels(), config.maxPages(),
        DecodeLimits.PDF_DPI_DEFAULT);
  }

  /**
   * The upload's pages, decoded one at a time. Close the result.
   *
   * @throws HttpError with the status of the decode failure
   */
  static PageSource open(byte[] bytes, String name, DecodeLimits limits) {
    try {
      return ImageDecoder.open(bytes, name, limits);
    } catch (DecodeException e) {
      throw http(e);
    }
  }

  /** Page {@code index}, upright as scanned. */
  static GrayImage page(PageSource pages, int index) {
    try {
      return pages.page(index);
    } catch (DecodeException e) {
      throw http(e);
    }
  }

  /** The HTTP status of each decode cause (see the class comment). */
  static int status(DecodeException.Cause cause) {
    return switch (cause) {
      case EMPTY, TRUNCATED, CORRUPT -> 400;
      case UNSUPPORTED_FORMAT -> 415;
      case TOO_LARGE -> 413;
      case ENCRYPTED -> 422;
    };
  }

  private static HttpError http(DecodeException e) {
    String prefix = e.cause() == DecodeException.Cause.UNSUPPORTED_FORMAT
        ? "Not an image this server reads (" + ImageFormat.NAMES + "): " : "Cannot decode: ";
    return new HttpError(status(e.cause()), prefix + e.getMessage());
  }
}
