package dev.openocr.cli;

import dev.openocr.spark.OcrExtensions;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the Spark session of a command: master from the flag, else spark.master, else local;
 * every session has the {@code ocr()} SQL function.
 */
final class Sessions {
  /** When nothing names a master: every core of this machine. */
  static final String LOCAL_MASTER = "local[*]";

  private Sessions() {}

  static SparkSession start(String appName, String master, Map<String, String> sparkConf) {
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
    return b.getOrCreate();
  }
}
