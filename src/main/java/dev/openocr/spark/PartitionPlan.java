package dev.openocr.spark;

/**
 * How many OCR tasks a run gets. Per-file Spark splits would give one task per file (10,000
 * tiny files = 10,000 tasks) or one per folder; OCR cost follows files and bytes instead.
 */
public final class PartitionPlan {
  /** Tasks per core at least, so a slow file does not leave the other cores idle at the end. */
  static final int TASKS_PER_CORE = 2;

  private PartitionPlan() {}

  /**
   * Number of tasks: enough that no task gets more than {@code filesPerTask} files or
   * {@code bytesPerTask} bytes, at least {@code 2 x parallelism} (when there are that many
   * files), never more than the number of files, at least 1.
   */
  public static int tasks(long files, long bytes, int parallelism, int filesPerTask,
      long bytesPerTask) {
    if (files <= 0) {
      return 1;
    }
    long byFiles = ceilDiv(files, filesPerTask);
    long byBytes = ceilDiv(Math.max(0, bytes), bytesPerTask);
    long n = Math.max(Math.max(byFiles, byBytes), (long) TASKS_PER_CORE * Math.max(1, parallelism));
    return (int) Math.max(1, Math.min(Math.min(n, files), Integer.MAX_VALUE));
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
