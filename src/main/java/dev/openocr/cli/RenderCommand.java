package dev.openocr.cli;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.document.Page;
import dev.openocr.engine.OcrEngine;
import dev.openocr.engine.OcrSession;
import dev.openocr.export.Overlay;
import dev.openocr.export.PageJson;
import dev.openocr.imageio.GrayImage;
import dev.openocr.job.Driver;
import dev.openocr.job.RunOutput;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code openocr render}: draws recognized words (boxes coloured by confidence) on pages. */
@Command(name = "render", mixinStandardHelpOptions = true,
    description = {"Draws word boxes coloured by confidence (red low, green high) and their text "
        + "over page images and writes PNGs.",
        "One page: IMAGE -o PNG, words from --page JSON or from running the engine.",
        "Many pages: --pages DIR (json exports) --images DIR --to DIR [--lowest N] draws the N "
        + "pages with the lowest mean confidence.",
        "From a run: --output URI --to DIR [--sql QUERY] draws the pages a query over the views "
        + "pages and words returns (columns source and page; default: the --lowest N), images "
        + "read from their source URIs. Exit code 1 when any page could not be drawn."})
final class RenderCommand implements Callable<Integer> {
  /** Exit code when some selected pages could not be drawn (the others were). */
  static final int SOME_PAGES_FAILED = 1;

  @Parameters(index = "0", arity = "0..1", paramLabel = "IMAGE",
      description = "Page image: PNG, JPEG, BMP, GIF, TIFF.")
  Path image;

  @Option(names = "--page", paramLabel = "JSON", description = "Page JSON (the json export).")
  Path pageJson;

  @Option(names = {"-o", "--out"}, paramLabel = "PNG", description = "Output PNG.")
  Path out;

  @Option(names = "--pages", paramLabel = "DIR", description = "Folder of page JSON exports.")
  Path pagesDir;

  @Option(names = "--images", paramLabel = "DIR", description = "Folder of the source images.")
  Path imagesDir;

  @Option(names = "--to", paramLabel = "DIR", description = "Folder for the overlay PNGs.")
  Path toDir;

  @Option(names = "--lowest", paramLabel = "N", defaultValue = "20",
      description = "How many pages, lowest mean confidence first. Default: ${DEFAULT-VALUE}.")
  int lowest;

  @Option(names = "--output", paramLabel = "URI", description = "A run's output (Parquet).")
  String output;

  @Option(names = "--sql", paramLabel = "QUERY",
      description = "With --output: Spark SQL over pages and words returning source and page.")
  String sql;

  @Option(names = "--pdf-dpi", paramLabel = "DPI",
      defaultValue = "" + OcrJobConfig.PDF_DPI_DEFAULT,
      description = "With --output: the dpi the run rendered PDFs at. Default: ${DEFAULT-VALUE}.")
  int pdfDpi;

  @Option(names = "--master", paramLabel = "M", description = "Spark master (default local[*]).")
  String master;

  @Option(names = "--min-confidence", defaultValue = "0",
      description = "Leave out words below this confidence (0..1).")
  double minConfidence;

  @Option(names = "--no-text", description = "Draw boxes only.")
  boolean noText;

  @Mixin
  EngineArgs engine;

  @Override
  public Integer call() throws IOException {
    if (output != null) {
      if (toDir == null || image != null || pagesDir != null) {
        throw new IllegalArgumentException("--output needs --to, and no IMAGE or --pages");
      }
      return renderQuery();
    }
    if (sql != null) {
      throw new IllegalArgumentException("--sql needs --output (the run to query)");
    }
    if (pagesDir != null) {
      if (imagesDir == null || toDir == null || image != null) {
        throw new IllegalArgumentException("--pages needs --images and --to, and no IMAGE");
      }
      RenderBatch batch = new RenderBatch(minConfidence, !noText);
      batch.render(pagesDir, imagesDir, toDir, lowest).forEach(System.out::println);
      return 0;
    }
    if (image == null || out == null) {
      throw new IllegalArgumentException(
          "Give IMAGE and -o PNG, or --pages, --images and --to, or --output and --to");
    }
    BufferedImage img = RenderBatch.readImage(image, 0);
    Page page = pageJson != null ? readPage(pageJson) : ocr(img);
    if (page.width() != img.getWidth() || page.height() != img.getHeight()) {
      System.err.printf("warning: page is %dx%d but %s is %dx%d%n", page.width(), page.height(),
          image, img.getWidth(), img.getHeight());
    }
    BufferedImage drawn = Overlay.draw(img, page, minConfidence, !noText);
    try (OutputStream os = Files.newOutputStream(out)) {
      Overlay.writePng(drawn, os);
    }
    System.out.printf("%s: %d words, mean confidence %.3f -> %s%n", image, page.words().size(),
        page.meanConfidence(), out);
    return 0;
  }

  private int renderQuery() throws IOException {
    String query = sql != null ? sql : RunOutput.lowest(lowest);
    RenderQuery renderer = new RenderQuery(minConfidence, !noText, pdfDpi);
    RenderQuery.Outcome outcome;
    try (Driver driver = Driver.start("openocr render", master, Map.of("spark.ui.enabled",
        "false"))) {
      outcome = renderer.render(driver.output(output), query, toDir);
    }
    outcome.written().forEach(System.out::println);
    outcome.failed().forEach(f -> System.err.println("not drawn: " + f));
    System.out.printf("%d pages drawn into %s, %d not drawn%n", outcome.written().size(), toDir,
        outcome.failed().size());
    return outcome.failed().isEmpty() ? 0 : SOME_PAGES_FAILED;
  }

  private static Page readPage(Path json) throws IOException {
    try (Reader r = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
      return PageJson.read(r, json.toString());
    }
  }

  private Page ocr(BufferedImage img) {
    try (OcrEngine e = OcrEngine.load(engine.options(Runtime.getRuntime().availableProcessors()));
         OcrSession s = e.session()) {
      return s.ocr(GrayImage.fromBufferedImage(img));
    }
  }
}
