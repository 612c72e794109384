package dev.openocr.engine;

/** Loads model bundles into an engine. */
final class EngineLoader {
  private EngineLoader() {}

  static OcrEngine load(EngineOptions options) {
    throw new UnsupportedOperationException("model loading lands with the detector/recognizer");
  }
}
