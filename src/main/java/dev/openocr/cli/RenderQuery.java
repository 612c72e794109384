package dev.openocr.cli;

import dev.openocr.document.Page;
import dev.openocr.export.ExportNames;
import dev.openocr.export.Overlay;
import dev.openocr.imageio.DecodeException;
import dev.openocr.imageio.DecodeLimits;
import dev.openocr.imageio.GrayImage;
import dev.openocr.imageio.PageSource;
import dev.openocr.imageio.Resize;
import dev.openocr.job.OcrJob;
import dev.openocr.job.PageRef;
import dev.openocr.job.RunOutput;
import dev.openocr.job.StoredPage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Overlays for the pages a SQL query over a run's output selects. The query runs against the
 * {@code pages} and {@code words} views and must return the columns {@code source} and
 * {@code page}; each selected page's words come from the {@code pages} table and its image from
 * the source URI (any Hadoop file system), decoded as the job decodes it. One PNG per page,
 * named like the exports ({@code scan-p1.overlay.png}). A page that cannot be drawn is reported
 * and the others are still drawn.
 */
final class RenderQuery {
  /** File extension of an overlay, after the export name's stem. */
  static final String EXTENSION = "overlay.png";

  /** One line per PNG written ({@code confidence words png}), one message per page not drawn. */
  record Outcome(List<String> written, List<String> failed) {}

  private final double minConfidence;
  private final boolean showText;
  private final DecodeLimits limits;

  /**
   * @param minConfidence words below this confidence (0..1) are left out
   * @param pdfDpi the resolution the run rendered PDF pages at, dots per inch
   */
  RenderQuery(double minConfidence, boolean showText, int pdfDpi) {
    this.minConfidence = minConfidence;
    this.showText = showText;
    this.limits = RunOutput.limits(pdfDpi);
  }

  /**
   * Runs {@code sql} over a run's output and draws the pages it returns, in its order, into the
   * local folder {@code to}.
   *
   * @throws IllegalArgumentException when the query does not return source and page columns
   */
  Outcome render(RunOutput run, String sql, Path to) throws IOException {
    List<PageRef> refs = run.select(sql);
    Map<PageRef, StoredPage> pages = run.pages(refs);
    Map<PageRef, String> names = names(refs);
    Files.createDirectories(to);
    List<String> written = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (PageRef ref : refs) {
      StoredPage p = pages.get(ref);
      if (p == null) {
        failed.add(ref + ": not in " + run.uri() + "/" + OcrJob.PAGES);
      } else if (!p.ok()) {
        failed.add(ref + ": the run could not read this page: " + p.error());
      } else {
        try {
          written.add(draw(run, ref, p.result(), to.resolve(names.get(ref))));
        } catch (IOException | DecodeException | RuntimeException e) {
          failed.add(ref + ": " + e.getMessage());
        }
      }
    }
    return new Outcome(written, failed);
  }

  /** Export names, given in (source, page) order as the export does. */
  private static Map<PageRef, String> names(List<PageRef> refs) {
    ExportNames names = new ExportNames();
    Map<PageRef, String> out = new HashMap<>();
    refs.stream().sorted(Comparator.comparing(PageRef::source).thenComparing(PageRef::page))
        .forEach(r -> out.put(r, names.fileName(r.source(), r.page(), EXTENSION)));
    return out;
  }

  /** Draws one page into {@code png}; returns the line to print. */
  private String draw(RunOutput run, PageRef ref, Page page, Path png)
      throws IOException, DecodeException {
    GrayImage image = read(run, ref);
    if (image.width() != page.width() || image.height() != page.height()) {
      // A PDF rendered at another dpi than the run's, or a file changed since the run.
      System.err.printf("warning: %s is %dx%d now but was %dx%d in the run; scaled to fit%n",
          ref, image.width(), image.height(), page.width(), page.height());
      image = Resize.to(image, page.width(), page.height());
    }
    try (OutputStream os = Files.newOutputStream(png)) {
      Overlay.writePng(Overlay.draw(image.toBufferedImage(), page, minConfidence, showText), os);
    }
    return String.format(Locale.ROOT, "%.3f %5d %s", page.meanConfidence(), page.words().size(),
        png);
  }

  /** Page {@code ref.page} of the source, through the job's decoder (EXIF, TIFF, PDF). */
  private GrayImage read(RunOutput run, PageRef ref) throws IOException, DecodeException {
    try (PageSource pages = run.open(ref.source(), limits)) {
      if (ref.page() < 0 || ref.page() >= pages.pageCount()) {
        throw new IllegalArgumentException("no page " + ref.page() + " in the source (it has "
            + pages.pageCount() + ")");
      }
      return pages.page(ref.page());
    }
  }
}
