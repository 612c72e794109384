package dev.openocr.spark;

import dev.openocr.engine.EngineOptions;
import dev.openocr.engine.NativeSetup;
import dev.openocr.engine.OcrEngine;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine per executor JVM per (factory, options incl. device), created on first use and
 * shared by every task of the executor. Static, so it is never serialized.
 */
public final class EngineCache {
  private static final Logger LOG = LoggerFactory.getLogger(EngineCache.class);
  private static final Map<String, OcrEngine> ENGINES = new ConcurrentHashMap<>();

  private EngineCache() {}

  /** The JVM's engine for these options, loading it (once) when missing. */
  public static OcrEngine get(EngineFactory factory, EngineOptions options) {
    return get(factory, options, ms -> { });
  }

  /**
   * The JVM's engine for these options; when this call loads it, {@code loadMillis} receives
   * the load time in milliseconds.
   */
  public static OcrEngine get(EngineFactory factory, EngineOptions options,
      LongConsumer loadMillis) {
    String key = factory.getClass().getName() + "|" + options;
    return ENGINES.computeIfAbsent(key, k -> {
      configureNativeThreads(options.threads());
      long t0 = System.nanoTime();
      OcrEngine e = factory.create(options);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      LOG.info("Loaded OCR engine {} on {} in {} ms", e.modelId(), options.device(), ms);
      loadMillis.accept(ms);
      return e;
    });
  }

  /** Number of engines loaded in this JVM. */
  public static int size() {
    return ENGINES.size();
  }

  /** Closes and forgets every engine (tests, shutdown). */
  public static synchronized void clear() {
    for (OcrEngine e : ENGINES.values()) {
      e.close();
    }
    ENGINES.clear();
  }

  /**
   * DJL reads these once, when its engine starts: intra-op threads = the task's cores, one
   * inter-op thread, never download. Values set explicitly (-D...) win.
   */
  static void configureNativeThreads(int threads) {
    NativeSetup.configure(threads);
  }
}
