package dev.openocr.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An executor JVM killed with SIGKILL in the middle of a job on a standalone cluster (two Workers
 * of one core each): the job finishes, every source is in {@code pages} exactly once, and
 * {@code words} agrees with {@code pages} page by page. The test engine stamps every reading
 * with its JVM and a count, so a page read twice would show. Needs {@code mvn package} first.
 */
@Timeout(value = 170, unit = TimeUnit.SECONDS)
class ExecutorLossIT {
  private static final long JOB_TIMEOUT_SECONDS = 150;
  /** Per-page delay of the test engine, ms: long enough that the kill lands mid-job. */
  private static final int PAGE_DELAY_MS = 300;
  private static final int PNGS = 36;
  private static final int TIFFS = 4;
  /** Tasks done (committed) before the kill; the job has 20. */
  private static final int DONE_BEFORE_KILL = 4;

  @Test
  void killingAnExecutorMidJobLosesNoPageAndRepeatsNone(@TempDir Path tmp) throws Exception {
    StandaloneCluster.requireAppJar();
    Path in = tmp.resolve("in");
    // Few distinct sizes: many files of equal length, whose order an assignment must not need.
    for (int i = 0; i < PNGS; i++) {
      TestInputs.png(in, String.format("p%02d.png", i), 1 + i % 4);
    }
    for (int i = 0; i < TIFFS; i++) {
      TestInputs.tiff(in, "t" + i + ".tif");
    }
    Path out = tmp.resolve("out");
    Path testJar = StandaloneCluster.testEngineJar(tmp.resolve("test-engine.jar"));

    try (StandaloneCluster cluster = StandaloneCluster.start(tmp, 2, 1)) {
      Process job = cluster.submit("submit.log",
          "--conf", "spark.executor.memory=768m", "--conf", "spark.ui.enabled=false",
          "--conf", "spark.executor.extraJavaOptions=" + StandaloneCluster.jvmFlags()
              + " -Dopenocr.test.page-delay-ms=" + PAGE_DELAY_MS,
          "--jars", testJar.toString(), "--class", "dev.openocr.cli.Main",
          StandaloneCluster.APP_JAR.toAbsolutePath().toString(), "run", "--input", in.toString(),
          "--output", out.toString(),
          "--conf", "openocr.engine.factory=dev.openocr.spark.TestEngines$Stamped",
          "--conf", "openocr.partition.files-per-task=2");

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(JOB_TIMEOUT_SECONDS);
      while (committedTasks(out) < DONE_BEFORE_KILL && job.isAlive()
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      List<ProcessHandle> executors = cluster.executors(0);
      assertThat(job.isAlive()).as("job still running at the kill; log:\n%s",
          StandaloneCluster.tail(cluster.log("submit.log"))).isTrue();
      assertThat(executors).as("executor of worker 0").hasSize(1);
      // destroyForcibly is SIGKILL on Linux: kill -9, no shutdown hooks.
      assertThat(executors.get(0).destroyForcibly()).isTrue();

      boolean finished = job.waitFor(Math.max(1, deadline - System.nanoTime()),
          TimeUnit.NANOSECONDS);
      String log = cluster.log("submit.log");
      assertThat(finished).as("job finished in time; log:\n%s", StandaloneCluster.tail(log))
          .isTrue();
      assertThat(job.exitValue()).as("exit code; log:\n%s", StandaloneCluster.tail(log))
          .isZero();
      assertThat(log).as("the driver saw the executor go").contains("Lost executor");
    }

    SparkSession spark = LocalSpark.start();
    try {
      spark.read().parquet(out.resolve("pages").toString()).createOrReplaceTempView("pages");
      spark.read().parquet(out.resolve("words").toString()).createOrReplaceTempView("words");
      List<Row> perSource = spark.sql("SELECT source, count(*), count(DISTINCT page), "
          + "sum(CASE WHEN status = 'ok' THEN 1 ELSE 0 END) FROM pages GROUP BY source")
          .collectAsList();
      assertThat(perSource).hasSize(PNGS + TIFFS);
      for (Row r : perSource) {
        long pages = r.getString(0).endsWith(".tif") ? 2 : 1;
        assertThat(List.of(r.getLong(1), r.getLong(2), r.getLong(3))).as(r.getString(0))
            .containsOnly(pages);
      }
      Map<String, List<String>> fromPages = byPage(spark, "SELECT source, page, "
          + "sort_array(transform(words, w -> w.text)) FROM pages");
      Map<String, List<String>> fromWords = byPage(spark, "SELECT source, page, "
          + "sort_array(collect_list(text)) FROM words GROUP BY source, page");
      assertThat(fromWords).isEqualTo(fromPages);
      assertThat(fromPages.values().stream().mapToInt(List::size).sum())
          .isEqualTo(PNGS / 4 * (1 + 2 + 3 + 4) + TIFFS * (2 + 5));
    } finally {
      spark.stop();
    }
  }

  private static Map<String, List<String>> byPage(SparkSession spark, String sql) {
    Map<String, List<String>> m = new TreeMap<>();
    for (Row r : spark.sql(sql).collectAsList()) {
      List<String> texts = r.getList(2);
      if (!texts.isEmpty()) {
        m.put(r.getString(0) + ":" + r.getInt(1), texts);
      }
    }
    return m;
  }

  /** Tasks whose pages output is committed: Spark's task folders in the staging folder. */
  private static long committedTasks(Path out) throws IOException {
    if (!Files.isDirectory(out)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(out)) {
      return s.filter(p -> p.getFileName().toString().startsWith("task_")
          && p.getParent().getFileName().toString().equals("0")).count();
    } catch (java.io.UncheckedIOException e) {
      // Spark moved a folder while it was listed: count again at the next look.
      return 0;
    }
  }
}
