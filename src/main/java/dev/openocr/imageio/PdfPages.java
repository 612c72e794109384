package dev.openocr.imageio;

import dev.openocr.imageio.DecodeException.Cause;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.MissingImageReaderException;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;

/**
 * Pages of a PDF rendered to gray at {@link DecodeLimits#pdfDpi()} with PDFBox. Before PDFBox
 * parses the file its nesting is measured ({@link PdfNesting}); before a page renders, everything
 * it will decode is measured ({@link PdfPageScan}) and its bytes reserved. A page whose images
 * cannot be decoded fails naming the image's error, instead of rendering without it.
 */
final class PdfPages implements PageSource {
  /** PDF user space units per inch. */
  private static final double POINTS_PER_INCH = 72.0;

  private final String name;
  private final DecodeLimits limits;
  private final DecodeMemory memory;
  private final PDDocument doc;
  private final int pages;
  private final Map<COSStream, Long> measured = new IdentityHashMap<>();
  private volatile boolean aborted;

  PdfPages(byte[] bytes, String name, DecodeLimits limits, DecodeMemory memory)
      throws DecodeException {
    this.name = name;
    this.limits = limits;
    this.memory = memory;
    PdfNesting nesting = new PdfNesting(false);
    nesting.accept(bytes, 0, bytes.length);
    if (!nesting.withinLimits()) {
      throw new DecodeException(Cause.CORRUPT, name + ": PDF with " + nesting.describe());
    }
    try {
      // Streams PDFBox creates stay in memory, within the file's limit.
      this.doc = Loader.loadPDF(new RandomAccessReadBuffer(bytes), "", null, null,
          MemoryUsageSetting.setupMainMemoryOnly(limits.maxFileBytes()).streamCache);
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
    aborted = false;
    PdfStreams.Cancel cancel = PdfRenderer.cancelWhen(() -> aborted, name + ": page " + index);
    try {
      PDPage pdPage = doc.getPage(index);
      PDRectangle box = pdPage.getCropBox();
      double scale = limits.pdfDpi() / POINTS_PER_INCH;
      boolean turned = pdPage.getRotation() % 180 != 0;
      long w = (long) Math.ceil((turned ? box.getHeight() : box.getWidth()) * scale);
      long h = (long) Math.ceil((turned ? box.getWidth() : box.getHeight()) * scale);
      limits.checkPixels(name, index, w, h);
      PdfPageScan.Result scan = PdfPageScan.scan(pdPage.getCOSObject(), name, index,
          limits.maxDecodeBytes(), measured, cancel);
      // The page raster, its gray copy, a sampled image at most the page's size, the largest decode.
      long bytes = 3 * w * h + scan.largestDecode();
      limits.checkDecodeBytes(name, index, bytes, "a " + w + "x" + h + " page with its "
          + scan.largestWhat());
      try (DecodeMemory.Reservation r = memory.reserve(name, index, bytes)) {
        PdfRenderer renderer = new PdfRenderer(doc, scan.sampled(), w * h, cancel);
        BufferedImage img = renderer.renderImageWithDPI(index, limits.pdfDpi(), ImageType.GRAY);
        if (renderer.failure() != null) {
          throw imageFailure(index, renderer.failure());
        }
        return GrayImage.fromBufferedImage(img);
      }
    } catch (DecodeException | CancellationException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new DecodeException(Cause.CORRUPT,
          name + ": cannot render PDF page " + index + ": " + e.getMessage(), e);
    }
  }

  private DecodeException imageFailure(int index, IOException e) {
    String msg = e.getMessage();
    if (e.getCause() != null && e.getCause().getMessage() != null) {
      msg += " (" + e.getCause().getMessage() + ")";
    }
    if (e instanceof MissingImageReaderException) {
      return new DecodeException(Cause.UNSUPPORTED_FORMAT, name + ": page " + index
          + ": an image needs a decoder this build lacks: " + msg, e);
    }
    return new DecodeException(Cause.CORRUPT, name + ": page " + index
        + ": an image cannot be decoded: " + msg, e);
  }

  @Override
  public void abort() {
    aborted = true;
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
