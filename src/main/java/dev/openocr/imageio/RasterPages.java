package dev.openocr.imageio;

import dev.openocr.imageio.DecodeException.Cause;
import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;

/**
 * Pages of a PNG, JPEG, TIFF, BMP, GIF, JPEG 2000 or WebP file through javax.imageio. Page count,
 * sizes and the bytes each decode allocates come from the headers first ({@link RasterHeaders}),
 * so a hostile header is refused without allocating; the file is read in place, never copied.
 */
final class RasterPages implements PageSource {
  /** The JDK's own readers, preferred over plugins that register the same formats. */
  private static final String JDK_READERS = "com.sun.imageio.";

  private final String name;
  private final DecodeLimits limits;
  private final DecodeMemory memory;
  private final ByteImageInputStream in;
  private final ImageReader reader;
  private final List<PageSize> sizes;
  private final int exifOrientation;
  /** Warning from the last read; javax.imageio reports truncated JPEGs only as warnings. */
  private String warning;

  RasterPages(byte[] bytes, ImageFormat format, String name, DecodeLimits limits,
      DecodeMemory memory) throws DecodeException {
    this.name = name;
    this.limits = limits;
    this.memory = memory;
    this.sizes = RasterHeaders.read(format, bytes, name, limits);
    limits.checkPages(name, sizes.size());
    this.reader = reader(format, name);
    this.in = new ByteImageInputStream(bytes);
    try {
      reader.setInput(in, false, true);
      reader.addIIOReadWarningListener(new Warnings());
      this.exifOrientation = format == ImageFormat.JPEG ? ExifOrientation.read(bytes)
          : ExifOrientation.NORMAL;
    } catch (RuntimeException e) {
      close();
      throw failure(format + " header", e);
    }
  }

  /** The JDK's reader for a format when it has one, else the plugin's. */
  private static ImageReader reader(ImageFormat format, String name) throws DecodeException {
    ImageReader chosen = null;
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
    while (readers.hasNext()) {
      ImageReader r = readers.next();
      if (chosen == null || r.getClass().getName().startsWith(JDK_READERS)) {
        if (chosen != null) {
          chosen.dispose();
        }
        chosen = r;
      } else {
        r.dispose();
      }
    }
    if (chosen == null) {
      throw new DecodeException(Cause.UNSUPPORTED_FORMAT, name + ": no decoder for " + format
          + " in this build");
    }
    return chosen;
  }

  @Override
  public int pageCount() {
    return sizes.size();
  }

  @Override
  public GrayImage page(int index) throws DecodeException {
    if (index < 0 || index >= sizes.size()) {
      throw new IndexOutOfBoundsException(name + ": page " + index + " of " + sizes.size());
    }
    PageSize size = sizes.get(index);
    if (size.cut() != null) {
      throw new DecodeException(Cause.TRUNCATED, name + ": cannot read page " + index
          + ": data ends early: " + size.cut());
    }
    long bytes = size.decodeBytes();
    limits.checkDecodeBytes(name, index, bytes, size.describe());
    try (DecodeMemory.Reservation r = memory.reserve(name, index, bytes)) {
      warning = null;
      BufferedImage img = reader.read(index);
      if (warning != null) {
        throw new DecodeException(Cause.TRUNCATED, name + ": page " + index + ": " + warning);
      }
      return ExifOrientation.apply(GrayImage.fromBufferedImage(img), exifOrientation);
    } catch (IOException | RuntimeException e) {
      throw failure("page " + index, e);
    }
  }

  @Override
  public void abort() {
    reader.abort();
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
      // An array: nothing to release.
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
