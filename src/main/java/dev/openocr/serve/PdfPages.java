package dev.openocr.serve;

import dev.openocr.imageio.GrayImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Renders the pages of an uploaded PDF to gray images with PDFBox. */
final class PdfPages {
  /** Rendering resolution in dots per inch, lowered per page to stay within the pixel limit. */
  static final float DPI = 200;
  /** PDF user-space units per inch. */
  static final float POINTS_PER_INCH = 72;

  private PdfPages() {}

  /**
   * @throws HttpError 413 beyond the page limit, 400 for a PDF that cannot be read or rendered
   */
  static List<GrayImage> render(byte[] pdf, String name, long maxPixels, int maxPages) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      int pages = doc.getNumberOfPages();
      if (pages > maxPages) {
        throw new HttpError(413, name + " has " + pages + " pages; the limit is " + maxPages);
      }
      if (pages == 0) {
        throw new HttpError(400, name + " holds no page");
      }
      PDFRenderer renderer = new PDFRenderer(doc);
      List<GrayImage> out = new ArrayList<>(pages);
      long total = 0;
      for (int i = 0; i < pages; i++) {
        PDRectangle box = doc.getPage(i).getCropBox();
        double inches2 = (box.getWidth() / POINTS_PER_INCH) * (box.getHeight() / POINTS_PER_INCH);
        // Largest dpi at which the page stays within the pixel limit.
        float dpi = (float) Math.min(DPI, Math.sqrt(maxPixels / Math.max(inches2, 1e-6)));
        long px = (long) Math.ceil(box.getWidth() * dpi / POINTS_PER_INCH)
            * (long) Math.ceil(box.getHeight() * dpi / POINTS_PER_INCH);
        total += px;
        UploadDecoder.checkTotal(total, name, maxPixels);
        BufferedImage img = renderer.renderImageWithDPI(i, dpi, ImageType.GRAY);
        out.add(GrayImage.fromBufferedImage(img));
      }
      return out;
    } catch (IOException | RuntimeException e) {
      if (e instanceof HttpError h) {
        throw h;
      }
      throw new HttpError(400, "Cannot read PDF " + name + ": " + e.getMessage());
    }
  }
}
