package dev.openocr.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A training run's CSV log (appended, so resumed runs continue it) and a progress line with ETA.
 * A run killed after its last checkpoint has logged steps it will train again: on resume, rows
 * past the checkpoint's step are dropped, so every step appears once.
 */
public final class TrainLog {
  private final Path csv;
  private final String[] columns;
  private final long startNanos = System.nanoTime();
  private final int startStep;

  public TrainLog(Path csv, int startStep, String... columns) {
    this.csv = csv;
    this.columns = columns;
    this.startStep = startStep;
    try {
      Files.createDirectories(csv.getParent());
      if (!Files.exists(csv)) {
        Files.writeString(csv, String.join(",", columns) + "\n", StandardCharsets.UTF_8);
      } else {
        dropRowsAfter(csv, startStep);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + csv, e);
    }
  }

  /** Keeps the header and the rows whose step (first column) is at most {@code step}. */
  static void dropRowsAfter(Path csv, int step) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i == 0 || line.isEmpty()) {
        kept.add(line);
        continue;
      }
      String first = line.split(",", 2)[0].trim();
      int rowStep;
      try {
        rowStep = Integer.parseInt(first);
      } catch (NumberFormatException e) {
        kept.add(line); // not a step row: left as it is
        continue;
      }
      if (rowStep <= step) {
        kept.add(line);
      }
    }
    if (kept.size() < lines.size()) {
      Files.write(csv, kept, StandardCharsets.UTF_8);
    }
  }

  /** Appends one row; values in column order, NaN for "not measured at this step". */
  public void row(double... values) {
    if (values.length != columns.length) {
      throw new IllegalArgumentException("Expected " + columns.length + " values, got " + values.length);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      double v = values[i];
      sb.append(Double.isNaN(v) ? "" : v == Math.rint(v) && Math.abs(v) < 1e12
          ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v));
    }
    sb.append('\n');
    try {
      Files.writeString(csv, sb, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot append to " + csv, e);
    }
  }

  /** {@code [=====>     ] 1200/5000 24% 0.31 s/step ETA 19m40s loss 1.234}. */
  public String progress(int step, int total, String extra) {
    double elapsed = (System.nanoTime() - startNanos) / 1e9;
    int done = Math.max(1, step - startStep);
    double perStep = elapsed / done;
    long eta = Math.round(perStep * Math.max(0, total - step));
    int width = 30;
    int filled = (int) Math.round(width * Math.min(1.0, (double) step / total));
    String bar = "=".repeat(filled) + (filled < width ? ">" + " ".repeat(width - filled - 1) : "");
    return String.format(Locale.ROOT, "[%s] %d/%d %d%% %.2f s/step ETA %dm%02ds %s", bar, step,
        total, 100 * step / total, perStep, eta / 60, eta % 60, extra);
  }

  /** Reads the log back as rows of strings (header first). */
  public static List<String[]> read(Path csv) {
    try {
      List<String[]> rows = new ArrayList<>();
      for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
        rows.add(line.split(",", -1));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + csv, e);
    }
  }
}
