package dev.openocr.spark;

import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import scala.Tuple2;

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

  /**
   * Spreads file rows over {@code tasks} partitions: largest files first, dealt like cards
   * (file i to partition i mod tasks), so every task gets files and big files do not pile up.
   * Round-robin repartitioning starts at a random partition per input split, which for a few
   * files can put all of them in one task.
   */
  public static Dataset<Row> spread(Dataset<Row> files, int tasks) {
    JavaRDD<Row> dealt = files.orderBy(functions.col("length").desc()).javaRDD().zipWithIndex()
        .mapToPair(t -> new Tuple2<>(t._2(), t._1()))
        .partitionBy(new Deal(tasks))
        .values();
    return files.sparkSession().createDataFrame(dealt, files.schema());
  }

  /** Partition of the i-th file: i mod n. */
  static final class Deal extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int n;

    Deal(int n) {
      this.n = n;
    }

    @Override
    public int numPartitions() {
      return n;
    }

    @Override
    public int getPartition(Object key) {
      return (int) (((Long) key) % n);
    }
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
