package dev.openocr.export;

import dev.openocr.document.Page;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Writes one OCR page in one format. Implementations are stateless and thread-safe. */
public interface Exporter {

  ExportFormat format();

  /**
   * Writes the page as UTF-8; does not close {@code out}.
   *
   * @param source URI or file name the page came from
   * @param pageIndex 0-based page number within the source
   */
  void write(String source, int pageIndex, Page page, OutputStream out) throws IOException;

  /** The export as bytes. */
  default byte[] toBytes(String source, int pageIndex, Page page) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(source, pageIndex, page, out);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not export page " + pageIndex + " of " + source, e);
    }
    return out.toByteArray();
  }
}
