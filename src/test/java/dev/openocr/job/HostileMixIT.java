package dev.openocr.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.imageio.HostileFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three copies of every hostile file of {@link HostileFiles}, mixed with the sample pages, in one
 * job of the application jar on {@code local[4]} in a JVM of 2 GiB heap, with the shipped models:
 * the job completes, every file has its rows, every good page is read, every hostile file is an
 * error row of the cause its kind should give (or, for an image the decoder samples, an ok row),
 * and no row is an OutOfMemoryError or StackOverflowError caught after the fact. Needs
 * {@code mvn package} first.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class HostileMixIT {
  private static final long JOB_TIMEOUT_MINUTES = 7;
  private static final int COPIES = 3;
  /** Good pages and how many pages each gives. */
  private static final Map<String, Integer> GOOD = Map.of("letter.png", 1, "form.png", 1,
      "invoice.png", 1, "report.tif", 2);
  /** Hostile kinds by file name, and the cause prefix of their error row ("ok" when read). */
  private static final Map<String, String> HOSTILE = new LinkedHashMap<>();

  static {
    HOSTILE.put("strip-bomb.tif", "CORRUPT");
    HOSTILE.put("self-loop.tif", "CORRUPT");
    HOSTILE.put("rle-bomb.bmp", "CORRUPT");
    HOSTILE.put("rgba16.png", "TOO_LARGE");
    HOSTILE.put("deep-content.pdf", "CORRUPT");
    HOSTILE.put("content-bomb.pdf", "TOO_LARGE");
    HOSTILE.put("bad-jpx.pdf", "CORRUPT");
    // 400 MB of pixels, sampled at the page resolution: read, not refused.
    HOSTILE.put("huge-flate.pdf", "ok");
  }

  @Test
  void hostileFilesAmongGoodPagesGiveErrorRowsAndEveryGoodPageIsRead(@TempDir Path tmp)
      throws Exception {
    StandaloneCluster.requireAppJar();
    Path in = tmp.resolve("in");
    writeInputs(in);
    Path out = tmp.resolve("out");
    Path log = tmp.resolve("job.log");

    Process job = launch(in, out, log);
    boolean finished = job.waitFor(JOB_TIMEOUT_MINUTES, TimeUnit.MINUTES);
    if (!finished) {
      job.descendants().forEach(ProcessHandle::destroyForcibly);
      job.destroyForcibly();
      job.waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(finished).as("job finished in time; log:\n%s", tail(log)).isTrue();
    assertThat(job.exitValue()).as("exit code; log:\n%s", tail(log)).isZero();
    // Nor was one thrown in a task that a retry then hid.
    assertThat(Files.readString(log)).as("job log").doesNotContain("OutOfMemoryError")
        .doesNotContain("StackOverflowError");

    Map<String, List<Row>> rows = new LinkedHashMap<>();
    SparkSession spark = LocalSpark.start();
    try {
      for (Row r : spark.read().parquet(out.resolve("pages").toString())
          .selectExpr("regexp_extract(source, '[^/]+$', 0)", "page", "status", "error",
              "word_count")
          .orderBy("page").collectAsList()) {
        rows.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
      }
    } finally {
      spark.stop();
    }

    List<String> names = new ArrayList<>();
    for (int i = 0; i < COPIES; i++) {
      for (String good : GOOD.keySet()) {
        names.add(copy(i, good));
      }
      for (String hostile : HOSTILE.keySet()) {
        names.add(copy(i, hostile));
      }
    }
    assertThat(rows).as("files with rows").containsOnlyKeys(names);
    for (List<Row> file : rows.values()) {
      for (Row r : file) {
        assertThat(String.valueOf(r.getString(3))).as("error of %s", r)
            .doesNotContain("OutOfMemoryError").doesNotContain("StackOverflowError");
      }
    }
    for (int i = 0; i < COPIES; i++) {
      for (Map.Entry<String, Integer> good : GOOD.entrySet()) {
        List<Row> pages = rows.get(copy(i, good.getKey()));
        assertThat(pages).as(good.getKey()).hasSize(good.getValue()).allSatisfy(r -> {
          assertThat(r.getString(2)).as("status of %s", r).isEqualTo("ok");
          assertThat(r.getInt(4)).as("words of %s", r).isGreaterThan(20);
        });
      }
      for (Map.Entry<String, String> hostile : HOSTILE.entrySet()) {
        List<Row> pages = rows.get(copy(i, hostile.getKey()));
        assertThat(pages).as(hostile.getKey()).hasSize(1);
        Row r = pages.get(0);
        if (hostile.getValue().equals("ok")) {
          assertThat(r.getString(2)).as("status of %s", r).isEqualTo("ok");
        } else {
          assertThat(r.getString(2)).as("status of %s", r).isEqualTo("error");
          assertThat(r.getString(3)).as("error of %s", r).startsWith(hostile.getValue() + ": ");
        }
      }
    }
  }

  private static String copy(int i, String name) {
    return "c" + i + "-" + name;
  }

  /** Sizes that would need far more than 2 GiB of heap if a decoder believed them. */
  private static void writeInputs(Path in) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("strip-bomb.tif", HostileFiles.tiffHugeStrip(0x7FFF_FFF0L));
    files.put("self-loop.tif", HostileFiles.tiffSelfLoop());
    files.put("rle-bomb.bmp", HostileFiles.bmpHugeRle());
    files.put("rgba16.png", HostileFiles.png16Rgba(16_000, 10_000));
    files.put("deep-content.pdf", HostileFiles.pdfDeepContent(100_000));
    // 1e9 bytes of content: over the 8e8 a page may decode at the default limits.
    files.put("content-bomb.pdf", HostileFiles.pdfContentBomb(1_000_000_000));
    files.put("bad-jpx.pdf", HostileFiles.pdfImage("JPXDecode", new byte[] {1, 2, 3, 4, 5, 6}));
    files.put("huge-flate.pdf", HostileFiles.pdfHugeFlateImage(20_000));
    for (String good : GOOD.keySet()) {
      files.put(good, Files.readAllBytes(Path.of("samples", good)));
    }
    assertThat(files.keySet()).containsAll(HOSTILE.keySet());
    for (int i = 0; i < COPIES; i++) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        TestInputs.write(in.resolve(copy(i, f.getKey())), f.getValue());
      }
    }
  }

  /** The command line's run, as submit/openocr starts it, in a JVM of 2 GiB heap. */
  private static Process launch(Path in, Path out, Path log) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(StandaloneCluster.jvmFlags().split(" ")));
    cmd.addAll(List.of("-Xmx2g", "-Djava.awt.headless=true", "-Dai.djl.offline=true",
        "-Dlog4j2.configurationFile=" + Path.of("conf/log4j2.properties").toAbsolutePath(),
        "-cp", StandaloneCluster.APP_JAR + File.pathSeparator
            + Files.readString(StandaloneCluster.CLASSPATH).strip(),
        "dev.openocr.cli.Main", "run", "--master", "local[4]", "--input", in.toString(),
        "--output", out.toString(), "--mode", "overwrite"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb.start();
  }

  private static String tail(Path log) throws IOException {
    return StandaloneCluster.tail(Files.exists(log) ? Files.readString(log) : "");
  }
}
