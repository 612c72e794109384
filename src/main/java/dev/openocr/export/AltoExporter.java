package dev.openocr.export;

import dev.openocr.document.Block;
import dev.openocr.document.Line;
import dev.openocr.document.Page;
import dev.openocr.document.Word;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * ALTO XML 4.4: {@code Description} (pixel units, source, software), then
 * {@code Layout > Page > PrintSpace > TextBlock > TextLine > String}, with {@code SP} between the
 * words of a line. Positions are whole page pixels; {@code WC} is the recognition confidence 0..1.
 */
public final class AltoExporter implements Exporter {
  static final String ALTO_NS = "http://www.loc.gov/standards/alto/ns-v4#";
  static final String SCHEMA_LOCATION =
      ALTO_NS + " http://www.loc.gov/alto/v4/alto-4-4.xsd";
  static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
  static final int FULL_TURN = 360;
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  @Override
  public ExportFormat format() {
    return ExportFormat.ALTO;
  }

  @Override
  public void write(String source, int pageIndex, Page page, OutputStream out) throws IOException {
    try {
      XMLStreamWriter x = FACTORY.createXMLStreamWriter(out, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("alto");
      x.writeDefaultNamespace(ALTO_NS);
      x.writeNamespace("xsi", XSI_NS);
      x.writeAttribute(XSI_NS, "schemaLocation", SCHEMA_LOCATION);
      description(x, source);
      x.writeStartElement("Layout");
      writePage(x, pageIndex, page);
      x.writeEndElement();
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException("Could not write ALTO for page " + pageIndex + " of " + source, e);
    }
  }

  private static void description(XMLStreamWriter x, String source) throws XMLStreamException {
    x.writeStartElement("Description");
    element(x, "MeasurementUnit", "pixel");
    x.writeStartElement("sourceImageInformation");
    element(x, "fileName", XmlText.clean(source));
    x.writeEndElement();
    x.writeStartElement("OCRProcessing");
    x.writeAttribute("ID", "OCR_0");
    x.writeStartElement("ocrProcessingStep");
    x.writeStartElement("processingSoftware");
    element(x, "softwareName", Software.NAME);
    element(x, "softwareVersion", Software.VERSION);
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndElement();
  }

  private static void writePage(XMLStreamWriter x, int pageIndex, Page page)
      throws XMLStreamException {
    int p = pageIndex + 1;
    x.writeStartElement("Page");
    x.writeAttribute("ID", "PAGE_" + p);
    x.writeAttribute("PHYSICAL_IMG_NR", Integer.toString(p));
    x.writeAttribute("WIDTH", Integer.toString(page.width()));
    x.writeAttribute("HEIGHT", Integer.toString(page.height()));
    int counterClockwise = Math.floorMod(-page.orientation(), FULL_TURN);
    if (counterClockwise != 0) {
      // ALTO counts text rotation counterclockwise; the page's orientation is clockwise.
      x.writeAttribute("ROTATION", Integer.toString(counterClockwise));
    }
    x.writeStartElement("PrintSpace");
    position(x, new PixelBox(0, 0, page.width(), page.height()));
    int lineNo = 0;
    int wordNo = 0;
    for (int b = 0; b < page.blocks().size(); b++) {
      Block block = page.blocks().get(b);
      x.writeStartElement("TextBlock");
      x.writeAttribute("ID", "BLOCK_" + p + "_" + (b + 1));
      position(x, PixelBox.of(block.box(), page.width(), page.height()));
      for (Line line : block.lines()) {
        x.writeStartElement("TextLine");
        x.writeAttribute("ID", "LINE_" + p + "_" + (++lineNo));
        position(x, PixelBox.of(line.box(), page.width(), page.height()));
        for (int w = 0; w < line.words().size(); w++) {
          Word word = line.words().get(w);
          PixelBox box = PixelBox.of(word.box(), page.width(), page.height());
          if (w > 0) {
            space(x, PixelBox.of(line.words().get(w - 1).box(), page.width(), page.height()), box);
          }
          x.writeEmptyElement("String");
          x.writeAttribute("ID", "STRING_" + p + "_" + (++wordNo));
          position(x, box);
          x.writeAttribute("WC", String.format(Locale.ROOT, "%.4f",
              HocrExporter.clamp01(word.confidence())));
          x.writeAttribute("CONTENT", XmlText.clean(word.text()));
        }
        x.writeEndElement();
      }
      x.writeEndElement();
    }
    x.writeEndElement();
    x.writeEndElement();
  }

  /** SP spans the gap between two words (zero wide when they touch or overlap). */
  private static void space(XMLStreamWriter x, PixelBox before, PixelBox after)
      throws XMLStreamException {
    x.writeEmptyElement("SP");
    x.writeAttribute("HPOS", Integer.toString(before.right()));
    x.writeAttribute("VPOS", Integer.toString(Math.min(before.top(), after.top())));
    x.writeAttribute("WIDTH", Integer.toString(Math.max(0, after.left() - before.right())));
  }

  private static void position(XMLStreamWriter x, PixelBox b) throws XMLStreamException {
    x.writeAttribute("HPOS", Integer.toString(b.left()));
    x.writeAttribute("VPOS", Integer.toString(b.top()));
    x.writeAttribute("WIDTH", Integer.toString(b.width()));
    x.writeAttribute("HEIGHT", Integer.toString(b.height()));
  }

  private static void element(XMLStreamWriter x, String name, String text)
      throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(text);
    x.writeEndElement();
  }
}
