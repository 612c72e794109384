package dev.openocr.cli;

import dev.openocr.document.Page;
import dev.openocr.engine.OcrEngine;
import dev.openocr.engine.OcrSession;
import dev.openocr.export.Overlay;
import dev.openocr.export.PageJson;
import dev.openocr.imageio.GrayImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        + "pages with the lowest mean confidence."})
final class RenderCommand implements Callable<Integer> {
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

  @Option(names = "--min-confidence", defaultValue = "0",
      description = "Leave out words below this confidence (0..1).")
  double minConfidence;

  @Option(names = "--no-text", description = "Draw boxes only.")
  boolean noText;

  @Mixin
  EngineArgs engine;

  @Override
  public Integer call() throws IOException {
    if (pagesDir != null) {
      if (imagesDir == null || toDir == null || image != null) {
        throw new IllegalArgumentException("--pages needs --images and --to, and no IMAGE");
      }
      RenderBatch batch = new RenderBatch(minConfidence, !noText);
      batch.render(pagesDir, imagesDir, toDir, lowest).forEach(System.out::println);
      return 0;
    }
    if (image == null || out == null) {
      throw new IllegalArgumentException("Give IMAGE and -o PNG, or --pages, --images and --to");
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
