package dev.openocr.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.synth.GroundTruthJson;
import dev.openocr.synth.Lang;
import dev.openocr.synth.PageGenerator;
import dev.openocr.synth.Rng;
import dev.openocr.synth.SynthConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthJobTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2]").appName("synth-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void parquetRowsMatchALocalRun(@TempDir Path dir) {
    String out = dir.resolve("pages").toString();
    SynthJob.Result r = SynthJob.run(spark, SynthJob.Conf.parse("output=" + out, "count=4",
        "seed=5", "partitions=2", "synth.pageWidth=320", "synth.pageHeight=400"));
    assertThat(r.samples()).isEqualTo(4);
    List<Row> rows = spark.read().parquet(out).orderBy("id").collectAsList();
    assertThat(rows).hasSize(4);
    assertThat(rows.get(2).getString(0)).isEqualTo("en-5-0000002");
    SynthConfig cfg = SynthConfig.defaults().set("pageWidth", "320").set("pageHeight", "400");
    String gt = GroundTruthJson.toJson("en-5-0000002.png",
        PageGenerator.defaults(Lang.EN, cfg).generate(Rng.sampleSeed(5, 2)));
    assertThat(rows.get(2).getString(5)).isEqualTo(gt);
  }

  @Test
  void cropFilesWithLabels(@TempDir Path dir) throws Exception {
    SynthJob.run(spark, SynthJob.Conf.parse("output=" + dir, "count=6", "kind=crops",
        "format=files", "partitions=2", "lang=ko"));
    try (var s = Files.list(dir.resolve("crops"))) {
      List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names).contains("ko-0-0000005.png").filteredOn(n -> n.endsWith(".tsv"))
          .hasSize(2);
    }
  }
}
