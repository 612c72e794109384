package dev.openocr.job;

import org.apache.spark.sql.SparkSession;

/** The one {@code local[2]} session a test class shares; UI off, few shuffle partitions. */
final class LocalSpark {
  private LocalSpark() {}

  static SparkSession start() {
    return SparkSession.builder().master("local[2]").appName("openocr-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
  }
}
