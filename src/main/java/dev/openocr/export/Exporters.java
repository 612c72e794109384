package dev.openocr.export;

/** The exporter of each format. */
public final class Exporters {
  private Exporters() {}

  /** A stateless exporter for the format. */
  public static Exporter of(ExportFormat format) {
    return switch (format) {
      // The job's JsonExport may replace PageJson here once both land; they share the structure.
      case JSON -> new PageJson();
      case HOCR -> new HocrExporter();
      case ALTO -> new AltoExporter();
      case TXT -> new TextExporter();
    };
  }
}
