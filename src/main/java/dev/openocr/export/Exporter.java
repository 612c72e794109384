package dev.openocr.export;

import dev.openocr.document.Page;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A {@link PageExporter} that also knows the page's index in its source (hOCR {@code ppageno},
 * ALTO {@code PHYSICAL_IMG_NR}) and writes UTF-8 bytes. Stateless and thread-safe.
 */
public interface Exporter extends PageExporter {

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

  @Override
  default String extension() {
    return switch (format()) {
      case ALTO -> "alto.xml";
      default -> format().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** As page 0 of {@code imageName}; the writer must encode UTF-8 (the XML says so). */
  @Override
  default void write(Writer out, String imageName, Page page) throws IOException {
    out.write(new String(toBytes(imageName, 0, page), StandardCharsets.UTF_8));
  }
}
