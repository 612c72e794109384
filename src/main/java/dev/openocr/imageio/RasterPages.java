package dev.openocr.imageio;

import dev.openocr.imageio.DecodeException.Cause;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Pages of a PNG, JPEG, TIFF, BMP or GIF through javax.imageio. Sizes are read from the headers
 * before pixels, so a hostile header is refused without allocating the image.
 */
final class RasterPages implements PageSource {
  private final String name;
  private final DecodeLimits limits;
  private final ImageInputStream in;
  private final ImageReader reader;
  private final int pages;
  private final int exifOrientation;
  /** Warning from the last read; javax.imageio reports truncated JPEGs only as warnings. */
  private String warning;

  RasterPages(byte[] bytes, ImageFormat format, String name, DecodeLimits limits)
      throws DecodeException {
    this.name = name;
    this.limits = limits;
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
    if (!readers.hasNext()) {
      throw new DecodeException(Cause.UNSUPPORTED_FORMAT, name + ": no reader for " + format);
    }
    this.in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes));
    this.reader = readers.next();
    try {
      reader.setInput(in, false, true);
      reader.addIIOReadWarningListener(new Warnings());
      // Walks the chain of image headers (TIFF IFDs) only; no pixel data.
      int n = format == ImageFormat.TIFF || format == ImageFormat.GIF ? reader.getNumImages(true) : 1;
      if (n <= 0) {
        throw new DecodeException(Cause.CORRUPT, name + ": no pages in the " + format + " file");
      }
      limits.checkPages(name, n);
      this.pages = n;
      this.exifOrientation = format == ImageFormat.JPEG ? ExifOrientation.read(bytes)
          : ExifOrientation.NORMAL;
    } catch (DecodeException e) {
      close();
      throw e;
    } catch (IOException | RuntimeException e) {
      close();
      throw failure(format + " header", e);
    }
  }

  @Override
  public int pageCount() {
    return pages;
  }

  @Override
  public GrayImage page(int index) throws DecodeException {
    if (index < 0 || index >= pages) {
      throw new IndexOutOfBoundsException(name + ": page " + index + " of " + pages);
    }
    BufferedImage img;
    try {
      limits.checkPixels(name, index, reader.getWidth(index), reader.getHeight(index));
      warning = null;
      img = reader.read(index);
    } catch (DecodeException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw failure("page " + index, e);
    } catch (OutOfMemoryError e) {
      throw new DecodeException(Cause.TOO_LARGE, name + ": page " + index
          + ": out of memory while decoding; lower the pixel limit", e);
    }
    if (warning != null) {
      throw new DecodeException(Cause.TRUNCATED, name + ": page " + index + ": " + warning);
    }
    return ExifOrientation.apply(GrayImage.fromBufferedImage(img), exifOrientation);
  }

  private DecodeException failure(String what, Throwable e) {
    boolean truncated = e instanceof EOFException || e.getCause() instanceof EOFException
        || (e instanceof IndexOutOfBoundsException);
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e.getCause() != null && e.getCause().getMessage() != null) {
      msg += " (" + e.getCause().getMessage() + ")";
    }
    return new DecodeException(truncated ? Cause.TRUNCATED : Cause.CORRUPT,
        name + ": cannot read " + what + (truncated ? ": data ends early: " : ": ") + msg, e);
  }

  @Override
  public void close() {
    reader.dispose();
    try {
      in.close();
    } catch (IOException e) {
      // Memory-backed stream: nothing to release.
    }
  }

  /** Keeps the warnings that mean the pixels are incomplete. */
  private final class Warnings implements IIOReadWarningListener {
    @Override
    public void warningOccurred(ImageReader source, String message) {
      String m = message.toLowerCase(Locale.ROOT);
      if (m.contains("premature end") || m.contains("corrupt")) {
        warning = message;
      }
    }
  }
}
