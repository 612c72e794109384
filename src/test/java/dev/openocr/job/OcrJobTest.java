package dev.openocr.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.imageio.TestImages;
import dev.openocr.spark.OcrSchemas;
import dev.openocr.spark.TestEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcrJobTest extends WithLocalSpark {
  private static OcrJobConfig config(Path in, Path out, String... kv) {
    Map<String, String> m = new java.util.HashMap<>(Map.of(OcrJobConfig.INPUT, in.toUri().toString(),
        OcrJobConfig.OUTPUT, out.toUri().toString()));
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return OcrJobConfig.of(m);
  }

  @Test
  void everyFileBecomesRowsWithWordsInsideThePage(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("in");
    TestInputs.png(in, "a.png", 3);
    TestInputs.png(in.resolve("sub/deeper"), "b.png", 6);
    TestInputs.tiff(in.resolve("sub"), "c.tif");
    TestInputs.write(in.resolve("d.bmp"), TestImages.encode(TestImages.page(200, 100, 4), "bmp"));
    TestInputs.write(in.resolve("e.pdf"), TestImages.pdf(1, null));
    Path out = tmp.resolve("out");

    int detectedBefore = TestEngines.PAGES_DETECTED.get();
    JobSummary s = OcrJob.run(spark, config(in, out), new TestEngines.Blobs());
    // OCR ran once per page although pages, words and the summary all use its result.
    assertThat(TestEngines.PAGES_DETECTED.get() - detectedBefore).isEqualTo(6);

    assertThat(s.files()).isEqualTo(5);
    assertThat(s.pages()).isEqualTo(6);
    assertThat(s.errorRows()).isZero();
    assertThat(s.words()).isEqualTo(3 + 6 + 2 + 5 + 4 + 1);
    assertThat(s.tasks()).isBetween(1, 5);
    Dataset<Row> pages = spark.read().parquet(out.resolve("pages").toString());
    Dataset<Row> words = spark.read().parquet(out.resolve("words").toString());
    assertThat(pages.schema().fieldNames()).isEqualTo(OcrSchemas.PAGES.fieldNames());
    assertThat(words.columns()).containsExactlyElementsOf(OcrSchemas.WORDS_COLUMNS);
    Map<String, Long> perFile = pages.collectAsList().stream().collect(Collectors.groupingBy(
        r -> r.getString(0).replaceAll(".*/", ""), Collectors.counting()));
    assertThat(perFile).containsExactlyInAnyOrderEntriesOf(
        Map.of("a.png", 1L, "b.png", 1L, "c.tif", 2L, "d.bmp", 1L, "e.pdf", 1L));
    assertThat(words.count()).isEqualTo(s.words());
    assertThat(words.filter("left < 0 OR top < 0 OR right > width OR bottom > height "
        + "OR left >= right OR top >= bottom").count()).isZero();
    assertThat(Files.readString(out.resolve("_summary.json"))).contains("\"pages\": 6");

    pages.createOrReplaceTempView("pages");
    words.createOrReplaceTempView("words");
    List<Row> r = spark.sql("SELECT p.source, p.page, count(*) n FROM pages p JOIN words w "
        + "ON p.source = w.source AND p.page = w.page WHERE p.source LIKE '%c.tif' "
        + "GROUP BY p.source, p.page ORDER BY p.page").collectAsList();
    assertThat(r).extracting(x -> x.getLong(2)).containsExactly(2L, 5L);
    // Nested words carry block and line indices; bars on one row form one line.
    Row a = spark.sql("SELECT words FROM pages WHERE source LIKE '%/a.png'").first();
    List<Row> aw = a.getList(0);
    assertThat(aw).extracting(w -> w.getInt(1)).containsOnly(aw.get(0).getInt(1));
    assertThat(aw).extracting(w -> w.getInt(2)).containsExactly(0, 1, 2);

    assertThatThrownBy(() -> OcrJob.run(spark, config(in, out), new TestEngines.Blobs()))
        .hasMessageContaining("Output already exists");
    JobSummary again = OcrJob.run(spark, config(in, out, OcrJobConfig.MODE, "overwrite"),
        new TestEngines.Blobs());
    assertThat(again.pages()).isEqualTo(6);
    assertThat(spark.read().parquet(out.resolve("pages").toString()).count()).isEqualTo(6);
  }

  @Test
  void globSelectsFilesByName(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("in");
    TestInputs.png(in, "a.png", 2);
    TestInputs.write(in.resolve("notes/readme.txt"), "hello".getBytes());
    JobSummary all = OcrJob.run(spark, config(in, tmp.resolve("all")), new TestEngines.Blobs());
    assertThat(all.files()).isEqualTo(2);
    assertThat(all.errorsByCause()).containsEntry("UNSUPPORTED_FORMAT", 1L);
    JobSummary png = OcrJob.run(spark, config(in, tmp.resolve("png"),
        OcrJobConfig.INPUT_GLOB, "*.{png,tif}"), new TestEngines.Blobs());
    assertThat(png.files()).isEqualTo(1);
    assertThat(png.errorRows()).isZero();
  }

  @Test
  void filesAreDealtEvenlyBiggestFirst() {
    org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType()
        .add("path", "string").add("modificationTime", "timestamp").add("length", "long");
    List<Row> rows = new java.util.ArrayList<>();
    for (long len : new long[] {10, 500, 20, 400, 30}) {
      rows.add(new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(
          new Object[] {"f" + len, new java.sql.Timestamp(0), len}, schema));
    }
    List<List<Row>> parts = dev.openocr.spark.PartitionPlan.spread(spark, rows, schema, 2)
        .javaRDD().glom().collect();
    assertThat(parts).hasSize(2);
    assertThat(parts.get(0)).extracting(r -> r.getLong(2)).containsExactly(500L, 30L, 10L);
    assertThat(parts.get(1)).extracting(r -> r.getLong(2)).containsExactly(400L, 20L);
  }
}
