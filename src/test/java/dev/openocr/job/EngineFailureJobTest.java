package dev.openocr.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.spark.TestEngines;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine that cannot open a session fails its task, which Spark runs again, instead of
 * marking the task's files CORRUPT. {@code local[2,3]} retries a failed task up to 3 times.
 */
class EngineFailureJobTest {
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = SparkSession.builder().master("local[2,3]").appName("openocr-test")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void theTaskIsRunAgainAndEveryFileIsRead(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("in");
    for (int i = 0; i < 3; i++) {
      TestInputs.png(in, "p" + i + ".png", 2 + i);
    }
    Path out = tmp.resolve("out");
    TestEngines.FlakySessions.FAILURES.set(1);

    JobSummary s = OcrJob.run(spark, OcrJobConfig.of(Map.of(OcrJobConfig.INPUT, in.toString(),
        OcrJobConfig.OUTPUT, out.toString())), new TestEngines.FlakySessions());

    assertThat(TestEngines.FlakySessions.FAILURES.get()).as("the failure happened").isZero();
    assertThat(s.errorRows()).as(s.oneLine()).isZero();
    List<Row> rows = spark.read().parquet(out.resolve("pages").toString())
        .select("status", "word_count").collectAsList();
    assertThat(rows).extracting(r -> r.getString(0)).containsOnly("ok").hasSize(3);
    assertThat(rows).extracting(r -> r.getInt(1)).containsExactlyInAnyOrder(2, 3, 4);
  }
}
