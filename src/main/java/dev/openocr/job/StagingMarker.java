package dev.openocr.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The file {@code _run} a run keeps in its staging folder: which run it is, when it started, when
 * it last said it was alive (epoch milliseconds), and whether the folder holds the previous run's
 * tables that a failed publish could not put back. Cleanup judges staging folders by it, never
 * by directory times (S3A reports 0).
 *
 * @param run the run's id
 * @param started when the run started, epoch ms
 * @param alive when the run last rewrote the marker, epoch ms
 * @param holdsPrevious the folder holds the output's previous tables: never removed automatically
 */
record StagingMarker(String run, long started, long alive, boolean holdsPrevious) {
  static final String FILE = "_run";
  /** Largest marker read; anything longer is not one. */
  private static final int MAX_BYTES = 4096;

  /** Writes (or replaces) the marker in {@code staging}, creating the folder. */
  void write(FileSystem fs, Path staging) throws IOException {
    String text = "run=" + run + "\nstarted=" + started + "\nalive=" + alive
        + "\nholdsPrevious=" + holdsPrevious + "\n";
    try (OutputStream o = fs.create(new Path(staging, FILE), true)) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The marker of {@code staging}, or empty when it has none or one that cannot be parsed. */
  static Optional<StagingMarker> read(FileSystem fs, Path staging) throws IOException {
    Path f = new Path(staging, FILE);
    if (!fs.exists(f)) {
      return Optional.empty();
    }
    byte[] b;
    try (InputStream in = fs.open(f)) {
      b = in.readNBytes(MAX_BYTES);
    }
    Properties p = new Properties();
    p.load(new StringReader(new String(b, StandardCharsets.UTF_8)));
    try {
      return Optional.of(new StagingMarker(p.getProperty("run", ""),
          Long.parseLong(p.getProperty("started", "")), Long.parseLong(p.getProperty("alive", "")),
          Boolean.parseBoolean(p.getProperty("holdsPrevious", "false"))));
    } catch (NumberFormatException e) {
      // A marker caught half-written: its run may be alive.
      return Optional.empty();
    }
  }

  StagingMarker aliveAt(long now) {
    return new StagingMarker(run, started, now, holdsPrevious);
  }

  StagingMarker holdingPrevious() {
    return new StagingMarker(run, started, alive, true);
  }
}
