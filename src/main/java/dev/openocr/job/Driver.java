package dev.openocr.job;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.spark.OcrExtensions;
import java.io.PrintStream;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark side of one command line: starts its Spark session (master from the flag, else
 * {@code spark.master}, else local; the {@code ocr()} SQL function in every session), runs the
 * command's work in it and stops it on close. The command line reaches Spark only through here.
 */
public final class Driver implements AutoCloseable {
  /** When nothing names a master: every core of this machine. */
  public static final String LOCAL_MASTER = "local[*]";

  private final SparkSession spark;

  private Driver(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * @param master the {@code --master} flag, or null
   * @param sparkConf Spark settings (and {@code openocr.*} ones the {@code ocr()} function reads)
   */
  public static Driver start(String appName, String master, Map<String, String> sparkConf) {
    SparkSession.Builder b = SparkSession.builder().appName(appName);
    // SparkConf picks up spark.* system properties (spark-submit sets spark.master that way).
    boolean hasMaster = new SparkConf().contains("spark.master") || sparkConf.containsKey(
        "spark.master");
    if (master != null) {
      b.master(master);
    } else if (!hasMaster) {
      b.master(LOCAL_MASTER);
    }
    sparkConf.forEach(b::config);
    String extensions = sparkConf.getOrDefault(OcrExtensions.CONF,
        new SparkConf().get(OcrExtensions.CONF, ""));
    b.config(OcrExtensions.CONF, OcrExtensions.addTo(extensions));
    return new Driver(b.getOrCreate());
  }

  /** Runs the OCR job. */
  public JobSummary run(OcrJobConfig config) {
    return OcrJob.run(spark, config);
  }

  /** A run's output, its tables registered as the views {@code pages} and {@code words}. */
  public RunOutput output(String uri) {
    return new RunOutput(spark, uri);
  }

  /** Runs {@code sql} and prints at most {@code maxRows} rows of its result. */
  public void query(String sql, int maxRows, QueryPrinter.Format format, PrintStream out) {
    QueryPrinter.print(spark.sql(sql).limit(maxRows), format, out);
  }

  @Override
  public void close() {
    spark.stop();
  }
}
