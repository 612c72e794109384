package dev.openocr.export;

/** The exporters of this package, with page indices and bytes (see {@link Exporter}). */
public final class Exporters {
  private Exporters() {}

  /** A stateless exporter for the format. */
  public static Exporter of(ExportFormat format) {
    return switch (format) {
      case JSON -> new PageJson();
      case HOCR -> new HocrExporter();
      case ALTO -> new AltoExporter();
      case TXT -> new TextExporter();
    };
  }
}
