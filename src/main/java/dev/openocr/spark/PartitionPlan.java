package dev.openocr.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * How many OCR tasks a run gets, and which files each one reads. Per-file Spark splits would
 * give one task per file (10,000 tiny files = 10,000 tasks) or one per folder; OCR cost follows
 * files and bytes instead.
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
   * Spreads file rows over {@code tasks} partitions as {@link #deal} says. The assignment is fixed
   * on the driver and travels with the tasks (no shuffle), so a partition computed again after an
   * executor loss holds exactly the same files.
   */
  public static Dataset<Row> spread(SparkSession spark, List<Row> files, StructType schema,
      int tasks) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // One group per slice: a parallelized list of n elements in n slices gives element i to i.
    JavaRDD<Row> rows = jsc.parallelize(deal(files, tasks), tasks).flatMap(List::iterator);
    return spark.createDataFrame(rows, schema);
  }

  /**
   * File rows ({@code path}, {@code length} fields) dealt like cards over {@code tasks} groups:
   * largest first, ties by path, file i to group i mod tasks, so every task gets files and big
   * files do not pile up. The same files give the same groups in any input order.
   */
  public static List<List<Row>> deal(List<Row> files, int tasks) {
    List<Row> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparingLong((Row r) -> r.<Long>getAs("length")).reversed()
        .thenComparing(r -> r.<String>getAs("path")));
    List<List<Row>> groups = new ArrayList<>(tasks);
    for (int t = 0; t < tasks; t++) {
      groups.add(new ArrayList<>());
    }
    for (int i = 0; i < sorted.size(); i++) {
      groups.get(i % tasks).add(sorted.get(i));
    }
    return groups;
  }

  private static long ceilDiv(long a, long b) {
    return a / b + (a % b == 0 ? 0 : 1);
  }
}
