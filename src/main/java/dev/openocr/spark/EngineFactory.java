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

  /**
   * Cheap checks on the driver before any task starts, so a missing model fails once with a
   * clear message instead of in every task. Default: none.
   */
  default void preflight(EngineOptions options) {}

  /** The factory of class {@code className}, which needs a public no-argument constructor. */
  static EngineFactory named(String className) {
    try {
      Class<?> c = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
      if (!EngineFactory.class.isAssignableFrom(c)) {
        throw new IllegalArgumentException("Invalid engine factory: " + className
            + " does not implement " + EngineFactory.class.getName());
      }
      return (EngineFactory) c.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("Invalid engine factory: " + className + ": " + e, e);
    }
  }

  /** Loads the bundles named in the options. */
  final class Bundles implements EngineFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public OcrEngine create(EngineOptions options) {
      return OcrEngine.load(options);
    }

    /** Classpath bundles are in the same jar on every executor: check them here. */
    @Override
    public void preflight(EngineOptions options) {
      for (String location : new String[] {options.detector(), options.recognizer()}) {
        String prefix = "classpath:";
        if (location.startsWith(prefix)) {
          String manifest = location.substring(prefix.length()) + "/model.json";
          if (Thread.currentThread().getContextClassLoader().getResource(manifest) == null) {
            throw new IllegalArgumentException("Model bundle not found: " + location + " (no "
                + manifest + " on the classpath); ship the default models in the jar or pass "
                + "--detector/--recognizer");
          }
        }
      }
    }
  }
}
