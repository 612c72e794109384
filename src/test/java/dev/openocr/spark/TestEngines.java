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

  /**
   * {@link BlobDetector} + {@link WidthRecognizer} that first runs {@link #onGatePage} on each
   * page exactly {@link #GATE_WIDTH} px wide: a test's hook into the middle of a running job.
   */
  public static final class Gated implements EngineFactory {
    private static final long serialVersionUID = 1L;
    public static final int GATE_WIDTH = 555;
    /** Runs on the executor (same JVM in local mode); a test sets it and puts it back. */
    public static volatile Runnable onGatePage = () -> { };

    @Override
    public OcrEngine create(EngineOptions options) {
      return new OcrEngine(GateDetector::new, WidthRecognizer::new, "gate-test+width-test", null,
          false);
    }
  }

  /**
   * {@link Gated}'s detector + {@link WidthRecognizer}, each word stamped with the JVM and the
   * count of pages read in it ({@code w84#pid.n}): a page read twice reads differently, so a
   * table derived from a second reading disagrees with one from the first. Each page first
   * sleeps {@code openocr.test.page-delay-ms} (a system property, default 0).
   */
  public static final class Stamped implements EngineFactory {
    private static final long serialVersionUID = 1L;
    private static final AtomicInteger PAGES = new AtomicInteger();

    @Override
    public OcrEngine create(EngineOptions options) {
      long delay = Long.getLong("openocr.test.page-delay-ms", 0);
      String jvm = Long.toString(ProcessHandle.current().pid());
      return new OcrEngine(() -> new PacedDetector(delay), () -> new StampRecognizer(jvm),
          "stamped-test+width-test", null, false);
    }
  }

  /**
   * {@link BlobDetector} + {@link WidthRecognizer} whose first {@link #FAILURES} session opens in
   * the JVM fail, as a native library that cannot start would.
   */
  public static final class FlakySessions implements EngineFactory {
    private static final long serialVersionUID = 1L;
    /** Session opens left to fail; a test sets it. */
    public static final AtomicInteger FAILURES = new AtomicInteger();

    @Override
    public OcrEngine create(EngineOptions options) {
      return new OcrEngine(() -> {
        if (FAILURES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          throw new IllegalStateException("Injected: the detector cannot start");
        }
        return new BlobDetector();
      }, WidthRecognizer::new, "flaky-test+width-test", null, false);
    }
  }

  /** {@link BlobDetector} + {@link WidthRecognizer} that fails pages of the widths a test sets. */
  public static final class FailingWidths implements EngineFactory {
    private static final long serialVersionUID = 1L;
    /** Page widths, pixels, whose detection throws (an OCR_FAILURE row). */
    public static final java.util.Set<Integer> WIDTHS =
        java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public OcrEngine create(EngineOptions options) {
      return new OcrEngine(FailingDetector::new, WidthRecognizer::new,
          "failing-test+width-test", null, false);
    }
  }

  private static final class FailingDetector implements dev.openocr.detect.TextDetector {
    private final BlobDetector blobs = new BlobDetector();

    @Override
    public java.util.List<dev.openocr.detect.DetectedWord> detect(
        dev.openocr.imageio.GrayImage page) {
      if (FailingWidths.WIDTHS.contains(page.width())) {
        throw new IllegalStateException("Injected OCR failure on a page " + page.width()
            + " px wide");
      }
      return blobs.detect(page);
    }

    @Override
    public void close() {}
  }

  private static final class StampRecognizer implements dev.openocr.recognize.TextRecognizer {
    private final WidthRecognizer width = new WidthRecognizer();
    private final String jvm;

    StampRecognizer(String jvm) {
      this.jvm = jvm;
    }

    @Override
    public java.util.List<dev.openocr.recognize.Recognition> recognize(
        java.util.List<dev.openocr.imageio.GrayImage> crops) {
      String stamp = "#" + jvm + "." + Stamped.PAGES.incrementAndGet();
      return width.recognize(crops).stream().map(r -> new dev.openocr.recognize.Recognition(
          r.text() + stamp, r.confidence(), r.charProbs())).toList();
    }

    @Override
    public void close() {}
  }

  private static final class PacedDetector implements dev.openocr.detect.TextDetector {
    private final GateDetector gate = new GateDetector();
    private final long delayMillis;

    PacedDetector(long delayMillis) {
      this.delayMillis = delayMillis;
    }

    @Override
    public java.util.List<dev.openocr.detect.DetectedWord> detect(
        dev.openocr.imageio.GrayImage page) {
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      return gate.detect(page);
    }

    @Override
    public void close() {}
  }

  private static final class GateDetector implements dev.openocr.detect.TextDetector {
    private final BlobDetector blobs = new BlobDetector();

    @Override
    public java.util.List<dev.openocr.detect.DetectedWord> detect(
        dev.openocr.imageio.GrayImage page) {
      if (page.width() == Gated.GATE_WIDTH) {
        Gated.onGatePage.run();
      }
      return blobs.detect(page);
    }

    @Override
    public void close() {}
  }
}
