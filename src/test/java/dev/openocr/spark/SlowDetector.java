package dev.openocr.spark;

import dev.openocr.detect.DetectedWord;
import dev.openocr.imageio.GrayImage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Test detector: a {@link BlobDetector} that hangs for 30 s on pages exactly 777 px wide. */
public final class SlowDetector implements dev.openocr.detect.TextDetector {
  /** Width of the page that hangs, pixels. */
  public static final int SLOW_WIDTH = 777;
  public static final AtomicInteger OPENED = new AtomicInteger();
  public static final AtomicInteger CLOSED = new AtomicInteger();
  private final BlobDetector blobs = new BlobDetector();

  public SlowDetector() {
    OPENED.incrementAndGet();
  }

  @Override
  public List<DetectedWord> detect(GrayImage page) {
    if (page.width() == SLOW_WIDTH) {
      try {
        Thread.sleep(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    return blobs.detect(page);
  }

  @Override
  public void close() {
    CLOSED.incrementAndGet();
  }
}
