package dev.openocr.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.imageio.TestImages;
import dev.openocr.spark.TestEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6: readers of the output see a whole run or none of it, and a failed run changes
 * nothing. local[2] does not retry tasks, so an injected fault fails the job.
 */
class AtomicOutputTest extends WithLocalSpark {
  @AfterEach
  void openGate() {
    TestEngines.Gated.onGatePage = () -> { };
  }

  /** The run the failing jobs must leave alone: a.png (1 page) and b.tif (2 pages). */
  private static Path firstRun(Path tmp) throws Exception {
    Path in = tmp.resolve("first");
    TestInputs.png(in, "a.png", 2);
    TestInputs.tiff(in, "b.tif");
    Path out = tmp.resolve("out");
    OcrJob.run(spark, config(in, out), new TestEngines.Blobs());
    return out;
  }

  private static OcrJobConfig config(Path in, Path out, String... kv) {
    Map<String, String> m = new java.util.HashMap<>(Map.of(OcrJobConfig.INPUT, in.toString(),
        OcrJobConfig.OUTPUT, out.toString(), OcrJobConfig.FILES_PER_TASK, "1"));
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return OcrJobConfig.of(m);
  }

  /** What one read of {@code <out>/pages} saw: sorted "name:page" keys, or the error. */
  private static String read(Path out) {
    try {
      List<Row> rows = spark.read().parquet(out.resolve("pages").toString())
          .select("source", "page").collectAsList();
      return rows.stream().map(r -> r.getString(0).replaceAll(".*/", "") + ":" + r.getInt(1))
          .sorted().collect(Collectors.joining(","));
    } catch (Exception e) {
      String m = String.valueOf(e.getMessage());
      // The documented gap of an overwrite: between its two renames there is no table, and a
      // read that listed the old files before the swap finds them gone (Spark says so as
      // PATH_NOT_FOUND or "does not exist" when listing, as a SparkFileNotFoundException with
      // the OS's "No such file or directory" when a listed file is opened).
      if (m.contains("PATH_NOT_FOUND") || m.contains("does not exist")
          || m.contains("SparkFileNotFoundException")) {
        return "gone";
      }
      return "error: " + e;
    }
  }

  private static List<String> rowKeys(Path table) {
    return spark.read().parquet(table.toString()).collectAsList().stream()
        .map(Row::toString).sorted().collect(Collectors.toList());
  }

  /** Every path under {@code dir}, relative, sorted. */
  private static Set<String> tree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.map(p -> dir.relativize(p).toString()).collect(Collectors.toCollection(TreeSet::new));
    }
  }

  @Test
  void readersDuringAnOverwriteSeeTheOldRunOrTheNewRunNeverAMix(@TempDir Path tmp)
      throws Exception {
    Path oldIn = tmp.resolve("old");
    for (int i = 0; i < 3; i++) {
      TestInputs.png(oldIn, "old" + i + ".png", i + 1);
    }
    Path out = tmp.resolve("out");
    OcrJob.run(spark, config(oldIn, out), new TestEngines.Blobs());
    String oldRun = "old0.png:0,old1.png:0,old2.png:0";
    assertThat(read(out)).isEqualTo(oldRun);

    Path newIn = tmp.resolve("new");
    for (int i = 0; i < 4; i++) {
      TestInputs.png(newIn, "new" + i + ".png", 2);
    }
    TestInputs.tiff(newIn, "new4.tif");
    TestInputs.write(newIn.resolve("gate.png"),
        TestImages.png(TestImages.page(TestEngines.Gated.GATE_WIDTH, 120, 1)));
    String newRun = "gate.png:0,new0.png:0,new1.png:0,new2.png:0,new3.png:0,new4.tif:0,"
        + "new4.tif:1";
    List<String> midJob = Collections.synchronizedList(new ArrayList<>());
    // Deterministic: a read from inside the running job, while OCR of the new run is under way.
    TestEngines.Gated.onGatePage = () -> midJob.add(read(out));
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean done = new AtomicBoolean();
    Thread reader = new Thread(() -> {
      while (!done.get()) {
        seen.add(read(out));
      }
    }, "output-reader");
    reader.start();
    try {
      OcrJob.run(spark, config(newIn, out, OcrJobConfig.MODE, "overwrite"),
          new TestEngines.Gated());
    } finally {
      done.set(true);
      reader.join();
    }

    assertThat(midJob).containsExactly(oldRun);
    assertThat(seen).as("every read while the job ran").isNotEmpty()
        .allMatch(r -> r.equals(oldRun) || r.equals(newRun) || r.equals("gone"), "whole run");
    // Once a reader saw the new run, nobody sees the old one again.
    int firstNew = seen.indexOf(newRun);
    if (firstNew >= 0) {
      assertThat(seen.subList(firstNew, seen.size())).doesNotContain(oldRun);
    }
    assertThat(read(out)).isEqualTo(newRun);
    assertThat(tree(out)).noneMatch(p -> p.contains("_staging") || p.contains("_temporary"));
  }

  @Test
  void aFailedAppendChangesNothingAndASuccessfulOneAddsExactlyItsRows(@TempDir Path tmp)
      throws Exception {
    Path out = firstRun(tmp);
    List<String> pagesBefore = rowKeys(out.resolve("pages"));
    List<String> wordsBefore = rowKeys(out.resolve("words"));
    Set<String> treeBefore = tree(out);

    Path moreIn = tmp.resolve("more");
    TestInputs.png(moreIn, "c.png", 3);
    TestInputs.png(moreIn, "d.png", 4);
    // A task fails once it has produced one page: one file per task, so a two-page file.
    TestInputs.tiff(moreIn, "e.tif");
    assertThatThrownBy(() -> OcrJob.run(spark, config(moreIn, out, OcrJobConfig.MODE, "append",
        OcrJobConfig.FAULT_AFTER_PAGES, "1"),
        new TestEngines.Blobs()))
        .hasStackTraceContaining("Injected fault");

    assertThat(rowKeys(out.resolve("pages"))).isEqualTo(pagesBefore);
    assertThat(rowKeys(out.resolve("words"))).isEqualTo(wordsBefore);
    // No staged or temporary file is left for a reader (or a later listing) to trip over.
    assertThat(tree(out)).isEqualTo(treeBefore);

    JobSummary s = OcrJob.run(spark, config(moreIn, out, OcrJobConfig.MODE, "append"),
        new TestEngines.Blobs());
    assertThat(s.pages()).isEqualTo(4);
    List<String> pagesAfter = rowKeys(out.resolve("pages"));
    assertThat(pagesAfter).hasSize(pagesBefore.size() + 4).containsAll(pagesBefore);
    assertThat(read(out)).isEqualTo("a.png:0,b.tif:0,b.tif:1,c.png:0,d.png:0,e.tif:0,e.tif:1");
    List<String> wordsAfter = rowKeys(out.resolve("words"));
    assertThat(wordsAfter).hasSize(wordsBefore.size() + 3 + 4 + 2 + 5).containsAll(wordsBefore);
    assertThat(tree(out)).noneMatch(p -> p.contains("_staging") || p.contains("_temporary"));
  }

  @Test
  void aFailedOverwriteKeepsTheOldRun(@TempDir Path tmp) throws Exception {
    Path out = firstRun(tmp);
    List<String> pagesBefore = rowKeys(out.resolve("pages"));
    List<String> wordsBefore = rowKeys(out.resolve("words"));

    Path otherIn = tmp.resolve("other");
    TestInputs.png(otherIn, "c.png", 3);
    TestInputs.tiff(otherIn, "d.tif");
    assertThatThrownBy(() -> OcrJob.run(spark, config(otherIn, out, OcrJobConfig.MODE,
        "overwrite", OcrJobConfig.FAULT_AFTER_PAGES, "1"),
        new TestEngines.Blobs()))
        .hasStackTraceContaining("Injected fault");

    assertThat(rowKeys(out.resolve("pages"))).isEqualTo(pagesBefore);
    assertThat(rowKeys(out.resolve("words"))).isEqualTo(wordsBefore);
    assertThat(tree(out)).noneMatch(p -> p.contains("_staging") || p.contains("_temporary"));
  }
}
