package dev.openocr.spark;

import dev.openocr.imageio.DecodeLimits;
import java.io.Serializable;

/**
 * What each task needs besides the engine, shipped from the driver.
 *
 * @param limits decoding limits (bytes, pixels, pages, PDF dpi)
 * @param pageSeconds time budget of one page (decode + OCR), seconds
 * @param java8Time whether Spark expects {@code Instant} rather than {@code Timestamp}
 * @param faultAfterPages test-only: fail each task's first attempt after this many pages; 0 off
 */
public record TaskOptions(DecodeLimits limits, int pageSeconds, boolean java8Time,
                          int faultAfterPages) implements Serializable {

  public TaskOptions {
    if (pageSeconds <= 0) {
      throw new IllegalArgumentException("Invalid page seconds: " + pageSeconds);
    }
  }
}
