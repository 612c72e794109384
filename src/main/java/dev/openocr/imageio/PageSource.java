package dev.openocr.imageio;

/**
 * The pages of one file, decoded one at a time on request so a 500-page TIFF never holds more
 * than one page in memory. Not thread-safe; close it when done.
 */
public interface PageSource extends AutoCloseable {

  /** Number of pages (known from the headers, before any pixel is decoded). */
  int pageCount();

  /** Decodes page {@code index} (0-based) to gray, checking the pixel limit first. */
  GrayImage page(int index) throws DecodeException;

  /**
   * Asks a decode running on another thread to stop soon: the page's time ran out and its result
   * will not be used. Thread-safe; does nothing for decoders that cannot be stopped.
   */
  default void abort() {}

  @Override
  void close();
}
