package dev.openocr.export;

import java.util.Locale;
import java.util.function.Supplier;

/** The export formats; add a constant and its exporter to support another. */
public enum ExportFormat {
  // the evaluation format of shared/eval/score.py, with confidences
  JSON(JsonExport::new, "application/json; charset=utf-8"),
  HOCR(HocrExporter::new, "application/xhtml+xml; charset=utf-8"),
  ALTO(AltoExporter::new, "application/xml; charset=utf-8"),
  TXT(TextExporter::new, "text/plain; charset=utf-8");

  private final Supplier<PageExporter> exporter;
  private final String contentType;

  ExportFormat(Supplier<PageExporter> exporter, String contentType) {
    this.exporter = exporter;
    this.contentType = contentType;
  }

  public PageExporter exporter() {
    return exporter.get();
  }

  /** HTTP content type of an exported page. */
  public String contentType() {
    return contentType;
  }

  /** The format named {@code name} (any case), with the known names in the error. */
  public static ExportFormat of(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("Unknown export format: " + name + " (known: "
          + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT) + ")", e);
    }
  }
}
