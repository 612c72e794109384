package dev.openocr.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.spark.TestEngines;
import dev.openocr.imageio.TestImages;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resumed run processes only what is new and never duplicates a page. */
class IncrementalJobTest extends WithLocalSpark {
  @Test
  void secondRunProcessesOnlyNewFiles(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("in");
    Path out = tmp.resolve("out");
    TestInputs.png(in, "a.png", 2);
    TestInputs.tiff(in, "b.tif");
    TestInputs.write(in.resolve("empty.png"), new byte[0]);
    OcrJobConfig first = OcrJobConfig.of(Map.of(OcrJobConfig.INPUT, in.toString(),
        OcrJobConfig.OUTPUT, out.toString()));
    JobSummary s1 = OcrJob.run(spark, first, new TestEngines.Blobs());
    assertThat(s1.files()).isEqualTo(3);

    TestInputs.png(in.resolve("later"), "c.png", 3);
    TestInputs.png(in, "d.png", 4);
    OcrJobConfig incremental = first.with(OcrJobConfig.INCREMENTAL, "true");
    JobSummary s2 = OcrJob.run(spark, incremental, new TestEngines.Blobs());
    assertThat(s2.files()).as(s2.oneLine()).isEqualTo(2);
    assertThat(s2.skippedFiles()).isEqualTo(3);
    assertThat(s2.words()).isEqualTo(7);

    JobSummary s3 = OcrJob.run(spark, incremental, new TestEngines.Blobs());
    assertThat(s3.files()).isZero();
    assertThat(s3.skippedFiles()).isEqualTo(5);

    Dataset<Row> pages = spark.read().parquet(out.resolve("pages").toString());
    assertThat(pages.count()).isEqualTo(6);
    assertThat(pages.select("source", "page").distinct().count()).isEqualTo(6);
    Dataset<Row> words = spark.read().parquet(out.resolve("words").toString());
    assertThat(words.count()).isEqualTo(2 + 2 + 5 + 3 + 4);
    assertThat(words.select("source", "page", "word").distinct().count()).isEqualTo(words.count());
  }

  @Test
  void aRunKilledBetweenPagesAndWordsIsRepairedWithoutDuplicates(@TempDir Path tmp)
      throws Exception {
    Path in = tmp.resolve("in");
    Path out = tmp.resolve("out");
    TestInputs.png(in, "a.png", 2);
    TestInputs.tiff(in, "b.tif");
    OcrJobConfig c = OcrJobConfig.of(Map.of(OcrJobConfig.INPUT, in.toString(),
        OcrJobConfig.OUTPUT, out.toString(), OcrJobConfig.INCREMENTAL, "true"));
    OcrJob.run(spark, c, new TestEngines.Blobs());
    // What a kill after the pages commit and before the words commit leaves behind.
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(out.resolve("words"))) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile)
          .forEach(java.io.File::delete);
    }
    TestInputs.png(in, "c.png", 3);
    int before = TestEngines.PAGES_DETECTED.get();

    JobSummary s = OcrJob.run(spark, c, new TestEngines.Blobs());

    assertThat(s.files()).isEqualTo(1);
    assertThat(TestEngines.PAGES_DETECTED.get() - before).isEqualTo(1);
    Dataset<Row> words = spark.read().parquet(out.resolve("words").toString());
    assertThat(words.count()).isEqualTo(2 + 2 + 5 + 3);
    assertThat(words.select("source", "page", "word").distinct().count()).isEqualTo(12);
  }

  /** Rows of {@code pages} as "file:page:status[:cause]", sorted. */
  private static List<String> rows(Path out) {
    return spark.read().parquet(out.resolve("pages").toString())
        .selectExpr("source", "page", "status", "substring_index(error, ':', 1)").collectAsList()
        .stream().map(r -> r.getString(0).replaceAll(".*/", "") + ":" + r.getInt(1) + ":"
            + r.getString(2) + (r.isNullAt(3) ? "" : ":" + r.getString(3)))
        .sorted().collect(Collectors.toList());
  }

  @Test
  void failuresThatMayPassAreReadAgainUpToTheLimitAndOthersNever(@TempDir Path tmp)
      throws Exception {
    Path in = tmp.resolve("in");
    Path out = tmp.resolve("out");
    TestInputs.png(in, "good.png", 2);
    TestInputs.write(in.resolve("flaky.png"), TestImages.png(TestImages.page(611, 100, 1)));
    TestInputs.write(in.resolve("stuck.png"), TestImages.png(TestImages.page(622, 100, 1)));
    TestInputs.write(in.resolve("bad.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    TestInputs.write(in.resolve("multi.tif"), TestImages.tiff(
        List.of(TestImages.page(300, 100, 2), TestImages.page(633, 100, 3))));
    OcrJobConfig c = OcrJobConfig.of(Map.of(OcrJobConfig.INPUT, in.toString(),
        OcrJobConfig.OUTPUT, out.toString(), OcrJobConfig.INCREMENTAL, "true"));
    try {
      TestEngines.FailingWidths.WIDTHS.addAll(List.of(611, 622, 633));
      OcrJob.run(spark, c, new TestEngines.FailingWidths());
      TestEngines.FailingWidths.WIDTHS.remove(611);
      TestEngines.FailingWidths.WIDTHS.remove(633);

      // flaky and stuck again, and only the failed page of multi.tif
      JobSummary second = OcrJob.run(spark, c, new TestEngines.FailingWidths());
      assertThat(second.files()).as(second.oneLine()).isEqualTo(3);
      assertThat(second.skippedFiles()).isEqualTo(2);
      assertThat(second.pages()).isEqualTo(2);
      assertThat(second.errorRows()).isEqualTo(1);
      // stuck's third and last try
      JobSummary third = OcrJob.run(spark, c, new TestEngines.FailingWidths());
      assertThat(third.files()).as(third.oneLine()).isEqualTo(1);
      JobSummary fourth = OcrJob.run(spark, c, new TestEngines.FailingWidths());
      assertThat(fourth.files()).as(fourth.oneLine()).isZero();
      // a higher limit tries it once more
      JobSummary fifth = OcrJob.run(spark, c.with(OcrJobConfig.INCREMENTAL_MAX_ATTEMPTS, "4"),
          new TestEngines.FailingWidths());
      assertThat(fifth.files()).as(fifth.oneLine()).isEqualTo(1);
    } finally {
      TestEngines.FailingWidths.WIDTHS.clear();
    }

    assertThat(rows(out)).containsExactly("bad.png:0:error:UNSUPPORTED_FORMAT",
        "flaky.png:0:error:OCR_FAILURE", "flaky.png:0:ok", "good.png:0:ok",
        "multi.tif:0:ok", "multi.tif:1:error:OCR_FAILURE", "multi.tif:1:ok",
        "stuck.png:0:error:OCR_FAILURE", "stuck.png:0:error:OCR_FAILURE",
        "stuck.png:0:error:OCR_FAILURE", "stuck.png:0:error:OCR_FAILURE");
    Dataset<Row> words = spark.read().parquet(out.resolve("words").toString());
    assertThat(words.count()).isEqualTo(2 + 1 + 2 + 3);
    assertThat(words.select("source", "page", "word").distinct().count()).isEqualTo(8);
  }
}
