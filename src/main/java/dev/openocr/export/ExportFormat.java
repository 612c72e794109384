package dev.openocr.export;

import java.util.Locale;
import java.util.function.Supplier;

/** The export formats; add a constant and its exporter to support another. */
public enum ExportFormat {
  JSON(JsonExport::new);

  private final Supplier<PageExporter> exporter;

  ExportFormat(Supplier<PageExporter> exporter) {
    this.exporter = exporter;
  }

  public PageExporter exporter() {
    return exporter.get();
  }

  /** The format named {@code name} (any case), with the known names in the error. */
  public static ExportFormat of(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown export format: " + name + " (known: "
          + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT) + ")", e);
    }
  }
}
