package dev.openocr.export;

import dev.openocr.document.Page;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * One searchable PDF, as Tesseract and OCRmyPDF write them: each page the scan with an invisible
 * text layer ({@link PdfTextLayer}) that viewers search, select and copy. A page of {@code w x h}
 * pixels at {@code dpi} is {@code w * 72 / dpi} by {@code h * 72 / dpi} points. Pages are kept in
 * temporary files until {@link #save}, so a long source does not fill the heap. Not thread-safe.
 */
public final class SearchablePdf implements AutoCloseable {
  /** PDF points per inch. */
  static final double POINTS_PER_INCH = 72;

  private final PdfFonts fonts;
  private final PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
  /** The fonts loaded into this document so far, by {@link PdfFonts} index. */
  private final Map<Integer, PDFont> loaded = new HashMap<>();

  /** A document whose words are set in {@code fonts} (which it does not close). */
  public SearchablePdf(PdfFonts fonts) {
    this.fonts = fonts;
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setCreator(Software.NAME + " " + Software.VERSION);
    info.setProducer(Software.NAME + " " + Software.VERSION);
  }

  /**
   * Adds a page of {@code width x height} pixels.
   *
   * @param dpi pixels per inch, which sets the page's size in points
   * @param image the scan, drawn over the whole page (stretched if its size differs), or null
   * @param words the words in the page's pixel frame, or null for a page without text
   */
  public void addPage(int width, int height, double dpi, BufferedImage image, Page words)
      throws IOException {
    if (width <= 0 || height <= 0 || !(dpi > 0)) {
      throw new IllegalArgumentException("Invalid page: " + width + "x" + height + " pixels at "
          + dpi + " dpi");
    }
    if (words != null && (words.width() != width || words.height() != height)) {
      throw new IllegalArgumentException("Words of a " + words.width() + "x" + words.height()
          + " page on a page of " + width + "x" + height + " pixels");
    }
    double scale = POINTS_PER_INCH / dpi;
    PDPage page = new PDPage(new PDRectangle((float) (width * scale), (float) (height * scale)));
    doc.addPage(page);
    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
      if (image != null) {
        PDImageXObject xo = image.getType() == BufferedImage.TYPE_BYTE_GRAY ? gray(image)
            : LosslessFactory.createFromImage(doc, image);
        cs.drawImage(xo, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
      }
      if (words != null && !words.words().isEmpty()) {
        PdfTextLayer.write(cs, words, fonts, this::font, scale,
            page.getMediaBox().getHeight());
      }
    }
  }

  public int pageCount() {
    return doc.getNumberOfPages();
  }

  /** Writes the document (the used glyphs of each font embedded); does not close {@code out}. */
  public void save(OutputStream out) throws IOException {
    doc.save(out);
  }

  /**
   * The samples of a gray image as DeviceGray, as they are: PDFBox's own conversion reads them
   * through Java's linear gray colour space and would lighten the scan.
   */
  private PDImageXObject gray(BufferedImage image) throws IOException {
    int w = image.getWidth();
    byte[] row = new byte[w];
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    try (DeflaterOutputStream out = new DeflaterOutputStream(packed)) {
      for (int y = 0; y < image.getHeight(); y++) {
        image.getRaster().getDataElements(0, y, w, 1, row);
        out.write(row);
      }
    }
    return new PDImageXObject(doc, new ByteArrayInputStream(packed.toByteArray()),
        COSName.FLATE_DECODE, w, image.getHeight(), 8, PDDeviceGray.INSTANCE);
  }

  private PDFont font(int index) {
    return loaded.computeIfAbsent(index, i -> {
      try {
        return PDType0Font.load(doc, fonts.files().get(i).toFile());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot embed font " + fonts.files().get(i), e);
      }
    });
  }

  @Override
  public void close() throws IOException {
    doc.close();
  }
}
