package dev.openocr.export;

/** Name and version written into export metadata. */
final class Software {
  static final String NAME = "openocr";
  static final String VERSION = "0.1.0";

  private Software() {}
}
