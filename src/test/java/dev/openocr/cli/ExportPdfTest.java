package dev.openocr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.geometry.Box;
import dev.openocr.imageio.GrayImage;
import dev.openocr.imageio.ImageDecoder;
import dev.openocr.imageio.TestImages;
import dev.openocr.job.RunOutput;
import dev.openocr.spark.SlowDetector;
import dev.openocr.spark.TestEngines;
import dev.openocr.testing.Commands;
import dev.openocr.testing.Pdftotext;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --format pdf} over a run: one searchable PDF per source, its pages the scans
 * read from the sources, the {@code words} table's words as text on the right pages, in reading
 * order and in their boxes; pages the run could not read keep their image without text.
 */
class ExportPdfTest {
  /** The run renders PDFs small; the export is told the same, and pages are that resolution. */
  private static final int DPI = 100;
  private static final double POINTS_PER_PIXEL = 72.0 / DPI;
  /** Overlap of pdftotext's box and the word's box in points (measured 1.00 on upright words). */
  private static final double MIN_IOU = 0.99;
  /** Largest difference of a rendered pixel from the scan's, of 255. */
  private static final int PIXEL_TOLERANCE = 8;

  @TempDir
  static Path tmp;
  private static Path in;
  private static Path pdfs;
  private static Commands.Result export;
  /** Per source file name and page: the words table's lines in reading order. */
  private static final Map<String, List<String>> lines = new LinkedHashMap<>();
  /** Per source file name and page: the words with their boxes, in pixels. */
  private static final Map<String, List<Row>> words = new LinkedHashMap<>();

  @BeforeAll
  static void runAndExport() throws Exception {
    in = tmp.resolve("in");
    Files.createDirectories(in);
    Files.write(in.resolve("scan.png"), TestImages.png(TestImages.page(320, 160, 9)));
    // The middle page runs out of time and the one after it is skipped: two error pages.
    Files.write(in.resolve("multi.tif"), TestImages.tiff(List.of(TestImages.page(300, 120, 4),
        TestImages.page(SlowDetector.SLOW_WIDTH, 100, 3), TestImages.page(300, 120, 5))));
    Files.write(in.resolve("doc.pdf"), TestImages.pdf(1, null));
    Files.write(in.resolve("bad.png"), new byte[] {9, 9, 9});
    Path out = tmp.resolve("out");
    assertThat(Main.execute("run", "--input", in.toString(), "--output", out.toString(),
        "--master", "local[2]", "--conf", "spark.ui.enabled=false",
        "--conf", "spark.sql.shuffle.partitions=4", "--conf", "openocr.pdf.dpi=" + DPI,
        "--conf", "openocr.limit.page-seconds=1",
        "--conf", "openocr.engine.factory=" + TestEngines.Slow.class.getName())).isZero();
    SparkSession spark = SparkSession.builder().master("local[2]").appName("export-pdf-test")
        .config("spark.ui.enabled", "false").getOrCreate();
    try {
      new RunOutput(spark, out.toString());
      for (Row r : spark.sql("SELECT source, page, block, line, text, left, top, right, bottom "
          + "FROM words ORDER BY source, page, block, line, word").collectAsList()) {
        String key = name(r.getString(0)) + "#" + r.getInt(1);
        words.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
      }
    } finally {
      spark.stop();
    }
    words.forEach((key, ws) -> lines.put(key, ws.stream().collect(Collectors.groupingBy(
        w -> w.getInt(2) * 10_000 + w.getInt(3), java.util.TreeMap::new,
        Collectors.mapping(w -> w.getString(4), Collectors.joining(" ")))).values().stream()
        .toList()));
    pdfs = tmp.resolve("pdf");
    export = Commands.run("export", "--output", out.toString(), "--format", "pdf", "--to",
        pdfs.toString(), "--pdf-dpi", "" + DPI, "--master", "local[2]");
  }

  @Test
  void onePdfPerReadableSourceWithItsPagesInOrder() throws Exception {
    assertThat(export.code()).as(export.err()).isZero();
    try (Stream<Path> files = Files.list(pdfs)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("scan.pdf", "multi.pdf", "doc.pdf");
    }
    assertThat(export.err()).containsPattern("not exported: \\S*bad.png: no page could be read "
        + "\\(the run: UNSUPPORTED_FORMAT");
    assertThat(export.out()).contains("Exported 5 pages of 3 sources to " + pdfs);
    for (String source : List.of("scan.png", "multi.tif", "doc.pdf")) {
      List<GrayImage> scans = scans(source);
      try (PDDocument d = Loader.loadPDF(pdf(source).toFile())) {
        assertThat(d.getNumberOfPages()).as(source).isEqualTo(scans.size());
        for (int p = 0; p < scans.size(); p++) {
          GrayImage scan = scans.get(p);
          assertThat(d.getPage(p).getMediaBox().getWidth())
              .isCloseTo((float) (scan.width() * POINTS_PER_PIXEL), org.assertj.core.data
                  .Offset.offset(0.01f));
          assertThat(differingPixels(d, p, scan)).as("%s page %d", source, p).isZero();
        }
      }
    }
  }

  @Test
  void pdfboxReadsEachPagesLinesInReadingOrder() throws Exception {
    for (String source : List.of("scan.png", "multi.tif", "doc.pdf")) {
      try (PDDocument d = Loader.loadPDF(pdf(source).toFile())) {
        for (int p = 0; p < d.getNumberOfPages(); p++) {
          PDFTextStripper stripper = new PDFTextStripper();
          stripper.setStartPage(p + 1);
          stripper.setEndPage(p + 1);
          List<String> got = stripper.getText(d).lines().map(String::strip)
              .filter(l -> !l.isEmpty()).toList();
          assertThat(got).as("%s page %d", source, p)
              .isEqualTo(lines.getOrDefault(source + "#" + p, List.of()));
        }
      }
    }
    // The error pages of multi.tif have no words; the others do.
    assertThat(lines).containsOnlyKeys("scan.png#0", "multi.tif#0", "doc.pdf#0");
  }

  @Test
  void pdftotextFindsEveryWordOnItsPageInItsBox() throws Exception {
    Pdftotext.require();
    int checked = 0;
    for (String source : List.of("scan.png", "multi.tif", "doc.pdf")) {
      List<Pdftotext.Word> found = Pdftotext.words(pdf(source));
      for (int p = 0; p < scans(source).size(); p++) {
        int page = p;
        List<Row> expected = words.getOrDefault(source + "#" + p, List.of());
        List<Pdftotext.Word> onPage = found.stream().filter(f -> f.page() == page).toList();
        assertThat(onPage.stream().map(Pdftotext.Word::text).sorted())
            .as("%s page %d", source, p)
            .containsExactlyElementsOf(expected.stream().map(w -> w.getString(4)).sorted()
                .toList());
        for (Row w : expected) {
          Box box = new Box(w.getDouble(5) * POINTS_PER_PIXEL, w.getDouble(6) * POINTS_PER_PIXEL,
              w.getDouble(7) * POINTS_PER_PIXEL, w.getDouble(8) * POINTS_PER_PIXEL);
          double best = onPage.stream().filter(f -> f.text().equals(w.getString(4)))
              .mapToDouble(f -> box.iou(new Box(f.xMin(), f.yMin(), f.xMax(), f.yMax())))
              .max().orElse(0);
          assertThat(best).as("%s page %d %s", source, p, w).isGreaterThan(MIN_IOU);
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(words.values().stream().mapToInt(List::size).sum())
        .isGreaterThan(5);
  }

  private static Path pdf(String source) {
    return pdfs.resolve(source.replaceAll("\\..*", "") + ".pdf");
  }

  private static String name(String uri) {
    return uri.substring(uri.lastIndexOf('/') + 1);
  }

  /** The source's pages decoded as the run decoded them. */
  private static List<GrayImage> scans(String source) throws Exception {
    return ImageDecoder.decodeAll(Files.readAllBytes(in.resolve(source)), source,
        RunOutput.limits(DPI));
  }

  /** Pixels of page {@code p} rendered at the run's resolution that differ from the scan. */
  private static int differingPixels(PDDocument d, int p, GrayImage scan) throws Exception {
    BufferedImage shown = new PDFRenderer(d).renderImageWithDPI(p, DPI, ImageType.GRAY);
    // Points to pixels may round down a pixel.
    assertThat(shown.getWidth()).isBetween(scan.width() - 1, scan.width());
    assertThat(shown.getHeight()).isBetween(scan.height() - 1, scan.height());
    int differ = 0;
    for (int y = 0; y < shown.getHeight(); y++) {
      for (int x = 0; x < shown.getWidth(); x++) {
        int a = shown.getRaster().getSample(x, y, 0);
        differ += Math.abs(a - scan.get(x, y)) > PIXEL_TOLERANCE ? 1 : 0;
      }
    }
    return differ;
  }
}
