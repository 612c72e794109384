package dev.openocr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.export.Overlay;
import dev.openocr.imageio.DecodeLimits;
import dev.openocr.imageio.GrayImage;
import dev.openocr.imageio.ImageDecoder;
import dev.openocr.imageio.TestImages;
import dev.openocr.spark.TestEngines;
import dev.openocr.testing.Commands;
import dev.openocr.testing.Commands.Result;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render --output}: pages a SQL query selects from a run are drawn over their source
 * images. Each command starts and stops its own Spark session, so the test opens one only
 * between commands, to read what the run wrote.
 */
class RenderQueryTest {
  /** The run renders PDFs small; render must be told the same. */
  private static final String PDF_DPI = "100";
  /** Largest difference between the channels of a pixel still counted as gray. */
  private static final int GRAY_SPREAD = 40;

  @TempDir
  static Path tmp;
  private static Path in;
  private static Path out;

  @BeforeAll
  static void runJob() throws Exception {
    in = tmp.resolve("in");
    Files.createDirectories(in);
    Files.write(in.resolve("scan.png"), TestImages.png(TestImages.page(320, 160, 9)));
    Files.write(in.resolve("multi.tif"), TestImages.tiff(
        List.of(TestImages.page(300, 120, 2), TestImages.page(300, 120, 5))));
    Files.write(in.resolve("doc.pdf"), TestImages.pdf(1, null));
    Files.write(in.resolve("bad.png"), new byte[] {9, 9, 9});
    out = tmp.resolve("out");
    assertThat(job(in, out)).isZero();
  }

  @Test
  void drawsThePagesAQuerySelectsNamedLikeTheExports() throws Exception {
    Path to = tmp.resolve("selected");
    Result r = render("--output", out.toString(), "--sql", "SELECT p.source, p.page, "
        + "count(*) AS n FROM pages p JOIN words w ON p.source = w.source AND p.page = w.page "
        + "GROUP BY p.source, p.page ORDER BY n DESC", "--to", to.toString(),
        "--pdf-dpi", PDF_DPI);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(files(to)).containsExactlyInAnyOrder("scan.overlay.png", "multi.overlay.png",
        "multi-p1.overlay.png", "doc.overlay.png");
    assertThat(r.out()).contains("4 pages drawn");
    List<Row> words = withSpark(spark -> spark.read().parquet(out + "/words")
        .select("source", "page", "left", "top", "bottom", "width", "height", "confidence")
        .collectAsList());
    assertThat(words).hasSizeGreaterThan(10);
    for (Row w : words) {
      String source = w.getString(0);
      int page = w.getInt(1);
      String stem = source.replaceAll(".*/", "").replaceAll("\\..*", "");
      BufferedImage drawn = ImageIO.read(to.resolve(stem + (page > 0 ? "-p" + page : "")
          + ".overlay.png").toFile());
      GrayImage original = ImageDecoder.decodeAll(Files.readAllBytes(in.resolve(
          source.replaceAll(".*/", ""))), source, pdfLimits()).get(page);
      assertThat(drawn.getWidth()).isEqualTo(w.getInt(5)).isEqualTo(original.width());
      assertThat(drawn.getHeight()).isEqualTo(w.getInt(6)).isEqualTo(original.height());
      // The outline on the word's left edge has the confidence's colour, not the page's gray.
      int x = (int) Math.round(w.getDouble(2));
      int y = (int) Math.round((w.getDouble(3) + w.getDouble(4)) / 2);
      Color c = new Color(drawn.getRGB(x, y));
      Color expected = Overlay.colour(w.getDouble(7));
      int spread = Math.max(Math.abs(c.getRed() - c.getGreen()),
          Math.max(Math.abs(c.getGreen() - c.getBlue()), Math.abs(c.getRed() - c.getBlue())));
      assertThat(spread).as("colour of %s page %d at %d,%d", source, page, x, y)
          .isGreaterThan(GRAY_SPREAD);
      assertThat(Math.abs(c.getRed() - expected.getRed())).isLessThan(60);
      assertThat(Math.abs(c.getGreen() - expected.getGreen())).isLessThan(60);
    }
    // Far from the words the page is as it was.
    BufferedImage scan = ImageIO.read(to.resolve("scan.overlay.png").toFile());
    BufferedImage source = ImageIO.read(in.resolve("scan.png").toFile());
    for (int y = 120; y < scan.getHeight(); y++) {
      for (int x = 0; x < scan.getWidth(); x++) {
        assertThat(scan.getRGB(x, y) & 0xffffff).isEqualTo(source.getRGB(x, y) & 0xffffff);
      }
    }
  }

  @Test
  void withoutSqlDrawsTheLowestMeanConfidencePages() throws Exception {
    List<String> lowest = withSpark(spark -> spark.read().parquet(out + "/pages")
        .filter("status = 'ok'").orderBy("mean_confidence", "source", "page").limit(2)
        .collectAsList().stream().map(p -> p.getString(0).replaceAll(".*/", "")
            .replaceAll("\\..*", "") + (p.getInt(1) > 0 ? "-p" + p.getInt(1) : "")
            + ".overlay.png").toList());
    Path to = tmp.resolve("lowest");

    Result r = render("--output", out.toString(), "--to", to.toString(), "--lowest", "2",
        "--pdf-dpi", PDF_DPI);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(files(to)).containsExactlyInAnyOrderElementsOf(lowest);
  }

  @Test
  void aQueryWithoutASourceColumnFailsAndSaysWhy() throws Exception {
    Path to = tmp.resolve("nosource");
    Result r = render("--output", out.toString(), "--sql", "SELECT page, word_count FROM pages",
        "--to", to.toString());

    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("The query must return the columns source and page",
        "[page, word_count]");
    assertThat(to).doesNotExist();
  }

  @Test
  void anUnreadableSourceIsReportedAndTheOtherPagesAreDrawn() throws Exception {
    Path in2 = tmp.resolve("in2");
    Files.createDirectories(in2);
    Files.write(in2.resolve("kept.png"), TestImages.png(TestImages.page(200, 100, 3)));
    Files.write(in2.resolve("moved.png"), TestImages.png(TestImages.page(200, 100, 4)));
    Files.write(in2.resolve("broken.png"), new byte[] {1, 2, 3});
    Path out2 = tmp.resolve("out2");
    assertThat(job(in2, out2)).isZero();
    Files.delete(in2.resolve("moved.png"));
    Path to = tmp.resolve("partial");

    Result r = render("--output", out2.toString(), "--sql",
        "SELECT source, page FROM pages ORDER BY source", "--to", to.toString());

    assertThat(r.code()).isEqualTo(RenderCommand.SOME_PAGES_FAILED);
    assertThat(files(to)).containsExactly("kept.overlay.png");
    assertThat(r.err()).containsPattern("not drawn: \\S*moved.png page 0: source not readable")
        .containsPattern("not drawn: \\S*broken.png page 0: the run could not read this page");
    assertThat(r.out()).contains("1 pages drawn", "2 not drawn");
  }

  /** Runs the job with the pure-Java test engine; the command stops its own session. */
  private static int job(Path input, Path output) {
    return Main.execute("run", "--input", input.toString(), "--output", output.toString(),
        "--master", "local[2]", "--conf", "spark.ui.enabled=false",
        "--conf", "spark.sql.shuffle.partitions=4", "--conf", "openocr.pdf.dpi=" + PDF_DPI,
        "--conf", "openocr.engine.factory=" + TestEngines.Blobs.class.getName());
  }

  /** {@code openocr render ARGS} with standard output and error captured. */
  private static Result render(String... args) {
    List<String> all = new ArrayList<>(List.of("render", "--master", "local[2]"));
    all.addAll(List.of(args));
    return Commands.run(all.toArray(new String[0]));
  }

  /** A session for reading the run's tables, stopped before the next command starts one. */
  private static <T> T withSpark(Function<SparkSession, T> f) {
    SparkSession spark = SparkSession.builder().master("local[2]").appName("render-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
    try {
      return f.apply(spark);
    } finally {
      spark.stop();
    }
  }

  private static DecodeLimits pdfLimits() {
    return new DecodeLimits(DecodeLimits.MAX_FILE_BYTES_DEFAULT, DecodeLimits.MAX_PIXELS_DEFAULT,
        DecodeLimits.MAX_PAGES_DEFAULT, Integer.parseInt(PDF_DPI));
  }

  private static List<String> files(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
