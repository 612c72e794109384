package dev.openocr.cli;

import dev.openocr.export.ExportNames;
import dev.openocr.export.PdfFonts;
import dev.openocr.export.SearchablePdf;
import dev.openocr.imageio.DecodeException;
import dev.openocr.imageio.DecodeLimits;
import dev.openocr.imageio.PageSource;
import dev.openocr.job.RunOutput;
import dev.openocr.job.StoredPage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code export --format pdf}: one searchable PDF per source file of a run, its pages in the
 * source's order, each the scan (read from the source URI and decoded as the job decodes it) with
 * the page's words as invisible text. An error page gets its image when it can be read, and no
 * text; a page with words whose image cannot be read keeps its text on a blank page.
 */
final class PdfExport {
  /** Documents and pages written, and what the user should know. */
  record Outcome(int files, int pages, List<String> notExported, List<String> warnings,
                 boolean failed) {}

  private final double dpi;
  private final DecodeLimits limits;
  private final List<Path> fonts;
  private final List<String> notExported = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private boolean failed;

  /**
   * @param pdfDpi the dpi the run rendered PDF sources at, also the exported pages' resolution
   * @param fonts TrueType fonts tried before the system ones
   */
  PdfExport(int pdfDpi, List<Path> fonts) {
    this.dpi = pdfDpi;
    this.limits = RunOutput.limits(pdfDpi);
    this.fonts = List.copyOf(fonts);
  }

  /** Writes the PDFs into the local folder {@code dir}, named like the exports. */
  Outcome export(RunOutput run, Path dir) throws IOException {
    Path root = dir.toAbsolutePath().normalize();
    Files.createDirectories(root);
    ExportNames names = new ExportNames();
    int files = 0;
    int pages = 0;
    try (PdfFonts pdfFonts = PdfFonts.open(fonts)) {
      Iterator<StoredPage> rows = run.pages();
      StoredPage next = rows.hasNext() ? rows.next() : null;
      while (next != null) {
        // Rows come by source and page, a page's ok row first: one document per source.
        String source = next.ref().source();
        List<StoredPage> doc = new ArrayList<>();
        for (; next != null && next.ref().source().equals(source);
             next = rows.hasNext() ? rows.next() : null) {
          if (doc.isEmpty() || doc.get(doc.size() - 1).ref().page() != next.ref().page()) {
            doc.add(next);
          }
        }
        Path file = root.resolve(names.fileName(source, 0, ExportCommand.PDF)).normalize();
        if (!file.getParent().equals(root)) {
          throw new IllegalStateException("Refusing to write outside " + root + ": " + file);
        }
        int written = write(run, source, doc, pdfFonts, file);
        files += written > 0 ? 1 : 0;
        pages += written;
      }
      if (!pdfFonts.missing().isEmpty()) {
        warnings.add("characters no font has were written as '?': " + pdfFonts.missing().stream()
            .map(cp -> String.format("U+%04X", cp)).collect(Collectors.joining(" ")));
      }
    }
    return new Outcome(files, pages, notExported, warnings, failed);
  }

  /** Writes one source's document; returns its page count, 0 when no page could be written. */
  private int write(RunOutput run, String source, List<StoredPage> doc, PdfFonts pdfFonts,
      Path file) throws IOException {
    PageSource images = null;
    String unreadable = null;
    try (SearchablePdf pdf = new SearchablePdf(pdfFonts)) {
      try {
        images = run.open(source, limits);
      } catch (IOException | DecodeException | RuntimeException e) {
        unreadable = e.getMessage();
      }
      for (StoredPage p : doc) {
        BufferedImage image = null;
        if (images != null) {
          try {
            image = image(images, p.ref().page());
          } catch (DecodeException | RuntimeException e) {
            unreadable = e.getMessage();
          }
        }
        if (image == null && !p.ok()) {
          // The run could not read it either: nothing to show.
          continue;
        }
        if (image == null) {
          failed = true;
          warnings.add(p.ref() + ": written without its image: " + unreadable);
        }
        int width = p.ok() ? p.result().width() : image.getWidth();
        int height = p.ok() ? p.result().height() : image.getHeight();
        if (image != null && (image.getWidth() != width || image.getHeight() != height)) {
          // A PDF rendered at another dpi than the run's, or a file changed since the run.
          warnings.add(String.format(Locale.ROOT, "%s is %dx%d now but was %dx%d in the run; "
              + "scaled to fit", p.ref(), image.getWidth(), image.getHeight(), width, height));
        }
        pdf.addPage(width, height, dpi, image, p.ok() ? p.result() : null);
      }
      if (pdf.pageCount() == 0) {
        notExported.add(source + ": no page could be read (the run: " + doc.get(0).error() + ")");
        return 0;
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        pdf.save(out);
      }
      return pdf.pageCount();
    } finally {
      if (images != null) {
        images.close();
      }
    }
  }

  /** Page {@code index} of the source as a gray image. */
  private static BufferedImage image(PageSource images, int index) throws DecodeException {
    if (index < 0 || index >= images.pageCount()) {
      throw new IllegalArgumentException("no page " + index + " in the source (it has "
          + images.pageCount() + ")");
    }
    return images.page(index).toBufferedImage();
  }
}
