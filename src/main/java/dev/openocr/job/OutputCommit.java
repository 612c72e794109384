package dev.openocr.job;

import dev.openocr.spark.HadoopConf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SaveMode;

/**
 * Publishes one run's tables so readers of {@code <out>/pages} and {@code <out>/words} never see
 * a half-written run. Spark writes each table complete into {@code <out>/_staging-<run>/} (Spark
 * readers skip names starting with {@code _}); only then is it moved in: a new table by one
 * directory rename; an overwrite by moving the old table aside and the new one in (readers see
 * the old run, for the instant between the two renames no table, then the new run); an append by
 * renaming the run's part files into the table, as Spark's own job commit does. A run that fails
 * before publishing leaves the output as it was. Renames are atomic on HDFS and local disks, not
 * on object stores such as S3.
 */
final class OutputCommit implements AutoCloseable {
  static final String STAGING_PREFIX = "_staging-";

  private final FileSystem fs;
  private final Path out;
  private final Path staging;

  OutputCommit(HadoopConf conf, Path out) {
    this.out = out;
    this.staging = new Path(out, STAGING_PREFIX + UUID.randomUUID());
    try {
      this.fs = out.getFileSystem(conf.get());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open output " + out, e);
    }
  }

  /**
   * Removes staging folders of the output last modified more than {@code hours} ago: what
   * drivers that were killed before publishing left behind (a run that fails cleanly removes its
   * own). Younger ones may belong to a run still writing and are kept.
   *
   * @return how many were removed
   */
  int removeAbandoned(long hours) {
    if (hours <= 0) {
      return 0;
    }
    try {
      if (!fs.exists(out)) {
        return 0;
      }
      long before = System.currentTimeMillis() - hours * 3_600_000L;
      int removed = 0;
      for (FileStatus f : fs.listStatus(out)) {
        if (f.isDirectory() && f.getPath().getName().startsWith(STAGING_PREFIX)
            && f.getModificationTime() < before && fs.delete(f.getPath(), true)) {
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

  /** Moves the staged {@code table} into the output as {@code mode} says. */
  void publish(String table, SaveMode mode) {
    Path staged = new Path(staging, table);
    Path target = new Path(out, table);
    try {
      if (!fs.exists(target)) {
        rename(staged, target);
      } else if (mode == SaveMode.Append) {
        for (FileStatus f : fs.listStatus(staged)) {
          String name = f.getPath().getName();
          // _SUCCESS and checksums stay behind; Spark's part names are unique per job.
          if (!name.startsWith("_") && !name.startsWith(".")) {
            rename(f.getPath(), new Path(target, name));
          }
        }
      } else if (mode == SaveMode.Overwrite) {
        rename(target, new Path(staging, "replaced-" + table));
        rename(staged, target);
      } else {
        throw new IllegalStateException("Output already exists: " + target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot publish " + staged + " to " + target, e);
    }
  }

  private void rename(Path from, Path to) throws IOException {
    if (fs.exists(to) || !fs.rename(from, to)) {
      throw new IOException("Cannot rename " + from + " to " + to);
    }
  }

  /** Removes the staging folder: what a failed run wrote, or a replaced run. */
  @Override
  public void close() {
    try {
      fs.delete(staging, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove staging folder " + staging, e);
    }
  }
}
