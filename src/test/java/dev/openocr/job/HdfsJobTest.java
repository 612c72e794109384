package dev.openocr.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.imageio.TestImages;
import dev.openocr.spark.TestEngines;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The job reads its input from and writes its output to an in-process HDFS. */
@Timeout(180)
class HdfsJobTest {
  @TempDir
  static Path base;
  private static MiniDFSCluster hdfs;
  private static SparkSession spark;

  @BeforeAll
  static void start() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.resolve("dfs").toString());
    hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    hdfs.waitClusterUp();
    spark = LocalSpark.start();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
    if (hdfs != null) {
      hdfs.shutdown();
    }
  }

  private static void put(FileSystem fs, String path, byte[] bytes) throws Exception {
    try (OutputStream o = fs.create(new org.apache.hadoop.fs.Path(path))) {
      o.write(bytes);
    }
  }

  @Test
  void readsAndWritesHdfs() throws Exception {
    String root = "hdfs://localhost:" + hdfs.getNameNodePort();
    FileSystem fs = hdfs.getFileSystem();
    put(fs, "/archive/1987/a.png", TestImages.png(TestImages.page(320, 160, 3)));
    put(fs, "/archive/1987/box 2/b.tif", TestImages.tiff(
        List.of(TestImages.page(200, 100, 1), TestImages.page(200, 100, 2))));
    put(fs, "/archive/1987/broken.png", new byte[] {1, 2, 3});

    JobSummary s = OcrJob.run(spark, OcrJobConfig.of(Map.of(
        OcrJobConfig.INPUT, root + "/archive/1987/", OcrJobConfig.OUTPUT, root + "/ocr/1987")),
        new TestEngines.Blobs());

    assertThat(s.files()).isEqualTo(3);
    assertThat(s.pages()).isEqualTo(3);
    assertThat(s.errorRows()).isEqualTo(1);
    assertThat(fs.exists(new org.apache.hadoop.fs.Path("/ocr/1987/_summary.json"))).isTrue();
    assertThat(spark.read().parquet(root + "/ocr/1987/words").count()).isEqualTo(6);
    assertThat(spark.read().parquet(root + "/ocr/1987/pages")
        .filter("source LIKE 'hdfs://%/archive/1987/box 2/b.tif'").count()).isEqualTo(2);
  }
}
