package dev.openocr.job;

import dev.openocr.spark.HadoopConf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SaveMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one run's tables so readers of {@code <out>/pages} and {@code <out>/words} never see
 * a half-written run. Spark writes each table complete into {@code <out>/_staging-<run>/} (Spark
 * readers skip names starting with {@code _}); only then are they moved in, all together: a new
 * table by one directory rename; an overwrite by moving the old tables aside into the staging
 * folder and the new ones in (readers see the old run, for the instant between the renames no
 * table, then the new run); an append by renaming the run's part files into the tables, as
 * Spark's own job commit does. When a move fails, the moves done are undone, so the output is
 * the old run again; if even that fails, the staging folder is kept with the old tables and its
 * marker says so. A run that fails before publishing leaves the output as it was. Renames are
 * atomic on HDFS and local disks, not on object stores such as S3.
 */
final class OutputCommit implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutputCommit.class);
  static final String STAGING_PREFIX = "_staging-";
  /** Name an overwrite gives the old table inside the staging folder. */
  static final String REPLACED_PREFIX = "replaced-";
  /** How often a run rewrites its marker, so that cleanup never takes a long run for dead. */
  static final long HEARTBEAT_MILLIS = 10 * 60_000L;
  private static final long MILLIS_PER_HOUR = 3_600_000L;

  private final FileSystem fs;
  private final Path out;
  private final Path staging;
  private final LongSupplier clock;
  private final ScheduledExecutorService heartbeat;
  private StagingMarker marker;
  private boolean closed;
  /** Set once the tables are published: every task of the run has ended. */
  private boolean published;

  OutputCommit(HadoopConf conf, Path out) {
    this(conf, out, System::currentTimeMillis, HEARTBEAT_MILLIS);
  }

  /**
   * Creates the run's staging folder with its marker.
   *
   * @param clock epoch milliseconds
   * @param heartbeatMillis how often the marker is rewritten; 0 never
   */
  OutputCommit(HadoopConf conf, Path out, LongSupplier clock, long heartbeatMillis) {
    this.out = out;
    this.clock = clock;
    String run = UUID.randomUUID().toString();
    this.staging = new Path(out, STAGING_PREFIX + run);
    long now = clock.getAsLong();
    this.marker = new StagingMarker(run, now, now, false);
    try {
      this.fs = out.getFileSystem(conf.get());
      marker.write(fs, staging);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create staging folder " + staging, e);
    }
    this.heartbeat = heartbeatMillis > 0 ? startHeartbeat(heartbeatMillis) : null;
  }

  private ScheduledExecutorService startHeartbeat(long millis) {
    ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "openocr-staging-heartbeat");
      t.setDaemon(true);
      return t;
    });
    s.scheduleWithFixedDelay(() -> {
      try {
        touch();
      } catch (IOException | RuntimeException e) {
        LOG.warn("Cannot rewrite the run marker of {}", staging, e);
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
    return s;
  }

  /** Rewrites the run's marker with the time now: the run is alive. */
  synchronized void touch() throws IOException {
    if (!closed) {
      marker = marker.aliveAt(clock.getAsLong());
      marker.write(fs, staging);
    }
  }

  /** The run's staging folder. */
  Path staging() {
    return staging;
  }

  /**
   * Removes staging folders of the output whose run marker was last rewritten more than
   * {@code hours} ago: what drivers killed before publishing left behind (a run that fails
   * cleanly removes its own). Folders without a readable marker, and folders holding the
   * previous tables of a failed publish, are kept.
   *
   * @return how many were removed
   */
  int removeAbandoned(long hours) {
    if (hours <= 0) {
      return 0;
    }
    long before = clock.getAsLong() - hours * MILLIS_PER_HOUR;
    int removed = 0;
    try {
      for (FileStatus f : fs.listStatus(out)) {
        Path p = f.getPath();
        if (!f.isDirectory() || !p.getName().startsWith(STAGING_PREFIX)
            || p.getName().equals(staging.getName())) {
          continue;
        }
        Optional<StagingMarker> m = StagingMarker.read(fs, p);
        if (m.isEmpty()) {
          LOG.info("Keeping {}: it has no run marker ({}), so it may be a run's that is starting",
              p, StagingMarker.FILE);
        } else if (m.get().holdsPrevious()) {
          LOG.warn("{} holds tables a failed publish could not put back into {}: move them back "
              + "(names {}*) or remove the folder", p, out, REPLACED_PREFIX);
        } else if (m.get().alive() < before && fs.delete(p, true)) {
          removed++;
        }
      }
      return removed;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list output " + out, e);
    }
  }

  /** Where Spark writes {@code table} for this run. */
  String staged(String table) {
    return new Path(staging, table).toString();
  }

  /**
   * Moves the staged {@code tables} into the output as {@code mode} says, all of them or, when a
   * move fails, none.
   */
  void publish(SaveMode mode, String... tables) {
    if (mode != SaveMode.Append && mode != SaveMode.Overwrite) {
      for (String t : tables) {
        if (exists(new Path(out, t))) {
          throw new IllegalStateException("Output already exists: " + new Path(out, t));
        }
      }
    }
    List<Path[]> done = new ArrayList<>();
    try {
      if (mode == SaveMode.Overwrite) {
        for (String t : tables) {
          if (fs.exists(new Path(out, t))) {
            move(new Path(out, t), new Path(staging, REPLACED_PREFIX + t), done);
          }
        }
      }
      for (String t : tables) {
        moveIn(new Path(staging, t), new Path(out, t), mode, done);
      }
      synchronized (this) {
        published = true;
      }
    } catch (IOException e) {
      undo(done, e);
    }
  }

  private void moveIn(Path staged, Path target, SaveMode mode, List<Path[]> done)
      throws IOException {
    if (!fs.exists(target)) {
      move(staged, target, done);
    } else if (mode == SaveMode.Append) {
      for (FileStatus f : fs.listStatus(staged)) {
        String name = f.getPath().getName();
        // _SUCCESS and checksums stay behind; Spark's part names are unique per job.
        if (!name.startsWith("_") && !name.startsWith(".")) {
          move(f.getPath(), new Path(target, name), done);
        }
      }
    } else {
      throw new IOException("Output appeared while publishing: " + target);
    }
  }

  private void move(Path from, Path to, List<Path[]> done) throws IOException {
    rename(from, to);
    done.add(new Path[] {from, to});
  }

  /** Undoes {@code done} newest first; throws naming what could not be put back. */
  private void undo(List<Path[]> done, IOException cause) {
    List<String> stuck = new ArrayList<>();
    for (int i = done.size() - 1; i >= 0; i--) {
      Path[] m = done.get(i);
      try {
        rename(m[1], m[0]);
      } catch (IOException | RuntimeException e) {
        stuck.add(m[1] + " -> " + m[0] + " (" + e.getMessage() + ")");
      }
    }
    if (stuck.isEmpty()) {
      throw new UncheckedIOException("Cannot publish the run to " + out + ", left as it was: "
          + cause.getMessage(), cause);
    }
    keepStaging();
    throw new UncheckedIOException("Cannot publish the run to " + out + " (" + cause.getMessage()
        + ") nor undo the moves " + String.join(", ", stuck) + ": the previous tables are kept in "
        + staging, cause);
  }

  /** Marks the staging folder as holding the previous tables: close and cleanup leave it. */
  private synchronized void keepStaging() {
    marker = marker.holdingPrevious();
    try {
      marker.write(fs, staging);
    } catch (IOException e) {
      LOG.error("Cannot mark {} as holding the previous tables of {}", staging, out, e);
    }
  }

  private void rename(Path from, Path to) throws IOException {
    if (fs.exists(to) || !fs.rename(from, to)) {
      throw new IOException("Cannot rename " + from + " to " + to);
    }
  }

  private boolean exists(Path p) {
    try {
      return fs.exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check output " + p, e);
    }
  }

  /**
   * Removes the staging folder (what a failed run wrote, or a replaced run), unless it holds
   * tables a failed publish could not put back. A folder that cannot be removed is left to the
   * cleanup of a later run.
   */
  @Override
  public void close() {
    boolean keep;
    boolean afterPublish;
    synchronized (this) {
      closed = true;
      keep = marker.holdsPrevious();
      afterPublish = published;
    }
    if (heartbeat != null) {
      heartbeat.shutdownNow();
    }
    if (keep) {
      LOG.error("{} holds tables that could not be put back into {}: move them back (names {}*)",
          staging, out, REPLACED_PREFIX);
      return;
    }
    try {
      // A task of a failed job whose start had not reached the listener bus when the write gave
      // up can still create its attempt folders while or just after the folder goes: look again.
      // After a publish every task has ended, and one removal is enough.
      for (int attempt = 1; ; attempt++) {
        if (!fs.delete(staging, true) && fs.exists(staging)) {
          LOG.warn("Could not remove staging folder {}; a later run removes it once its marker "
              + "is old", staging);
          return;
        }
        if (afterPublish || attempt == REMOVE_ATTEMPTS) {
          return;
        }
        Thread.sleep(REMOVE_RECHECK_MILLIS);
        if (!fs.exists(staging)) {
          return;
        }
      }
    } catch (IOException e) {
      LOG.warn("Could not remove staging folder {}; a later run removes it once its marker is "
          + "old", staging, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Times the staging folder is removed when something recreated it. */
  private static final int REMOVE_ATTEMPTS = 3;
  /** Pause before looking whether the removed staging folder came back. */
  private static final long REMOVE_RECHECK_MILLIS = 200;
}
