package dev.openocr.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.imageio.TestImages;
import dev.openocr.spark.TestEngines;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 6: odd pages, many pages, many files and failing tasks lose and duplicate nothing. */
class HostileInputJobTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    // local[2,4]: two threads, a task may fail up to 4 times (retries as on a cluster).
    spark = SparkSession.builder().master("local[2,4]").appName("openocr-hostile")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static OcrJobConfig config(Path in, Path out, String... kv) {
    Map<String, String> m = new HashMap<>(Map.of(OcrJobConfig.INPUT, in.toString(),
        OcrJobConfig.OUTPUT, out.toString()));
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return OcrJobConfig.of(m);
  }

  private static BufferedImage filled(int w, int h, Color c) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    g.setColor(c);
    g.fillRect(0, 0, w, h);
    g.dispose();
    return img;
  }

  @Test
  void retriedTasksLeaveEveryPageExactlyOnce(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("in");
    for (int i = 0; i < 6; i++) {
      TestInputs.png(in, "p" + i + ".png", i + 1);
    }
    TestInputs.tiff(in, "t.tif");
    JobSummary s;
    try (SparkEvents events = new SparkEvents(spark)) {
      s = OcrJob.run(spark, config(in, tmp.resolve("out"),
          OcrJobConfig.FAULT_AFTER_PAGES, "1"), new TestEngines.Blobs());
      // The injector did fail attempts (else this test proves nothing about retries), and
      // nothing else failed.
      assertThat(events.failedTasks()).isNotEmpty()
          .allSatisfy(f -> assertThat(f).contains("Injected fault after 1 pages"));
    }
    Dataset<Row> pages = spark.read().parquet(tmp.resolve("out/pages").toString());
    assertThat(pages.count()).isEqualTo(8);
    assertThat(pages.select("source", "page").distinct().count()).isEqualTo(8);
    Dataset<Row> words = spark.read().parquet(tmp.resolve("out/words").toString());
    assertThat(words.count()).isEqualTo(21 + 7);
    assertThat(words.select("source", "page", "word").distinct().count()).isEqualTo(28);
    assertThat(s.pages()).isEqualTo(8);
    assertThat(s.words()).isEqualTo(28);
  }

  @Test
  void oddPagesGiveRowsAndHundredsOfTiffPagesAllArrive(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("in");
    TestInputs.write(in.resolve("one.png"), TestImages.png(filled(1, 1, Color.BLACK)));
    TestInputs.write(in.resolve("black.png"), TestImages.png(filled(400, 300, Color.BLACK)));
    TestInputs.write(in.resolve("white.png"), TestImages.png(filled(400, 300, Color.WHITE)));
    TestInputs.write(in.resolve("many.tif"),
        TestImages.tiff(Collections.nCopies(300, TestImages.page(40, 30, 1))));
    byte[] tif = TestImages.tiff(List.of(TestImages.page(300, 200, 5)));
    TestInputs.write(in.resolve("cut.tif"), TestImages.head(tif, tif.length / 2));
    byte[] pdf = TestImages.pdf(2, null);
    // Cut inside the object stream that holds the page tree: PDFBox cannot recover the pages.
    TestInputs.write(in.resolve("cut.pdf"), TestImages.head(pdf, pdf.length / 2));
    // Cut inside the final cross-reference stream (no trailer, no %%EOF): PDFBox rebuilds the
    // cross references from the objects and both pages come back.
    TestInputs.write(in.resolve("tail-cut.pdf"), TestImages.head(pdf, pdf.length - 40));
    TestInputs.png(in, "good.png", 4);

    JobSummary s = OcrJob.run(spark, config(in, tmp.resolve("out")), new TestEngines.Blobs());

    Dataset<Row> pages = spark.read().parquet(tmp.resolve("out/pages").toString());
    pages.createOrReplaceTempView("hostile_pages");
    Map<String, Row> byName = new HashMap<>();
    for (Row r : spark.sql("SELECT regexp_extract(source, '[^/]+$', 0) name, count(*) n, "
        + "sum(CASE WHEN status = 'ok' THEN 1 ELSE 0 END) ok, sum(word_count) words, "
        + "max(error) error FROM hostile_pages GROUP BY 1").collectAsList()) {
      byName.put(r.getString(0), r);
    }
    assertThat(byName).containsOnlyKeys("one.png", "black.png", "white.png", "many.tif",
        "cut.tif", "cut.pdf", "tail-cut.pdf", "good.png");
    assertThat(byName.get("one.png").getLong(2)).isEqualTo(1);
    assertThat(byName.get("black.png").getLong(2)).isEqualTo(1);
    assertThat(byName.get("white.png").getLong(3)).isZero();
    assertThat(byName.get("many.tif").getLong(1)).isEqualTo(300);
    assertThat(byName.get("many.tif").getLong(3)).isEqualTo(300);
    assertThat(byName.get("cut.tif").getLong(1)).isEqualTo(1);
    assertThat(byName.get("cut.tif").getString(4))
        .matches("TRUNCATED: \\S*/cut\\.tif: cannot read page 0: data ends early: .+");
    // One error row for the whole file, from the loader, not one per page.
    assertThat(byName.get("cut.pdf").getLong(1)).isEqualTo(1);
    assertThat(byName.get("cut.pdf").getLong(2)).isZero();
    assertThat(byName.get("cut.pdf").getString(4))
        .matches("TRUNCATED: \\S*/cut\\.pdf: cannot parse PDF, it ends early \\(no %%EOF"
            + " marker\\): .+");
    assertThat(byName.get("tail-cut.pdf").getLong(1)).isEqualTo(2);
    assertThat(byName.get("tail-cut.pdf").getLong(2)).isEqualTo(2);
    assertThat(byName.get("tail-cut.pdf").getLong(3)).isEqualTo(2);
    assertThat(byName.get("good.png").getLong(3)).isEqualTo(4);
    assertThat(s.files()).isEqualTo(8);
    assertThat(s.errorsByCause()).isEqualTo(Map.of("TRUNCATED", 2L));
  }

  @Test
  void tenThousandTinyFilesNeitherOneTaskNorTenThousand(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("in");
    byte[] tiny = TestImages.png(filled(2, 2, Color.WHITE));
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      String name = "d" + (i % 10) + "/f" + i + ".png";
      TestInputs.write(in.resolve(name), tiny);
      names.add(name);
    }
    JobSummary s = OcrJob.run(spark, config(in, tmp.resolve("out")), new TestEngines.Blobs());
    assertThat(s.files()).isEqualTo(names.size());
    assertThat(s.pages()).isEqualTo(names.size());
    assertThat(s.tasks()).isBetween(4, 1000);
  }

  @Test
  void aPageOverTheTimeBudgetBecomesATimeoutRowAndTheRestGoesOn(@TempDir Path tmp)
      throws Exception {
    Path in = tmp.resolve("in");
    TestInputs.write(in.resolve("slow.tif"), TestImages.tiff(List.of(
        TestImages.page(300, 100, 2), TestImages.page(777, 100, 3), TestImages.page(300, 100, 4))));
    TestInputs.png(in, "after.png", 5);
    JobSummary s = OcrJob.run(spark, config(in, tmp.resolve("out"),
        OcrJobConfig.PAGE_SECONDS, "1", OcrJobConfig.FILES_PER_TASK, "2"),
        new TestEngines.Slow());
    List<Row> rows = spark.read().parquet(tmp.resolve("out/pages").toString())
        .orderBy("source", "page").select("page", "status", "error", "word_count")
        .collectAsList();
    assertThat(rows).extracting(r -> r.getString(1)).containsExactly("ok", "ok", "error",
        "error");
    assertThat(rows.get(0).getInt(3)).isEqualTo(5);
    assertThat(rows.get(2).getString(2)).startsWith("TIMEOUT: ").contains("page 1: took longer");
    assertThat(rows.get(3).getString(2)).startsWith("TIMEOUT: ").contains("skipped");
    assertThat(s.errorsByCause()).containsEntry("TIMEOUT", 2L);
  }
}
