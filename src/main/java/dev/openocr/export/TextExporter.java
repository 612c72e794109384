package dev.openocr.export;

import dev.openocr.document.Page;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Plain page text in reading order: lines by newline, blocks by a blank line, final newline. */
public final class TextExporter implements Exporter {

  @Override
  public ExportFormat format() {
    return ExportFormat.TXT;
  }

  @Override
  public void write(String source, int pageIndex, Page page, OutputStream out) throws IOException {
    String text = page.text();
    out.write((text.isEmpty() ? text : text + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
