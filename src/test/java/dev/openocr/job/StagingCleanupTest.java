package dev.openocr.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.spark.HadoopConf;
import dev.openocr.spark.TestEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staging folders left by killed drivers go by the marker their run keeps alive, on a file system
 * that reports every folder time as 0 (as S3A does); a live run's folder is never removed.
 */
class StagingCleanupTest extends WithLocalSpark {
  private static final long HOUR = 3_600_000L;

  @BeforeAll
  static void registerFaultyFileSystem() {
    spark.sparkContext().hadoopConfiguration().set("fs.faulty.impl",
        FaultyFileSystem.class.getName());
  }

  @AfterEach
  void clear() {
    FaultyFileSystem.reset();
    TestEngines.Gated.onGatePage = () -> { };
  }

  private static HadoopConf hconf() {
    return new HadoopConf(spark.sparkContext().hadoopConfiguration());
  }

  private static OcrJobConfig config(Path in, Path out, String... kv) {
    Map<String, String> m = new java.util.HashMap<>(Map.of(OcrJobConfig.INPUT, in.toString(),
        OcrJobConfig.OUTPUT, FaultyFileSystem.uri(out), OcrJobConfig.MODE, "append"));
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return OcrJobConfig.of(m);
  }

  /** A staging folder as a run leaves it, with a marker last rewritten at {@code alive}. */
  private static Path staging(Path out, String name, Long alive, boolean holdsPrevious)
      throws Exception {
    Path dir = Files.createDirectories(out.resolve(OutputCommit.STAGING_PREFIX + name + "/pages"))
        .getParent();
    Files.writeString(dir.resolve("pages/part-0.parquet"), "x");
    if (alive != null) {
      new StagingMarker(name, alive - HOUR, alive, holdsPrevious).write(
          FileSystem.getLocal(spark.sparkContext().hadoopConfiguration()),
          new org.apache.hadoop.fs.Path(dir.toUri()));
    }
    return dir;
  }

  @Test
  void foldersGoByTheirMarkerNotByFolderTimes(@TempDir Path tmp) throws Exception {
    FaultyFileSystem.reportZeroTimes(true);
    Path in = tmp.resolve("in");
    TestInputs.png(in, "a.png", 1);
    Path out = tmp.resolve("out");
    long now = System.currentTimeMillis();
    Path dead = staging(out, "dead", now - 48 * HOUR, false);
    Path recent = staging(out, "recent", now - HOUR, false);
    Path unmarked = staging(out, "unmarked", null, false);
    Path previous = staging(out, "previous", now - 48 * HOUR, true);

    // 0 keeps them all
    OcrJob.run(spark, config(in, out, OcrJobConfig.STAGING_HOURS, "0"), new TestEngines.Blobs());
    assertThat(List.of(dead, recent, unmarked, previous)).allMatch(Files::isDirectory);

    OcrJob.run(spark, config(in, out, OcrJobConfig.STAGING_HOURS, "24"), new TestEngines.Blobs());
    assertThat(dead).doesNotExist();
    assertThat(List.of(recent, unmarked, previous)).allMatch(Files::isDirectory);
    assertThat(spark.read().parquet(out.resolve("pages").toString()).count()).isEqualTo(2);
  }

  @Test
  void anotherRunsCleanupLeavesALiveRunAlone(@TempDir Path tmp) throws Exception {
    FaultyFileSystem.reportZeroTimes(true);
    Path in = tmp.resolve("in");
    TestInputs.png(in, "a.png", 2);
    TestInputs.write(in.resolve("gate.png"), dev.openocr.imageio.TestImages.png(
        dev.openocr.imageio.TestImages.page(TestEngines.Gated.GATE_WIDTH, 120, 1)));
    Path out = tmp.resolve("out");
    List<Integer> removedMidRun = new ArrayList<>();
    // A second run starting while the first one reads its pages cleans up with a 1 hour limit.
    TestEngines.Gated.onGatePage = () -> {
      try (OutputCommit other = new OutputCommit(hconf(),
          new org.apache.hadoop.fs.Path(FaultyFileSystem.uri(out)))) {
        removedMidRun.add(other.removeAbandoned(1));
      }
    };

    JobSummary s = OcrJob.run(spark, config(in, out), new TestEngines.Gated());

    assertThat(removedMidRun).containsExactly(0);
    assertThat(s.pages()).isEqualTo(2);
    assertThat(spark.read().parquet(out.resolve("words").toString()).count()).isEqualTo(3);
  }

  @Test
  void aRunLongerThanTheLimitKeepsItsFolderByRewritingItsMarker(@TempDir Path tmp)
      throws Exception {
    AtomicLong clock = new AtomicLong(1_000 * HOUR);
    org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(FaultyFileSystem.uri(tmp));
    try (OutputCommit longRun = new OutputCommit(hconf(), out, clock::get, 0)) {
      clock.addAndGet(48 * HOUR);
      longRun.touch();
      try (OutputCommit next = new OutputCommit(hconf(), out, clock::get, 0)) {
        assertThat(next.removeAbandoned(24)).isZero();
      }
      assertThat(tmp.resolve(longRun.staging().getName())).isDirectory();

      // Silent for 48 hours: abandoned.
      clock.addAndGet(48 * HOUR);
      try (OutputCommit next = new OutputCommit(hconf(), out, clock::get, 0)) {
        assertThat(next.removeAbandoned(24)).isEqualTo(1);
      }
      assertThat(tmp.resolve(longRun.staging().getName())).doesNotExist();
    }
  }

  @Test
  void aRunRewritesItsMarkerOnItsOwn(@TempDir Path tmp) throws Exception {
    AtomicLong clock = new AtomicLong(5 * HOUR);
    org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(FaultyFileSystem.uri(tmp));
    FileSystem fs = out.getFileSystem(spark.sparkContext().hadoopConfiguration());
    try (OutputCommit run = new OutputCommit(hconf(), out, clock::get, 20)) {
      clock.set(9 * HOUR);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      StagingMarker seen = null;
      // A marker caught while it is rewritten reads as none.
      while ((seen == null || seen.alive() != 9 * HOUR) && System.nanoTime() < deadline) {
        seen = StagingMarker.read(fs, run.staging()).orElse(null);
        Thread.sleep(20);
      }
      assertThat(seen).isNotNull();
      assertThat(seen).isEqualTo(new StagingMarker(seen.run(), 5 * HOUR, 9 * HOUR, false));
    }
    assertThat(tmp).isEmptyDirectory();
  }
}
