package dev.openocr.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.openocr.config.OcrJobConfig;
import dev.openocr.imageio.TestImages;
import dev.openocr.testing.TinyBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job with the real loader and DJL models (tiny random-weight bundles): bundles load on the
 * executor from paths in the configuration, every page gets a row, boxes stay inside the page;
 * and what a run reports about itself: stage timings and error counts in {@code _summary.json},
 * and the same numbers in the {@code openocr.*} accumulators the Spark UI shows while it runs.
 */
class RealEngineJobTest extends WithLocalSpark {
  @Test
  void runsWithBundlesFromPaths(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("in");
    TestInputs.png(in, "a.png", 4);
    TestInputs.tiff(in, "b.tif");
    TestInputs.write(in.resolve("bad.png"), new byte[] {1, 2});
    Path out = tmp.resolve("out");
    OcrJobConfig c = withTinyBundles(tmp, in, out, Map.of());

    JobSummary s = OcrJob.run(spark, c);

    assertThat(s.files()).isEqualTo(3);
    assertThat(s.pages()).isEqualTo(3);
    assertThat(s.errorRows()).isEqualTo(1);
    assertThat(s.stageMillis()).containsKeys("decode", "detect", "recognize", "engine_load");
    assertThat(s.stageMillis().get("detect")).isPositive();
    Dataset<Row> pages = spark.read().parquet(out.resolve("pages").toString());
    assertThat(pages.filter("status = 'ok'").select("model").distinct().collectAsList())
        .singleElement().satisfies(r -> assertThat(r.getString(0))
            .startsWith("craft-lean-test@").contains("+crnn-lean-test@"));
    Dataset<Row> words = spark.read().parquet(out.resolve("words").toString());
    assertThat(words.count()).isEqualTo(s.words());
    assertThat(words.filter("left < 0 OR top < 0 OR right > width OR bottom > height "
        + "OR confidence < 0 OR confidence > 1").count()).isZero();
  }

  @Test
  void summaryAndAccumulatorsAgreeOnTimingsAndErrors(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("in");
    byte[] png = TestImages.png(TestImages.page(320, 160, 4));
    TestInputs.write(in.resolve("a.png"), png);
    TestInputs.write(in.resolve("cut.png"), TestImages.head(png, png.length / 2));
    // Timings are whole milliseconds per page: a small PNG may decode in less than one, while
    // parsing and rendering a PDF takes several (at 72 dpi the pages stay small to detect on).
    TestInputs.write(in.resolve("d.pdf"), TestImages.pdf(2, null));
    Path out = tmp.resolve("out");
    OcrJobConfig c = withTinyBundles(tmp, in, out, Map.of(OcrJobConfig.PDF_DPI, "72"));

    JobSummary s;
    Map<String, Long> accumulators;
    try (SparkEvents events = new SparkEvents(spark)) {
      s = OcrJob.run(spark, c);
      accumulators = events.accumulators("openocr.");
    }

    JsonObject json = JsonParser.parseString(Files.readString(out.resolve(OcrJob.SUMMARY)))
        .getAsJsonObject();
    Map<String, Long> stageMillis = longs(json.getAsJsonObject("stageMillis"));
    Map<String, Long> errorsByCause = longs(json.getAsJsonObject("errorsByCause"));
    assertThat(stageMillis).isEqualTo(s.stageMillis())
        .containsOnlyKeys("decode", "detect", "recognize", "engine_load");
    assertThat(stageMillis.get("decode")).isPositive();
    assertThat(stageMillis.get("detect")).isPositive();
    // The untrained detector may find no boxes, and then nothing is recognized; when it does
    // find words, recognizing them took time.
    if (json.get("words").getAsLong() > 0) {
      assertThat(stageMillis.get("recognize")).isPositive();
    }
    // The per-page columns add up to the summary's totals.
    Row sums = spark.read().parquet(out.resolve("pages").toString())
        .agg(functions.sum("decode_ms"), functions.sum("detect_ms"), functions.sum("recognize_ms"))
        .first();
    assertThat(List.of(sums.getLong(0), sums.getLong(1), sums.getLong(2))).containsExactly(
        stageMillis.get("decode"), stageMillis.get("detect"), stageMillis.get("recognize"));
    assertThat(errorsByCause).isEqualTo(Map.of("TRUNCATED", 1L)).isEqualTo(s.errorsByCause());
    assertThat(json.get("errorRows").getAsLong()).isEqualTo(1);
    assertThat(json.get("files").getAsLong()).isEqualTo(3);
    assertThat(json.get("pages").getAsLong()).isEqualTo(3);

    // Every accumulator the run changed, by name, with the summary's value. A task that added 0
    // may or may not have reported it, so zeros are left out on both sides.
    Map<String, Long> expected = new HashMap<>();
    expected.put("openocr.files", json.get("files").getAsLong());
    // Progress counts a file once its last row is out: by the end, every file.
    expected.put("openocr.files.done", json.get("files").getAsLong());
    expected.put("openocr.pages.ok", json.get("pages").getAsLong());
    expected.put("openocr.words", json.get("words").getAsLong());
    stageMillis.forEach((k, v) -> expected.put("openocr.ms." + k, v));
    errorsByCause.forEach((k, v) -> expected.put("openocr.errors." + k, v));
    expected.values().removeIf(v -> v == 0);
    Map<String, Long> reported = new HashMap<>(accumulators);
    reported.values().removeIf(v -> v == 0);
    assertThat(reported).isEqualTo(expected)
        .containsKeys("openocr.ms.decode", "openocr.ms.detect", "openocr.errors.TRUNCATED");
  }

  private static Map<String, Long> longs(JsonObject o) {
    Map<String, Long> m = new HashMap<>();
    o.entrySet().forEach(e -> m.put(e.getKey(), e.getValue().getAsLong()));
    return m;
  }

  /** A job over {@code in} writing to {@code out} with tiny bundles made under {@code tmp}. */
  private static OcrJobConfig withTinyBundles(Path tmp, Path in, Path out,
      Map<String, String> more) throws Exception {
    Map<String, String> m = new HashMap<>(more);
    m.put(OcrJobConfig.INPUT, in.toString());
    m.put(OcrJobConfig.OUTPUT, out.toString());
    m.put(OcrJobConfig.DETECTOR, TinyBundles.detector(tmp.resolve("det")).toString());
    m.put(OcrJobConfig.RECOGNIZER, TinyBundles.recognizer(tmp.resolve("rec")).toString());
    return OcrJobConfig.of(m);
  }
}
