package dev.openocr.job;

import com.google.gson.GsonBuilder;
import dev.openocr.config.OcrJobConfig;
import dev.openocr.spark.EngineFactory;
import dev.openocr.spark.HadoopConf;
import dev.openocr.spark.JobMetrics;
import dev.openocr.spark.JobProgress;
import dev.openocr.spark.OcrPartitionFunction;
import dev.openocr.spark.OcrSchemas;
import dev.openocr.spark.PartitionPlan;
import dev.openocr.spark.ProgressPrinter;
import dev.openocr.spark.TaskSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch OCR job: files in, {@code <out>/pages} and {@code <out>/words} Parquet (zstd) out,
 * plus {@code <out>/_summary.json}. Every input file gets at least one pages row.
 */
public final class OcrJob {
  private static final Logger LOG = LoggerFactory.getLogger(OcrJob.class);
  public static final String PAGES = "pages";
  public static final String WORDS = "words";
  public static final String SUMMARY = "_summary.json";

  private OcrJob() {}

  /**
   * {@code spark-submit --class dev.openocr.job.OcrJob app.jar --input URI [--input URI...]
   * --output URI [--mode M] [--incremental] [openocr.key=value...]}.
   */
  public static void main(String[] args) {
    OcrJobConfig config = OcrJobConfig.of(parseArgs(args));
    SparkSession spark = SparkSession.builder().appName("openocr").getOrCreate();
    try {
      System.out.println(run(spark, config).oneLine());
    } finally {
      spark.stop();
    }
  }

  /** The settings of {@link #main}'s arguments; repeated {@code --input} values accumulate. */
  static Map<String, String> parseArgs(String[] args) {
    Map<String, String> settings = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--incremental")) {
        settings.put(OcrJobConfig.INCREMENTAL, "true");
      } else if (a.startsWith("--") && i + 1 < args.length) {
        String key = "openocr." + a.substring(2);
        settings.merge(key, args[++i], (x, y) -> x + "," + y);
      } else if (a.contains("=") && !a.startsWith("--")) {
        settings.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
      } else {
        throw new IllegalArgumentException("Invalid argument: " + a
            + " (--input URI, --output URI, --mode M, --incremental or openocr.key=value)");
      }
    }
    return settings;
  }

  /** Runs OCR with the engine factory named by the configuration (the shipped bundles). */
  public static JobSummary run(SparkSession spark, OcrJobConfig config) {
    return run(spark, config, EngineFactory.named(config.engineFactory()));
  }

  /** Runs OCR with engines made by {@code factory} on the executors. */
  public static JobSummary run(SparkSession spark, OcrJobConfig config, EngineFactory factory) {
    return run(spark, config, factory, LOG::info);
  }

  /** Runs OCR; while it reads pages, a progress line goes to {@code progress} every interval. */
  static JobSummary run(SparkSession spark, OcrJobConfig config, EngineFactory factory,
      Consumer<String> progress) {
    SparkContext sc = spark.sparkContext();
    try {
      return runJobs(spark, config, factory, progress);
    } finally {
      sc.setJobDescription(null);
    }
  }

  private static JobSummary runJobs(SparkSession spark, OcrJobConfig config,
      EngineFactory factory, Consumer<String> progress) {
    long t0 = System.nanoTime();
    SparkContext sc = spark.sparkContext();
    factory.preflight(TaskSettings.engineOptions(config));
    Path out = new Path(config.output());
    String pagesUri = new Path(out, PAGES).toString();
    String wordsUri = new Path(out, WORDS).toString();
    HadoopConf hconf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
    boolean exists = exists(hconf, new Path(out, PAGES));
    SaveMode mode = saveMode(config, exists, pagesUri);

    sc.setJobDescription("openocr: list " + String.join(", ", config.inputs()));
    Dataset<Row> files = InputListing.list(spark, config.inputs(), config.inputGlob());
    long listed = -1;
    if (config.incremental() && exists) {
      WordsRepair.appendMissing(spark, pagesUri, wordsUri, exists(hconf, new Path(out, WORDS)));
      listed = files.count();
      files = InputSelection.notYetDone(files, spark.read().parquet(pagesUri),
          config.incrementalMaxAttempts());
    }
    // The file list comes to the driver, which fixes each file's task (PartitionPlan); the OCR
    // plan then reads neither the listing again nor <out>/pages, which this run writes to.
    List<Row> todo = files.collectAsList();
    long n = todo.size();
    long skipped = listed < 0 ? 0 : listed - n;
    long bytes = todo.stream().mapToLong(r -> r.<Long>getAs("length")).sum();
    int tasks = PartitionPlan.tasks(n, bytes, spark.sparkContext().defaultParallelism(),
        config.filesPerTask(), config.bytesPerTask());
    LOG.info("OCR of {} files ({} bytes) in {} tasks -> {}", n, bytes, tasks, out);

    JobMetrics metrics = new JobMetrics(sc);
    sc.setJobDescription("openocr: OCR of " + n + " files in " + tasks + " tasks, writing "
        + PAGES);
    boolean java8Time = Boolean.parseBoolean(
        spark.conf().get("spark.sql.datetime.java8API.enabled", "false"));
    OcrPartitionFunction fn = new OcrPartitionFunction(factory, TaskSettings.engineOptions(config),
        TaskSettings.taskOptions(config, java8Time), hconf, metrics);
    Dataset<Row> ocr = PartitionPlan.spread(spark, todo, files.schema(), tasks)
        .mapPartitions(fn, Encoders.row(OcrSchemas.PAGES));
    JobProgress tracker = JobProgress.of(metrics, n);
    sc.addSparkListener(tracker);
    try (ProgressPrinter printer = ProgressPrinter.start(tracker::line, progress,
             config.progressInterval());
         OutputCommit commit = new OutputCommit(hconf, out)) {
      int abandoned = commit.removeAbandoned(config.abandonedStagingHours());
      if (abandoned > 0) {
        LOG.info("Removed {} staging folders older than {} h left by killed runs in {}",
            abandoned, config.abandonedStagingHours(), out);
      }
      // Both tables are staged complete before either is published (OutputCommit). Pages first:
      // they record what is done; words derive from them, and an incremental run re-derives
      // words a run killed between the two publishes did not get (WordsRepair).
      write(ocr, commit.staged(PAGES));
      // Words and the summary read the pages written: OCR runs once, and a task computed again
      // after an executor loss cannot make words that disagree with pages.
      Dataset<Row> pages = spark.read().schema(OcrSchemas.PAGES).parquet(commit.staged(PAGES));
      sc.setJobDescription("openocr: " + WORDS + " from " + PAGES);
      write(OcrSchemas.words(pages), commit.staged(WORDS));
      sc.setJobDescription("openocr: summary");
      JobSummary s = summarize(pages, metrics, skipped, tasks, t0);
      commit.publish(mode, PAGES, WORDS);
      writeSummary(hconf, new Path(out, SUMMARY), s);
      LOG.info("OCR done: {}", s.oneLine());
      return s;
    } finally {
      sc.removeSparkListener(tracker);
    }
  }

  private static SaveMode saveMode(OcrJobConfig config, boolean exists, String pagesUri) {
    if (config.incremental()) {
      return SaveMode.Append;
    }
    switch (config.mode()) {
      case OVERWRITE:
        return SaveMode.Overwrite;
      case APPEND:
        return SaveMode.Append;
      default:
        if (exists) {
          throw new IllegalStateException("Output already exists: " + pagesUri
              + " (use --mode overwrite or append, or --incremental)");
        }
        return SaveMode.ErrorIfExists;
    }
  }

  private static void write(Dataset<Row> ds, String uri) {
    try {
      ds.write().mode(SaveMode.ErrorIfExists).option("compression", "zstd").parquet(uri);
    } catch (RuntimeException e) {
      // Tasks of a failed job may still be stopping; one that starts its output after the
      // staging folder is removed would leave folders behind. Let them end first.
      awaitNoRunningTasks(ds.sparkSession().sparkContext(), TASKS_END_WAIT_MILLIS);
      throw e;
    }
  }

  /** How long a failed write waits for its tasks to stop before the staging folder goes. */
  private static final long TASKS_END_WAIT_MILLIS = 30_000;

  /**
   * Waits, at most {@code millis}, until no executor runs a task. The status tracker counts the
   * task events its listener has taken, so the listener bus is drained first: every task the
   * failed job started has had its start counted, and its end once it stopped.
   */
  static void awaitNoRunningTasks(org.apache.spark.SparkContext sc, long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    while (System.nanoTime() < deadline) {
      try {
        sc.listenerBus().waitUntilEmpty(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
      } catch (java.util.concurrent.TimeoutException e) {
        return;
      }
      int running = 0;
      for (org.apache.spark.SparkExecutorInfo e : sc.statusTracker().getExecutorInfos()) {
        running += e.numRunningTasks();
      }
      if (running == 0) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static JobSummary summarize(Dataset<Row> pages, JobMetrics m, long skipped, int tasks,
      long t0) {
    Row r = pages.agg(
        functions.countDistinct("source"),
        functions.sum(functions.when(functions.col("status").equalTo(OcrSchemas.STATUS_OK), 1)
            .otherwise(0)),
        functions.sum(functions.when(functions.col("status").equalTo(OcrSchemas.STATUS_ERROR), 1)
            .otherwise(0)),
        functions.sum("word_count")).first();
    long files = r.getLong(0);
    long ok = r.isNullAt(1) ? 0 : r.getLong(1);
    long errors = r.isNullAt(2) ? 0 : r.getLong(2);
    long words = r.isNullAt(3) ? 0 : r.getLong(3);
    double secs = (System.nanoTime() - t0) / 1e9;
    return new JobSummary(files, skipped, ok, errors, words, m.errorsByCause(), m.stageMillis(),
        tasks, secs, secs > 0 ? ok / secs : 0);
  }

  private static boolean exists(HadoopConf conf, Path p) {
    try {
      return p.getFileSystem(conf.get()).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check output " + p, e);
    }
  }

  private static void writeSummary(HadoopConf conf, Path p, JobSummary s) {
    String json = new GsonBuilder().setPrettyPrinting().create().toJson(s);
    try {
      FileSystem fs = p.getFileSystem(conf.get());
      try (OutputStream o = fs.create(p, true)) {
        o.write(json.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write job summary " + p, e);
    }
  }
}
