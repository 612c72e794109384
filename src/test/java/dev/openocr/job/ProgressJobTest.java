package dev.openocr.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.engine.EngineOptions;
import dev.openocr.engine.OcrEngine;
import dev.openocr.imageio.TestImages;
import dev.openocr.spark.EngineFactory;
import dev.openocr.spark.ProgressPrinter;
import dev.openocr.spark.TestEngines;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress lines while a run reads pages, counting a running task's pages from executor
 * heartbeats; the printer ends with the run, also when it fails; jobs carry descriptions.
 */
class ProgressJobTest {
  /** Bound on waiting for a line: far above the 1 s heartbeats and lines, below a hang. */
  private static final long WAIT_SECONDS = 60;
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2]").appName("openocr-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.executor.heartbeatInterval", "1s")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void linesCountPagesOfTasksStillRunning(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("in");
    // Five files in four tasks, biggest first: the small gate page comes last in the first
    // task, after a big page that only a heartbeat can report while the gate holds the task.
    for (int i = 0; i < 4; i++) {
      TestInputs.write(in.resolve("big" + i + ".png"),
          TestImages.png(TestImages.page(640, 480 + 10 * i, 8)));
    }
    TestInputs.write(in.resolve("gate.png"),
        TestImages.png(TestImages.page(TestEngines.Gated.GATE_WIDTH, 30, 1)));
    String expected = "progress: 4 of about 5 pages, 4 of 5 files";
    List<String> lines = new CopyOnWriteArrayList<>();
    CountDownLatch seen = new CountDownLatch(1);
    TestEngines.Gated.onGatePage = () -> {
      try {
        seen.await(WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    List<String> descriptions = new CopyOnWriteArrayList<>();
    SparkListener jobs = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart e) {
        descriptions.add(String.valueOf(e.properties().getProperty("spark.job.description")));
      }
    };
    spark.sparkContext().addSparkListener(jobs);
    try {
      JobSummary s = OcrJob.run(spark, config(in, tmp.resolve("out")),
          new TestEngines.Gated(), line -> {
            lines.add(line);
            if (line.startsWith(expected)) {
              seen.countDown();
            }
          });
      assertThat(s.pages()).isEqualTo(5);
    } finally {
      TestEngines.Gated.onGatePage = () -> { };
      spark.sparkContext().removeSparkListener(jobs);
    }

    assertThat(lines).anyMatch(l -> l.startsWith(expected + ", "));
    assertThat(ProgressPrinterThreads.alive()).isEmpty();
    assertThat(descriptions).contains("openocr: OCR of 5 files in 4 tasks, writing pages",
        "openocr: words from pages", "openocr: summary");
    assertThat(descriptions).anyMatch(d -> d.startsWith("openocr: list "));
    assertThat(spark.sparkContext().getLocalProperty("spark.job.description")).isNull();
  }

  @Test
  void thePrinterEndsWhenTheRunFails(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("in");
    TestInputs.png(in, "a.png", 2);
    assertThatThrownBy(() -> OcrJob.run(spark, config(in, tmp.resolve("out")), new NoEngine(),
        line -> { })).hasStackTraceContaining(NoEngine.MESSAGE);
    assertThat(ProgressPrinterThreads.alive()).isEmpty();
  }

  private static OcrJobConfig config(Path in, Path out) {
    return OcrJobConfig.of(Map.of(OcrJobConfig.INPUT, in.toString(), OcrJobConfig.OUTPUT,
        out.toString(), OcrJobConfig.PROGRESS_INTERVAL, "1"));
  }

  /** An engine factory whose engine cannot load: every task fails. */
  public static final class NoEngine implements EngineFactory {
    private static final long serialVersionUID = 1L;
    static final String MESSAGE = "test: no engine";

    @Override
    public OcrEngine create(EngineOptions options) {
      throw new IllegalStateException(MESSAGE);
    }
  }

  /** The printer's threads, waited for briefly so one that is ending has ended. */
  static final class ProgressPrinterThreads {
    static List<Thread> alive() throws InterruptedException {
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.getName().equals(ProgressPrinter.THREAD)) {
          t.join(10_000);
        }
      }
      return Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().equals(ProgressPrinter.THREAD) && t.isAlive()).toList();
    }
  }
}
