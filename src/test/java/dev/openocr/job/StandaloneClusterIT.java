package dev.openocr.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.openocr.imageio.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster: Master and Worker in their own JVMs, the job submitted with
 * SparkSubmit from the shaded application jar. The test engine (blob detector) ships as an extra
 * jar, chosen with {@code openocr.engine.factory}. Needs {@code mvn package} first.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class StandaloneClusterIT {
  /** Longest wait for the submitted job; a dead executor otherwise hangs it. */
  private static final long JOB_TIMEOUT_SECONDS = 240;

  @Test
  void runsTheJobFromTheApplicationJar(@TempDir Path tmp) throws Exception {
    StandaloneCluster.requireAppJar();
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    Files.write(in.resolve("a.png"), TestImages.png(TestImages.page(320, 160, 3)));
    Files.write(in.resolve("b.tif"), TestImages.tiff(
        List.of(TestImages.page(200, 100, 1), TestImages.page(200, 100, 2))));
    Files.write(in.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
    Path testJar = StandaloneCluster.testEngineJar(tmp.resolve("test-engine.jar"));
    Path out = tmp.resolve("out");

    try (StandaloneCluster cluster = StandaloneCluster.start(tmp, 1, 1)) {
      Process job = cluster.submit("submit.log",
          "--conf", "spark.executor.memory=768m", "--conf", "spark.ui.enabled=false",
          "--conf", "spark.executor.extraJavaOptions=" + StandaloneCluster.jvmFlags(),
          "--jars", testJar.toString(), "--class", "dev.openocr.cli.Main",
          StandaloneCluster.APP_JAR.toAbsolutePath().toString(), "run", "--input", in.toString(),
          "--output", out.toString(),
          "--conf", "openocr.engine.factory=dev.openocr.spark.TestEngines$Blobs");

      boolean finished = job.waitFor(JOB_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      String log = cluster.log("submit.log");
      assertThat(finished).as("job finished in time; log:\n%s", StandaloneCluster.tail(log))
          .isTrue();
      assertThat(job.exitValue()).as("exit code; log:\n%s", StandaloneCluster.tail(log))
          .isZero();
    }
    JsonObject s = JsonParser.parseString(Files.readString(out.resolve("_summary.json")))
        .getAsJsonObject();
    assertThat(s.get("files").getAsLong()).isEqualTo(3);
    assertThat(s.get("pages").getAsLong()).isEqualTo(3);
    assertThat(s.get("words").getAsLong()).isEqualTo(6);
    assertThat(s.get("errorRows").getAsLong()).isEqualTo(1);
    try (Stream<Path> parts = Files.list(out.resolve("words"))) {
      assertThat(parts.map(Path::toString)).anyMatch(p -> p.endsWith(".zstd.parquet"));
    }
  }
}
