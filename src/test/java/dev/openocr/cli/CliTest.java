package dev.openocr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.openocr.config.OcrJobConfig;
import dev.openocr.export.JsonExport;
import dev.openocr.imageio.TestImages;
import dev.openocr.job.QueryPrinter;
import dev.openocr.job.RunOutput;
import dev.openocr.spark.TestEngines;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The run flags map to settings; query and export work over a job's output. */
class CliTest {
  @TempDir
  static Path tmp;
  private static SparkSession spark;
  private static Path out;

  @BeforeAll
  static void runJob() throws Exception {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    Files.write(in.resolve("scan.png"), TestImages.png(TestImages.page(320, 160, 3)));
    Files.write(in.resolve("multi.tif"), TestImages.tiff(
        List.of(TestImages.page(200, 100, 1), TestImages.page(200, 100, 2))));
    Files.write(in.resolve("bad.png"), new byte[] {9, 9, 9});
    out = tmp.resolve("out");
    // The whole command line; it stops its own session.
    int code = Main.execute("run", "--input", in.toString(), "--output", out.toString(),
        "--master", "local[2]", "--conf", "spark.ui.enabled=false",
        "--conf", "spark.sql.shuffle.partitions=4",
        "--conf", "openocr.engine.factory=" + TestEngines.Blobs.class.getName());
    assertThat(code).isZero();
    assertThat(Files.readString(out.resolve("_summary.json"))).contains("\"pages\": 3");
    spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void runFlagsBecomeSettings() {
    RunCommand r = new RunCommand();
    new CommandLine(r).parseArgs("--input", "a/", "hdfs:///b", "--input", "c", "--output", "o",
        "--mode", "append", "--incremental", "--limit-pixels", "1000", "--max-file-bytes", "99",
        "--conf", "openocr.pdf.dpi=150", "--conf", "spark.executor.memory=2g", "--lang", "ko");
    OcrJobConfig c = OcrJobConfig.of(r.settings());
    assertThat(c.inputs()).containsExactly("a/", "hdfs:///b", "c");
    assertThat(c.mode()).isEqualTo(OcrJobConfig.Mode.APPEND);
    assertThat(c.incremental()).isTrue();
    assertThat(c.maxPixels()).isEqualTo(1000);
    assertThat(c.maxFileBytes()).isEqualTo(99);
    assertThat(c.pdfDpi()).isEqualTo(150);
    assertThat(c.lang()).isEqualTo("ko");
    assertThat(r.settings()).doesNotContainKey("spark.executor.memory");
  }

  @Test
  void aPropertiesFileGivesDefaultsThatFlagsOverride() throws Exception {
    Path props = tmp.resolve("openocr.properties");
    Files.writeString(props, "openocr.mode=overwrite\nopenocr.incremental=true\n"
        + "openocr.pdf.dpi=200\nopenocr.model.detector=\n");
    RunCommand r = new RunCommand();
    new CommandLine(r).parseArgs("--input", "a", "--output", "o", "--properties",
        props.toString(), "--conf", "openocr.pdf.dpi=150");
    OcrJobConfig c = OcrJobConfig.of(r.settings());
    assertThat(c.mode()).isEqualTo(OcrJobConfig.Mode.OVERWRITE);
    assertThat(c.incremental()).isTrue();
    assertThat(c.pdfDpi()).isEqualTo(150);
    assertThat(c.detector()).isNull();
    // The shipped settings file holds only known keys, with the built-in defaults.
    RunCommand shipped = new RunCommand();
    new CommandLine(shipped).parseArgs("--input", "a", "--output", "o", "--properties",
        "conf/openocr.properties");
    OcrJobConfig d = OcrJobConfig.of(shipped.settings());
    assertThat(d.maxPixels()).isEqualTo(OcrJobConfig.MAX_PIXELS_DEFAULT);
    assertThat(d.maxFileBytes()).isEqualTo(OcrJobConfig.MAX_FILE_BYTES_DEFAULT);
    assertThat(d.pageSeconds()).isEqualTo(OcrJobConfig.PAGE_SECONDS_DEFAULT);
    assertThat(d.bytesPerTask()).isEqualTo(OcrJobConfig.BYTES_PER_TASK_DEFAULT);
    assertThat(d.widthVote()).isEqualTo(OcrJobConfig.WIDTH_VOTE_DEFAULT);
    assertThat(d.progressInterval()).isEqualTo(OcrJobConfig.PROGRESS_INTERVAL_DEFAULT);
    assertThat(d.incrementalMaxAttempts())
        .isEqualTo(OcrJobConfig.INCREMENTAL_MAX_ATTEMPTS_DEFAULT);
    assertThat(d.values()).containsKey(OcrJobConfig.INCREMENTAL_MAX_ATTEMPTS);
    RunCommand plain = new RunCommand();
    new CommandLine(plain).parseArgs("--input", "a", "--output", "o");
    assertThat(OcrJobConfig.of(plain.settings()).mode()).isEqualTo(OcrJobConfig.Mode.ERROR);
  }

  @Test
  void queryPrintsCsvAndJson() {
    new RunOutput(spark, out.toString());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    QueryPrinter.print(spark.sql("SELECT regexp_extract(source, '[^/]+$', 0) AS name, page, "
        + "status FROM pages ORDER BY name, page"), QueryPrinter.Format.CSV,
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "name,page,status", "bad.png,0,error", "multi.tif,0,ok", "multi.tif,1,ok",
        "scan.png,0,ok");
    bytes.reset();
    QueryPrinter.print(spark.sql("SELECT count(*) AS n FROM words"), QueryPrinter.Format.JSON,
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(bytes.toString(StandardCharsets.UTF_8).strip()).isEqualTo("{\"n\":6}");
    assertThat(QueryPrinter.csv("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
  }

  @Test
  void exportWritesOneJsonPerPageNamedAfterTheSource() throws Exception {
    Path dir = tmp.resolve("json");
    int n = ExportCommand.export(new RunOutput(spark, out.toString()), new JsonExport(), dir);
    assertThat(n).isEqualTo(3);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("scan.json", "multi.json", "multi-p1.json");
    }
    JsonObject o = JsonParser.parseString(Files.readString(dir.resolve("multi-p1.json")))
        .getAsJsonObject();
    assertThat(o.get("image").getAsString()).isEqualTo("multi.tif");
    assertThat(o.get("width").getAsInt()).isEqualTo(200);
    assertThat(o.getAsJsonArray("words")).hasSize(2);
    assertThat(o.getAsJsonArray("words").get(0).getAsJsonObject().getAsJsonArray("box"))
        .hasSize(4);
    // The other formats go through the same switch.
    Path alto = tmp.resolve("alto");
    assertThat(ExportCommand.export(new RunOutput(spark, out.toString()),
        dev.openocr.export.ExportFormat.of("alto").exporter(), alto)).isEqualTo(3);
    assertThat(Files.readString(alto.resolve("multi-p1.alto.xml"))).contains("<alto");
  }
}
