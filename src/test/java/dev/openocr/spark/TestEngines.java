package dev.openocr.spark;

import dev.openocr.engine.EngineOptions;
import dev.openocr.engine.OcrEngine;
import java.util.concurrent.atomic.AtomicInteger;

/** Engine factories for tests, named classes as the partition function requires. */
public final class TestEngines {
  /** Engines created in this JVM (to prove one per executor, not one per task). */
  public static final AtomicInteger CREATED = new AtomicInteger();

  /** Pages the test detector saw in this JVM (to prove OCR runs once per page). */
  public static final AtomicInteger PAGES_DETECTED = new AtomicInteger();

  private TestEngines() {}

  /** {@link BlobDetector} + {@link WidthRecognizer}. */
  public static final class Blobs implements EngineFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public OcrEngine create(EngineOptions options) {
      CREATED.incrementAndGet();
      return new OcrEngine(BlobDetector::new, WidthRecognizer::new, "blob-test+width-test", null,
          false);
    }
  }

  /** {@link SlowDetector} (hangs on 777 px wide pages) + {@link WidthRecognizer}. */
  public static final class Slow implements EngineFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public OcrEngine create(EngineOptions options) {
      return new OcrEngine(SlowDetector::new, WidthRecognizer::new, "slow-test+width-test", null,
          false);
    }
  }
}
