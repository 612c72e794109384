package dev.openocr.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.job.OcrJob;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OcrTransformer in a Pipeline reads files as the job does, and saves and loads. */
class OcrTransformerTest {
  @TempDir
  static Path tmp;
  private static SparkSession spark;
  private static Path in;
  private static Map<String, String> jobPages;

  @BeforeAll
  static void start() throws Exception {
    spark = FunctionSpark.start();
    in = tmp.resolve("in");
    FunctionSpark.writeInputs(in);
    Path out = tmp.resolve("out");
    OcrJob.run(spark, OcrJobConfig.of(Map.of(OcrJobConfig.INPUT, in.toString(),
        OcrJobConfig.OUTPUT, out.toString(), OcrJobConfig.PDF_DPI, FunctionSpark.PDF_DPI)),
        new TestEngines.Blobs());
    jobPages = FunctionSpark.describe(spark.read().parquet(out.resolve("pages").toString())
        .selectExpr("source", "page", "status", "error", "width", "height", "text",
            "word_count", "mean_confidence", "words").collectAsList());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void aPipelineAddsTheJobsPagesAndRoundTripsThroughSaveAndLoad() throws Exception {
    OcrTransformer ocr = new OcrTransformer().setOutputCol("scans");
    Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {ocr});
    PipelineModel model = pipeline.fit(files());
    assertThat(pages(model.transform(files()), "scans")).isEqualTo(jobPages);
    assertThat(jobPages).hasSize(9);

    Path saved = tmp.resolve("model");
    model.write().overwrite().save(saved.toString());
    PipelineModel loaded = PipelineModel.load(saved.toString());
    assertThat(loaded.stages()).hasSize(1);
    OcrTransformer back = (OcrTransformer) loaded.stages()[0];
    assertThat(back.uid()).isEqualTo(ocr.uid());
    assertThat(back.getOutputCol()).isEqualTo("scans");
    assertThat(back.getInputCol()).isEqualTo("content");
    assertThat(back.getLang()).isEqualTo(OcrJobConfig.LANG_DEFAULT);
    assertThat(pages(loaded.transform(files()), "scans")).isEqualTo(jobPages);
  }

  @Test
  void paramsSaveAndLoadOnTheirOwn() throws Exception {
    OcrTransformer ocr = new OcrTransformer().setInputCol("bytes").setLang("ko")
        .setDetector("/models/det").setRecognizer("/models/rec");
    Path saved = tmp.resolve("stage");
    ocr.write().overwrite().save(saved.toString());
    OcrTransformer back = OcrTransformer.load(saved.toString());
    assertThat(List.of(back.getInputCol(), back.getOutputCol(), back.getLang(),
        back.getDetector(), back.getRecognizer()))
        .containsExactly("bytes", "pages", "ko", "/models/det", "/models/rec");
    assertThat(back.copy(new org.apache.spark.ml.param.ParamMap()).getLang()).isEqualTo("ko");
    assertThatThrownBy(() -> new OcrTransformer().setLang("fr"))
        .hasMessageContaining("fr");
    assertThatThrownBy(() -> new OcrTransformer().transform(files().drop("content")))
        .hasMessageContaining("Invalid input column").hasMessageContaining("content");
  }

  @Test
  void sqlTransformerWithTheFunctionGivesTheSamePages() {
    SQLTransformer sql = new SQLTransformer()
        .setStatement("SELECT *, ocr(content) AS pages FROM __THIS__");
    assertThat(pages(sql.transform(files()), "pages")).isEqualTo(jobPages);
  }

  private static Dataset<Row> files() {
    return spark.read().format("binaryFile").load(in.toString());
  }

  private static Map<String, String> pages(Dataset<Row> withPages, String col) {
    return FunctionSpark.describe(withPages.selectExpr("path", "explode(" + col + ") AS p")
        .selectExpr("path", "p.page", "p.status", "p.error", "p.width", "p.height", "p.text",
            "p.word_count", "p.mean_confidence", "p.words").collectAsList());
  }
}
