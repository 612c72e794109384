package dev.openocr.export;

import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/** The ALTO 4.4 schema from test resources; its xlink import resolves beside it, offline. */
public final class AltoSchema {
  private static final URL XSD = AltoSchema.class.getResource("/schemas/alto-4-4.xsd");

  private AltoSchema() {}

  /** Only file: and jar: URLs may be read while compiling the schema: never the network. */
  public static Schema get() throws SAXException {
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    return f.newSchema(XSD);
  }
}
