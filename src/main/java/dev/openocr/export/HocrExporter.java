package dev.openocr.export;

import dev.openocr.document.Block;
import dev.openocr.document.Line;
import dev.openocr.document.Page;
import dev.openocr.document.Word;
import java.io.IOException;
import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * hOCR 1.2: one XHTML document per page with {@code ocr_page > ocr_carea > ocr_par > ocr_line >
 * ocrx_word}, each with {@code bbox l t r b} in page pixels; words also carry {@code x_wconf}
 * (recognition confidence, 0..100).
 */
public final class HocrExporter implements Exporter {
  static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
  static final String CAPABILITIES = "ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf";
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  @Override
  public ExportFormat format() {
    return ExportFormat.HOCR;
  }

  @Override
  public void write(String source, int pageIndex, Page page, OutputStream out) throws IOException {
    try {
      XMLStreamWriter x = FACTORY.createXMLStreamWriter(out, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeDTD("<!DOCTYPE html>");
      x.writeCharacters("\n");
      x.writeStartElement("html");
      x.writeDefaultNamespace(XHTML_NS);
      head(x, source);
      x.writeStartElement("body");
      writePage(x, source, pageIndex, page);
      x.writeEndElement();
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException("Could not write hOCR for page " + pageIndex + " of " + source, e);
    }
  }

  private static void head(XMLStreamWriter x, String source) throws XMLStreamException {
    x.writeStartElement("head");
    x.writeStartElement("title");
    x.writeCharacters(XmlText.clean(source));
    x.writeEndElement();
    meta(x, "http-equiv", "Content-Type", "text/html; charset=utf-8");
    meta(x, "name", "ocr-system", Software.NAME + " " + Software.VERSION);
    meta(x, "name", "ocr-capabilities", CAPABILITIES);
    meta(x, "name", "ocr-number-of-pages", "1");
    x.writeEndElement();
  }

  private static void meta(XMLStreamWriter x, String key, String name, String content)
      throws XMLStreamException {
    x.writeEmptyElement("meta");
    x.writeAttribute(key, name);
    x.writeAttribute("content", content);
  }

  private static void writePage(XMLStreamWriter x, String source, int pageIndex, Page page)
      throws XMLStreamException {
    int p = pageIndex + 1;
    x.writeStartElement("div");
    x.writeAttribute("class", "ocr_page");
    x.writeAttribute("id", "page_" + p);
    x.writeAttribute("title", "image \"" + quotable(source) + "\"; bbox 0 0 " + page.width() + " "
        + page.height() + "; ppageno " + pageIndex + "; x_orientation " + page.orientation());
    int counterClockwise = Math.floorMod(-page.orientation(), AltoExporter.FULL_TURN);
    // hOCR's textangle is counterclockwise; the page's orientation is clockwise.
    String textAngle = counterClockwise == 0 ? "" : "; textangle " + counterClockwise;
    int lineNo = 0;
    int wordNo = 0;
    for (int b = 0; b < page.blocks().size(); b++) {
      Block block = page.blocks().get(b);
      String bbox = PixelBox.of(block.box(), page.width(), page.height()).hocr();
      x.writeStartElement("div");
      x.writeAttribute("class", "ocr_carea");
      x.writeAttribute("id", "block_" + p + "_" + (b + 1));
      x.writeAttribute("title", bbox);
      x.writeStartElement("p");
      x.writeAttribute("class", "ocr_par");
      x.writeAttribute("id", "par_" + p + "_" + (b + 1));
      x.writeAttribute("title", bbox);
      for (Line line : block.lines()) {
        x.writeStartElement("span");
        x.writeAttribute("class", "ocr_line");
        x.writeAttribute("id", "line_" + p + "_" + (++lineNo));
        x.writeAttribute("title", PixelBox.of(line.box(), page.width(), page.height()).hocr()
            + textAngle);
        for (int w = 0; w < line.words().size(); w++) {
          Word word = line.words().get(w);
          if (w > 0) {
            x.writeCharacters(" ");
          }
          x.writeStartElement("span");
          x.writeAttribute("class", "ocrx_word");
          x.writeAttribute("id", "word_" + p + "_" + (++wordNo));
          x.writeAttribute("title", PixelBox.of(word.box(), page.width(), page.height()).hocr()
              + "; x_wconf " + Math.round(100 * clamp01(word.confidence())));
          x.writeCharacters(XmlText.clean(word.text()));
          x.writeEndElement();
        }
        x.writeEndElement();
        x.writeCharacters("\n");
      }
      x.writeEndElement();
      x.writeEndElement();
    }
    x.writeEndElement();
  }

  /** hOCR property strings are double-quoted and split at semicolons: encode both. */
  static String quotable(String s) {
    return XmlText.clean(s).replace("%", "%25").replace("\"", "%22").replace(";", "%3B")
        .replaceAll("[\\r\\n\\t]", " ");
  }

  static double clamp01(double v) {
    return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
  }
}
