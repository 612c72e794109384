package dev.openocr.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.spark.TestEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Publishing on a file system that fails chosen renames and deletes: whatever fails, the output
 * holds the old run or the new one, whole and readable, never neither and never a mix.
 */
class PublishFaultsTest extends WithLocalSpark {
  private static final String STAGING = ".*/out/_staging-[^/]+";
  private static final String OUT = ".*/out";

  @BeforeAll
  static void registerFaultyFileSystem() {
    spark.sparkContext().hadoopConfiguration().set("fs.faulty.impl",
        FaultyFileSystem.class.getName());
  }

  @AfterEach
  void clearFaults() {
    FaultyFileSystem.reset();
  }

  private static OcrJobConfig config(Path in, Path out, String mode) {
    return OcrJobConfig.of(Map.of(OcrJobConfig.INPUT, in.toString(), OcrJobConfig.OUTPUT,
        FaultyFileSystem.uri(out), OcrJobConfig.MODE, mode));
  }

  /** The old run (a.png, b.tif) written without faults, and the new run's inputs. */
  private static Path[] twoRuns(Path tmp) throws Exception {
    Path old = tmp.resolve("old");
    TestInputs.png(old, "a.png", 2);
    TestInputs.tiff(old, "b.tif");
    Path neu = tmp.resolve("new");
    TestInputs.png(neu, "c.png", 3);
    TestInputs.png(neu, "d.png", 4);
    Path out = tmp.resolve("out");
    OcrJob.run(spark, config(old, out, "error"), new TestEngines.Blobs());
    return new Path[] {neu, out};
  }

  /** What a reader of both tables sees: "pages | words", each as sorted keys. */
  private static String read(Path table) {
    if (!Files.isDirectory(table)) {
      return "none";
    }
    Dataset<Row> t = spark.read().parquet(table.toString());
    boolean pages = List.of(t.columns()).contains("status");
    List<Row> rows = t.selectExpr("source", "page", pages ? "status" : "text").collectAsList();
    return rows.stream().map(r -> r.getString(0).replaceAll(".*/", "") + ":" + r.getInt(1) + ":"
        + r.getString(2)).sorted().collect(Collectors.joining(","));
  }

  private static String run(Path out) {
    return read(out.resolve("pages")) + " | " + read(out.resolve("words"));
  }

  /** Both runs as {@link #run} reads them; the test recognizer reads a word as w + its width. */
  private static final String OLD_RUN = "a.png:0:ok,b.tif:0:ok,b.tif:1:ok | "
      + "a.png:0:w106,a.png:0:w84,b.tif:0:w106,b.tif:0:w84,b.tif:1:w106,b.tif:1:w129,"
      + "b.tif:1:w152,b.tif:1:w84,b.tif:1:w84";
  private static final String NEW_RUN = "c.png:0:ok,d.png:0:ok | "
      + "c.png:0:w106,c.png:0:w129,c.png:0:w84,d.png:0:w106,d.png:0:w129,d.png:0:w152,d.png:0:w84";

  @Test
  void theRunsReadAsExpectedWithoutFaults(@TempDir Path tmp) throws Exception {
    Path[] r = twoRuns(tmp);
    assertThat(run(r[1])).isEqualTo(OLD_RUN);
    OcrJob.run(spark, config(r[0], r[1], "overwrite"), new TestEngines.Blobs());
    assertThat(run(r[1])).isEqualTo(NEW_RUN);
  }

  /** Each move of an overwrite, in the order it happens, fails once: the old run stays. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "old pages aside; throws; " + OUT + "/pages -> " + STAGING + "/replaced-pages",
      "old words aside; returns false; " + OUT + "/words -> " + STAGING + "/replaced-words",
      "new pages in; throws; " + STAGING + "/pages -> " + OUT + "/pages",
      "new words in; returns false; " + STAGING + "/words -> " + OUT + "/words",
      "new words in; throws; " + STAGING + "/words -> " + OUT + "/words"})
  void aFailedMoveOfAnOverwriteKeepsTheOldRun(String point, String kind, String rename,
      @TempDir Path tmp) throws Exception {
    Path[] r = twoRuns(tmp);
    if (kind.equals("throws")) {
      FaultyFileSystem.failRename(rename);
    } else {
      FaultyFileSystem.refuseRename(rename);
    }

    Throwable failure = catchThrowable(() -> OcrJob.run(spark, config(r[0], r[1], "overwrite"),
        new TestEngines.Blobs()));

    assertThat(FaultyFileSystem.fired()).as(point).hasSize(1);
    assertThat(run(r[1])).isEqualTo(OLD_RUN);
    assertThat(stagingFolders(r[1])).isEmpty();
    assertThat(failure).hasMessageContaining("Cannot publish the run to")
        .hasMessageContaining("left as it was");
  }

  @Test
  void aFailedRemovalOfTheOldRunLeavesTheNewRunPublished(@TempDir Path tmp) throws Exception {
    Path[] r = twoRuns(tmp);
    FaultyFileSystem.failDelete(STAGING);

    OcrJob.run(spark, config(r[0], r[1], "overwrite"), new TestEngines.Blobs());

    assertThat(FaultyFileSystem.fired()).hasSize(1);
    assertThat(run(r[1])).isEqualTo(NEW_RUN);
    // The old run stays in the staging folder until a later run's cleanup.
    List<Path> left = stagingFolders(r[1]);
    assertThat(left).hasSize(1);
    assertThat(read(left.get(0).resolve("replaced-pages")) + " | "
        + read(left.get(0).resolve("replaced-words"))).isEqualTo(OLD_RUN);
  }

  @Test
  void aFailedAppendAddsNothing(@TempDir Path tmp) throws Exception {
    Path[] r = twoRuns(tmp);
    // The first part file of words: the part files of pages are in already, and go back out.
    FaultyFileSystem.failRename(STAGING + "/words/part-.* -> " + OUT + "/words/part-.*");

    Throwable failure = catchThrowable(() -> OcrJob.run(spark, config(r[0], r[1], "append"),
        new TestEngines.Blobs()));

    assertThat(FaultyFileSystem.fired()).hasSize(1);
    assertThat(run(r[1])).isEqualTo(OLD_RUN);
    assertThat(failure).hasMessageContaining("left as it was");
  }

  @Test
  void whenTheUndoFailsTooTheOldTablesAreKeptAndNamed(@TempDir Path tmp) throws Exception {
    Path[] r = twoRuns(tmp);
    FaultyFileSystem.failRename(STAGING + "/words -> " + OUT + "/words");
    FaultyFileSystem.failRename(STAGING + "/replaced-words -> " + OUT + "/words");

    Throwable failure = catchThrowable(() -> OcrJob.run(spark, config(r[0], r[1], "overwrite"),
        new TestEngines.Blobs()));

    assertThat(FaultyFileSystem.fired()).hasSize(2);
    List<Path> kept = stagingFolders(r[1]);
    assertThat(kept).hasSize(1);
    assertThat(read(r[1].resolve("pages")) + " | " + read(kept.get(0).resolve("replaced-words")))
        .isEqualTo(OLD_RUN);
    assertThat(failure)
        .hasMessageContaining("the previous tables are kept in faulty:" + r[1] + "/_staging-");
    assertThat(Files.readString(kept.get(0).resolve(StagingMarker.FILE)))
        .contains("holdsPrevious=true");

    // A later run's cleanup leaves it, however old, and removes an old folder beside it.
    FaultyFileSystem.reset();
    org.apache.hadoop.fs.FileSystem fs = org.apache.hadoop.fs.FileSystem.getLocal(
        spark.sparkContext().hadoopConfiguration());
    new StagingMarker("kept", 0, 0, true).write(fs,
        new org.apache.hadoop.fs.Path(kept.get(0).toUri()));
    Path dead = r[1].resolve(OutputCommit.STAGING_PREFIX + "dead");
    new StagingMarker("dead", 0, 0, false).write(fs, new org.apache.hadoop.fs.Path(dead.toUri()));
    Path more = tmp.resolve("more");
    TestInputs.png(more, "e.png", 1);
    OcrJob.run(spark, config(more, r[1], "append").with(OcrJobConfig.STAGING_HOURS, "1"),
        new TestEngines.Blobs());
    assertThat(kept.get(0)).isDirectory();
    assertThat(dead).doesNotExist();
  }

  private static List<Path> stagingFolders(Path out) throws Exception {
    try (Stream<Path> s = Files.list(out)) {
      return s.filter(p -> p.getFileName().toString().startsWith(OutputCommit.STAGING_PREFIX))
          .collect(Collectors.toList());
    }
  }
}
