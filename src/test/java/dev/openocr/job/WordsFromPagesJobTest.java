package dev.openocr.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.imageio.TestImages;
import dev.openocr.spark.TestEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Words are derived from the pages the run wrote, never from OCR run again: with an engine whose
 * every reading differs, words still agree with pages when whatever Spark kept in memory of the
 * OCR is lost mid-run (as an executor loss loses it).
 */
class WordsFromPagesJobTest extends WithLocalSpark {
  @AfterEach
  void openGate() {
    TestEngines.Gated.onGatePage = () -> { };
  }

  /** Sorted word texts per "file:page", from the pages table's nested words or from words. */
  static Map<String, List<String>> wordsByPage(Path out, boolean fromPages) {
    String sql = fromPages
        ? "SELECT source, page, sort_array(transform(words, w -> w.text)) AS t FROM pages"
        : "SELECT source, page, sort_array(collect_list(text)) AS t FROM words "
            + "GROUP BY source, page";
    spark.read().parquet(out.resolve("pages").toString()).createOrReplaceTempView("pages");
    spark.read().parquet(out.resolve("words").toString()).createOrReplaceTempView("words");
    Map<String, List<String>> m = new TreeMap<>();
    for (Row r : spark.sql(sql).collectAsList()) {
      m.put(r.getString(0).replaceAll(".*/", "") + ":" + r.getInt(1), r.getList(2));
    }
    return m;
  }

  @Test
  void wordsAgreeWithPagesWhenKeptOcrIsLost(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("in");
    for (int i = 0; i < 3; i++) {
      TestInputs.png(in, "p" + i + ".png", 2 + i);
    }
    // The smallest file, so its task comes last: the others are done when it runs.
    Path gate = TestInputs.write(in.resolve("gate.png"),
        TestImages.png(TestImages.page(TestEngines.Gated.GATE_WIDTH, 40, 1)));
    assertThat(Files.size(gate)).isLessThan(Files.size(in.resolve("p0.png")));
    TestEngines.Gated.onGatePage = () -> org.apache.spark.api.java.JavaSparkContext
        .fromSparkContext(spark.sparkContext()).getPersistentRDDs().values()
        .forEach(rdd -> rdd.unpersist(false));
    int before = TestEngines.PAGES_DETECTED.get();

    OcrJob.run(spark, OcrJobConfig.of(Map.of(OcrJobConfig.INPUT, in.toString(),
        OcrJobConfig.OUTPUT, tmp.resolve("out").toString(), OcrJobConfig.FILES_PER_TASK, "1")),
        new TestEngines.Stamped());

    Map<String, List<String>> pages = wordsByPage(tmp.resolve("out"), true);
    assertThat(pages).hasSize(4);
    assertThat(pages.get("p2.png:0")).hasSize(4).allMatch(t -> t.contains("#"));
    assertThat(wordsByPage(tmp.resolve("out"), false)).isEqualTo(pages);
    assertThat(TestEngines.PAGES_DETECTED.get() - before).isEqualTo(4);
  }
}
