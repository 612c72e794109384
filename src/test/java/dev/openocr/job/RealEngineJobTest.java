package dev.openocr.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.testing.TinyBundles;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job with the real loader and DJL models (tiny random-weight bundles): bundles load on the
 * executor from paths in the configuration, every page gets a row, boxes stay inside the page.
 */
class RealEngineJobTest extends WithLocalSpark {
  @Test
  void runsWithBundlesFromPaths(@TempDir Path tmp) throws Exception {
    Path det = TinyBundles.detector(tmp.resolve("det"));
    Path rec = TinyBundles.recognizer(tmp.resolve("rec"));
    Path in = tmp.resolve("in");
    TestInputs.png(in, "a.png", 4);
    TestInputs.tiff(in, "b.tif");
    TestInputs.write(in.resolve("bad.png"), new byte[] {1, 2});
    Path out = tmp.resolve("out");
    OcrJobConfig c = OcrJobConfig.of(Map.of(OcrJobConfig.INPUT, in.toString(),
        OcrJobConfig.OUTPUT, out.toString(), OcrJobConfig.DETECTOR, det.toString(),
        OcrJobConfig.RECOGNIZER, rec.toString()));

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
}
