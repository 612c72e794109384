package dev.openocr.imageio;

import dev.openocr.imageio.DecodeException.Cause;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Pages of a PDF rendered to gray at {@link DecodeLimits#pdfDpi()} with PDFBox. */
final class PdfPages implements PageSource {
  /** PDF user space units per inch. */
  private static final double POINTS_PER_INCH = 72.0;

  private final String name;
  private final DecodeLimits limits;
  private final PDDocument doc;
  private final PDFRenderer renderer;
  private final int pages;

  PdfPages(byte[] bytes, String name, DecodeLimits limits) throws DecodeException {
    this.name = name;
    this.limits = limits;
    try {
      this.doc = Loader.loadPDF(bytes);
    } catch (InvalidPasswordException e) {
      throw new DecodeException(Cause.ENCRYPTED,
          name + ": encrypted PDF: a password is needed to open it", e);
    } catch (IOException | RuntimeException e) {
      if (!endsWithEofMarker(bytes)) {
        throw new DecodeException(Cause.TRUNCATED, name
            + ": cannot parse PDF, it ends early (no %%EOF marker): " + e.getMessage(), e);
      }
      throw new DecodeException(Cause.CORRUPT, name + ": cannot parse PDF: " + e.getMessage(), e);
    }
    try {
      this.pages = doc.getNumberOfPages();
      if (pages <= 0) {
        throw new DecodeException(Cause.CORRUPT, name + ": the PDF has no pages");
      }
      limits.checkPages(name, pages);
      this.renderer = new PDFRenderer(doc);
    } catch (DecodeException | RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public int pageCount() {
    return pages;
  }

  @Override
  public GrayImage page(int index) throws DecodeException {
    try {
      PDRectangle box = doc.getPage(index).getCropBox();
      double scale = limits.pdfDpi() / POINTS_PER_INCH;
      long w = (long) Math.ceil(box.getWidth() * scale);
      long h = (long) Math.ceil(box.getHeight() * scale);
      limits.checkPixels(name, index, w, h);
      BufferedImage img = renderer.renderImageWithDPI(index, limits.pdfDpi(), ImageType.GRAY);
      return GrayImage.fromBufferedImage(img);
    } catch (DecodeException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new DecodeException(Cause.CORRUPT,
          name + ": cannot render PDF page " + index + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      doc.close();
    } catch (IOException e) {
      // In-memory document: nothing left to release.
    }
  }

  /** True when {@code %%EOF} occurs in the file's last kilobyte, as in every complete PDF. */
  static boolean endsWithEofMarker(byte[] bytes) {
    byte[] marker = {'%', '%', 'E', 'O', 'F'};
    for (int i = bytes.length - marker.length; i >= Math.max(0, bytes.length - 1024); i--) {
      int k = 0;
      while (k < marker.length && bytes[i + k] == marker[k]) {
        k++;
      }
      if (k == marker.length) {
        return true;
      }
    }
    return false;
  }
}
