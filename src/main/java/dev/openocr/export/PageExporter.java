package dev.openocr.export;

import dev.openocr.document.Page;
import java.io.IOException;
import java.io.Writer;

/** Writes one page result as a file of some format (JSON now; hOCR, ALTO, text later). */
public interface PageExporter {

  /** File extension without the dot, e.g. {@code json}. */
  String extension();

  /**
   * Writes {@code page} to {@code out}.
   *
   * @param imageName the source image's file name, e.g. {@code scan.png}
   */
  void write(Writer out, String imageName, Page page) throws IOException;
}
