package dev.openocr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.imageio.TestImages;
import dev.openocr.spark.TestEngines;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code query --sql} without {@code --output}: {@code ocr(content)} over a binaryFile table
 * reads what {@code run} wrote for the same files. Each command starts and stops its session.
 */
class QuerySqlTest {
  /** What every command of this test passes: the test engine, small PDFs, a small local Spark. */
  private static final List<String> COMMON = List.of("--master", "local[2]",
      "--conf", "spark.ui.enabled=false", "--conf", "spark.sql.shuffle.partitions=4",
      "--conf", "openocr.pdf.dpi=100",
      "--conf", "openocr.engine.factory=" + TestEngines.Blobs.class.getName());

  @Test
  void ocrOverBinaryFilesGivesTheRunsPages(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    Files.write(in.resolve("scan.png"), TestImages.png(TestImages.page(320, 160, 3)));
    Files.write(in.resolve("multi.tif"), TestImages.tiff(
        List.of(TestImages.page(200, 100, 1), TestImages.page(200, 100, 2))));
    Files.write(in.resolve("doc.pdf"), TestImages.pdf(1, null));
    Files.write(in.resolve("bad.png"), new byte[] {9, 9, 9});
    Path out = tmp.resolve("out");
    assertThat(command("run", "--input", in.toString(), "--output", out.toString())).isEmpty();

    List<String> fromRun = command("query", "--output", out.toString(), "--format", "csv",
        "--sql", "SELECT regexp_extract(source, '[^/]+$', 0) AS name, page, status, "
            + "substring_index(error, ':', 1) AS cause, width, text, word_count FROM pages "
            + "ORDER BY name, page");
    List<String> fromFunction = command("query", "--format", "csv", "--sql",
        "SELECT regexp_extract(path, '[^/]+$', 0) AS name, p.page, p.status, "
            + "substring_index(p.error, ':', 1) AS cause, p.width, p.text, p.word_count "
            + "FROM (SELECT path, explode(ocr(content)) AS p FROM binaryFile.`" + in + "`) "
            + "ORDER BY name, page");

    // A6 at 100 dpi is 413 px wide: the --conf setting reached both.
    assertThat(fromRun).hasSize(6).contains("bad.png,0,error,UNSUPPORTED_FORMAT,,,0",
        "multi.tif,1,ok,,200,w84 w106,2", "doc.pdf,0,ok,,413,w208,1");
    assertThat(fromFunction).isEqualTo(fromRun);
  }

  /** The lines {@code openocr ARGS COMMON} printed; asserts it exited 0. */
  private static List<String> command(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(COMMON);
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    int code;
    try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8)) {
      System.setOut(po);
      code = Main.execute(all.toArray(new String[0]));
    } finally {
      System.setOut(stdout);
    }
    String printed = o.toString(StandardCharsets.UTF_8);
    assertThat(code).as(printed).isZero();
    return args[0].equals("run") ? List.of() : printed.lines().toList();
  }
}
