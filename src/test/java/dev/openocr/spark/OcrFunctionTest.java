package dev.openocr.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.job.JobSummary;
import dev.openocr.job.OcrJob;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ocr(content)} reads a file as the job does: same pages, words and error causes. */
class OcrFunctionTest {
  private static final String COLUMNS = "page, status, error, width, height, text, word_count, "
      + "mean_confidence, words";

  @TempDir
  static Path tmp;
  private static SparkSession spark;
  private static Path in;
  private static Map<String, String> broken;

  @BeforeAll
  static void start() throws Exception {
    spark = FunctionSpark.start();
    in = tmp.resolve("in");
    broken = FunctionSpark.writeInputs(in);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void explodedPagesEqualTheJobsPagesRowForRow() {
    Path out = tmp.resolve("out");
    int enginesBefore = TestEngines.CREATED.get();
    JobSummary s = OcrJob.run(spark, OcrJobConfig.of(Map.of(OcrJobConfig.INPUT, in.toString(),
        OcrJobConfig.OUTPUT, out.toString(), OcrJobConfig.PDF_DPI, FunctionSpark.PDF_DPI)),
        new TestEngines.Blobs());
    List<Row> job = spark.read().parquet(out.resolve("pages").toString())
        .selectExpr(("source, " + COLUMNS).split(", ")).collectAsList();

    List<Row> fn = spark.sql("SELECT path, p.page, p.status, p.error, p.width, p.height, p.text, "
        + "p.word_count, p.mean_confidence, p.words FROM (SELECT path, explode(ocr(content)) AS p "
        + "FROM binaryFile.`" + in + "`)").collectAsList();

    Map<String, String> expected = FunctionSpark.describe(job);
    assertThat(expected).hasSize(9);
    assertThat(s.pages()).isEqualTo(5);
    assertThat(FunctionSpark.describe(fn)).isEqualTo(expected);
    for (Map.Entry<String, String> b : broken.entrySet()) {
      assertThat(expected.get(b.getKey() + "#0")).startsWith("error|" + b.getValue() + "|");
    }
    assertThat(expected.get("multi.tif#1")).contains("|5|");
    // The job's and the function's engines have the same options: one engine for both.
    assertThat(TestEngines.CREATED.get() - enginesBefore).isLessThanOrEqualTo(1);
    // Error messages name the function where the job names the file.
    String bomb = job.stream().filter(r -> r.getString(0).endsWith("/bomb.png")).findFirst()
        .orElseThrow().getString(3);
    assertThat(fn.stream().filter(r -> r.getString(0).endsWith("/bomb.png")).findFirst()
        .orElseThrow().getString(3))
        .isEqualTo(bomb.replace(in.toUri().getPath().replaceAll("/$", "") + "/bomb.png",
            OcrFunction.SOURCE).replace("file:", ""));
  }

  @Test
  void theLanguageArgumentAndTheSessionsSettingsApply() {
    String scan = "FROM binaryFile.`" + in.resolve("scan.png") + "`";
    Row ko = spark.sql("SELECT ocr(content, 'ko')[0] AS p " + scan).first().getStruct(0);
    assertThat(ko.getString(1)).isEqualTo("ok");
    assertThat(ko.getInt(6)).isEqualTo(3);
    assertThat(spark.sql("SELECT ocr(NULL)").first().isNullAt(0)).isTrue();

    spark.conf().set(OcrJobConfig.MAX_PIXELS, "1000");
    try {
      Row small = spark.sql("SELECT ocr(content)[0] " + scan).first().getStruct(0);
      assertThat(small.getString(2)).startsWith("TOO_LARGE: " + OcrFunction.SOURCE
          + ": page 0: image too large: 320x160");
    } finally {
      spark.conf().unset(OcrJobConfig.MAX_PIXELS);
    }
    assertThat(spark.sql("SELECT ocr(content)[0].status " + scan).first().getString(0))
        .isEqualTo("ok");

    assertThatThrownBy(() -> spark.sql("SELECT ocr(content, 'fr') " + scan))
        .hasMessage("Invalid language in ocr(content, lang): fr (auto, en or ko)");
    assertThatThrownBy(() -> spark.sql("SELECT ocr(path) " + scan))
        .hasMessageContaining("content must be binary").hasMessageContaining("got string");
    spark.conf().set("openocr.limit.pixel", "1000");
    try {
      assertThatThrownBy(() -> spark.sql("SELECT ocr(content) " + scan))
          .hasMessage("Unknown setting: openocr.limit.pixel");
    } finally {
      spark.conf().unset("openocr.limit.pixel");
    }
  }

  @Test
  void settingsComeFromOpenocrKeysOrTheirSparkForm() {
    assertThat(OcrFunction.settings(Map.of("spark.openocr.lexicon", "false",
        "spark.executor.memory", "1g", "openocr.pdf.dpi", "150")))
        .containsExactlyInAnyOrderEntriesOf(Map.of("openocr.lexicon", "false",
            "openocr.pdf.dpi", "150"));
    assertThat(OcrFunction.settings(Map.of("spark.openocr.lexicon", "false",
        "openocr.lexicon", "true"))).isEqualTo(Map.of("openocr.lexicon", "true"));
    assertThat(OcrExtensions.addTo(null)).isEqualTo(OcrExtensions.class.getName());
    assertThat(OcrExtensions.addTo("a.B, " + OcrExtensions.class.getName()))
        .isEqualTo("a.B," + OcrExtensions.class.getName());
    assertThat(OcrExtensions.addTo("a.B")).isEqualTo("a.B," + OcrExtensions.class.getName());
  }
}
