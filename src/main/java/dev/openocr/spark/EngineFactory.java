package dev.openocr.spark;

import dev.openocr.engine.EngineOptions;
import dev.openocr.engine.OcrEngine;
import java.io.Serializable;

/**
 * Makes an engine on an executor. Shipped with the partition function, so it must be a named
 * class with no driver state; {@link EngineCache} keys engines by its class and the options.
 */
public interface EngineFactory extends Serializable {

  OcrEngine create(EngineOptions options);

  /** Loads the bundles named in the options. */
  final class Bundles implements EngineFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public OcrEngine create(EngineOptions options) {
      return OcrEngine.load(options);
    }
  }
}
