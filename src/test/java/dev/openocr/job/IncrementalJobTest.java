package dev.openocr.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.spark.TestEngines;
import java.nio.file.Path;
import java.util.Map;
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
}
