package dev.openocr.export;

import java.util.Locale;

/** The page export formats, with their file extension and HTTP content type. */
public enum ExportFormat {
  JSON("json", "application/json; charset=utf-8"),
  HOCR("hocr", "application/xhtml+xml; charset=utf-8"),
  ALTO("xml", "application/xml; charset=utf-8"),
  TXT("txt", "text/plain; charset=utf-8");

  private final String extension;
  private final String contentType;

  ExportFormat(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  /** File extension without the dot: an ALTO page is {@code name.alto.xml}. */
  public String extension() {
    return this == ALTO ? "alto.xml" : extension;
  }

  public String contentType() {
    return contentType;
  }

  /** Parses {@code json|hocr|alto|txt}, ignoring case; the error lists the accepted names. */
  public static ExportFormat parse(String name) {
    if (name != null) {
      for (ExportFormat f : values()) {
        if (f.name().equalsIgnoreCase(name.trim())) {
          return f;
        }
      }
    }
    throw new IllegalArgumentException(
        "Unknown export format: " + name + " (json, hocr, alto or txt)");
  }

  /** Lower-case name as used on the command line and in URLs. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
