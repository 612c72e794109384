package dev.openocr.spark;

import java.util.Locale;

/**
 * The driver's progress line of a run, e.g. {@code progress: 120 of about 160 pages, 37 of 50
 * files, 2.4 pages/s, 3 errors, about 1m20s left}. Pages count every row out (error rows too);
 * the page total and the time left are extrapolated from the files done, so they are known once
 * a file is.
 */
public final class ProgressLine {
  private ProgressLine() {}

  /**
   * @param totalFiles files the run lists
   * @param seconds time since OCR started
   */
  public static String format(JobProgress.Counts c, long totalFiles, double seconds) {
    long rows = c.pages() + c.errors();
    StringBuilder sb = new StringBuilder("progress: ").append(rows);
    if (c.files() > 0) {
      long estimate = Math.round((double) rows * totalFiles / c.files());
      sb.append(" of about ").append(Math.max(estimate, rows));
    }
    sb.append(" pages, ").append(c.files()).append(" of ").append(totalFiles).append(" files, ")
        .append(String.format(Locale.ROOT, "%.1f", seconds > 0 ? rows / seconds : 0.0))
        .append(" pages/s, ").append(c.errors()).append(c.errors() == 1 ? " error, " : " errors, ");
    if (c.files() >= totalFiles) {
      sb.append("every file read");
    } else if (c.files() == 0) {
      sb.append("time left unknown until a file is read");
    } else {
      sb.append("about ").append(duration(seconds * (totalFiles - c.files()) / c.files()))
          .append(" left");
    }
    return sb.toString();
  }

  /** {@code 45s}, {@code 12m05s}, {@code 3h07m}. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
  }
}
