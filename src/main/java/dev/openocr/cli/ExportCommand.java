package dev.openocr.cli;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.export.ExportFormat;
import dev.openocr.export.ExportNames;
import dev.openocr.export.Exporter;
import dev.openocr.export.PageExporter;
import dev.openocr.job.Driver;
import dev.openocr.job.RunOutput;
import dev.openocr.job.StoredPage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code openocr export}: one file per page, or a searchable PDF per source, in a local folder. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Write one file per page (named after the source stem) into a local folder,",
        "or with --format pdf one searchable PDF per source file: each page the scan read from "
        + "its source URI with the recognized words as invisible text. Exit code 1 when a page "
        + "with words could not get its image."})
public final class ExportCommand implements Callable<Integer> {
  /** The format that writes one document per source instead of one file per page. */
  static final String PDF = "pdf";
  /** Exit code when some pages with words were written without their image. */
  static final int SOME_PAGES_FAILED = 1;

  @Option(names = "--output", required = true, paramLabel = "URI", description = "A run's output.")
  String output;

  @Option(names = "--format", defaultValue = "json",
      description = "Export format: json, hocr, alto, txt or pdf (default: json).")
  String format;

  @Option(names = "--to", required = true, paramLabel = "DIR", description = "Local folder.")
  Path to;

  @Option(names = "--pdf-dpi", paramLabel = "DPI",
      defaultValue = "" + OcrJobConfig.PDF_DPI_DEFAULT,
      description = "With --format pdf: the dpi the run rendered PDF sources at, and the "
          + "resolution of the exported pages (pixels x 72 / DPI points). Default: "
          + "${DEFAULT-VALUE}.")
  int pdfDpi;

  @Option(names = "--font", paramLabel = "TTF",
      description = "With --format pdf: a TrueType font for the text, tried before DejaVu Sans "
          + "and NanumGothic; repeatable.")
  List<Path> fonts = new ArrayList<>();

  @Option(names = "--master", paramLabel = "M", description = "Spark master (default local[*]).")
  String master;

  @Override
  public Integer call() throws IOException {
    boolean pdf = format.trim().equalsIgnoreCase(PDF);
    PageExporter exporter = pdf ? null : pageExporter(format);
    try (Driver driver = Driver.start("openocr export", master, Map.of("spark.ui.enabled",
        "false"))) {
      RunOutput run = driver.output(output);
      if (!pdf) {
        int n = export(run, exporter, to);
        System.out.println("Exported " + n + " pages to " + to);
        return 0;
      }
      PdfExport.Outcome o = new PdfExport(pdfDpi, fonts).export(run, to);
      o.notExported().forEach(m -> System.err.println("not exported: " + m));
      o.warnings().forEach(m -> System.err.println("warning: " + m));
      System.out.printf(Locale.ROOT, "Exported %d pages of %d sources to %s as PDF%n", o.pages(),
          o.files(), to);
      return o.failed() ? SOME_PAGES_FAILED : 0;
    }
  }

  private static PageExporter pageExporter(String name) {
    List<String> known = new ArrayList<>();
    for (ExportFormat f : ExportFormat.values()) {
      if (f.name().equalsIgnoreCase(name.trim())) {
        return f.exporter();
      }
      known.add(f.name().toLowerCase(Locale.ROOT));
    }
    known.add(PDF);
    throw new IllegalArgumentException("Unknown export format: " + name + " (known: "
        + String.join(", ", known) + ")");
  }

  /**
   * Writes every ok page of a run into the local folder {@code dir}, one file per page named by
   * {@link ExportNames}; returns the number of files.
   */
  public static int export(RunOutput run, PageExporter exporter, Path dir) throws IOException {
    Path root = dir.toAbsolutePath().normalize();
    Files.createDirectories(root);
    ExportNames names = new ExportNames();
    int n = 0;
    for (Iterator<StoredPage> pages = run.pages(); pages.hasNext(); ) {
      StoredPage p = pages.next();
      if (!p.ok()) {
        continue;
      }
      String source = p.ref().source();
      int page = p.ref().page();
      Path file = root.resolve(names.fileName(source, page, exporter.extension())).normalize();
      if (!file.getParent().equals(root)) {
        throw new IllegalStateException("Refusing to write outside " + root + ": " + file);
      }
      if (exporter instanceof Exporter paged) {
        // Formats that record the page number (hOCR, ALTO) get it.
        try (OutputStream o = Files.newOutputStream(file)) {
          paged.write(ExportNames.imageName(source), page, p.result(), o);
        }
      } else {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          exporter.write(w, ExportNames.imageName(source), p.result());
        }
      }
      n++;
    }
    return n;
  }
}
