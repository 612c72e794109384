package dev.openocr.engine;

/** Milliseconds spent on one page per stage. */
public record PageTimings(long detectMs, long recognizeMs, long layoutMs) {
  public static final PageTimings ZERO = new PageTimings(0, 0, 0);

  public long totalMs() {
    return detectMs + recognizeMs + layoutMs;
  }
}
