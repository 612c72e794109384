package dev.openocr.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.document.Line;
import dev.openocr.document.Page;
import dev.openocr.document.Word;
import dev.openocr.testing.Pages;
import dev.openocr.testing.Prerequisites;
import dev.openocr.testing.Xml;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

class AltoExporterTest {
  private static final String NS = AltoExporter.ALTO_NS;
  private static final URL XSD = AltoExporterTest.class.getResource("/schemas/alto-4-4.xsd");

  private final Page page = Pages.sample();
  private final byte[] xml = new AltoExporter().toBytes("s3a://bucket/scans/a&b \"1\".tif", 2, page);

  static Schema schema() throws SAXException {
    return AltoSchema.get();
  }

  @Test
  void validatesAgainstAlto44Schema() throws Exception {
    schema().newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
  }

  @Test
  void schemaRejectsAStringWithoutContent() throws Exception {
    String broken = new String(xml, StandardCharsets.UTF_8).replaceFirst(" CONTENT=\"[^\"]*\"", "");
    assertThatThrownBy(() -> schema().newValidator().validate(
        new StreamSource(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)))))
        .isInstanceOf(SAXException.class).hasMessageContaining("CONTENT");
  }

  @Test
  void validatesWithXmllintWhenInstalled(@TempDir Path dir) throws Exception {
    Prerequisites.requireProgram(Path.of("/usr/bin/xmllint"), "libxml2-utils");
    Path file = dir.resolve("page.alto.xml");
    Files.write(file, xml);
    Path xsd = Path.of(XSD.toURI());
    Process p = new ProcessBuilder("/usr/bin/xmllint", "--noout", "--nonet", "--schema",
        xsd.toString(), file.toString()).redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("validates");
  }

  @Test
  void stringsEqualTheWordsWithBoxesAndConfidences() throws Exception {
    Document d = Xml.parse(xml);
    List<Element> strings = Xml.elements(d, NS, "String");
    List<Word> words = page.words();
    assertThat(strings).hasSize(words.size());
    for (int i = 0; i < words.size(); i++) {
      Word w = words.get(i);
      Element s = strings.get(i);
      assertThat(s.getAttribute("CONTENT")).isEqualTo(w.text().replace("\u0007", ""));
      assertThat(Integer.parseInt(s.getAttribute("HPOS"))).isEqualTo((int) Math.floor(w.box().left()));
      assertThat(Integer.parseInt(s.getAttribute("VPOS"))).isEqualTo((int) Math.floor(w.box().top()));
      assertThat(Integer.parseInt(s.getAttribute("HPOS")) + Integer.parseInt(s.getAttribute("WIDTH")))
          .isEqualTo((int) Math.ceil(w.box().right()));
      assertThat(Integer.parseInt(s.getAttribute("VPOS")) + Integer.parseInt(s.getAttribute("HEIGHT")))
          .isEqualTo((int) Math.ceil(w.box().bottom()));
      assertThat(Double.parseDouble(s.getAttribute("WC"))).isCloseTo(w.confidence(),
          org.assertj.core.data.Offset.offset(1e-4));
    }
  }

  @Test
  void blocksLinesAndSpacesMatchThePage() throws Exception {
    Document d = Xml.parse(xml);
    int lines = page.blocks().stream().mapToInt(b -> b.lines().size()).sum();
    assertThat(Xml.elements(d, NS, "TextBlock")).hasSize(page.blocks().size());
    assertThat(Xml.elements(d, NS, "TextLine")).hasSize(lines);
    assertThat(Xml.elements(d, NS, "SP")).hasSize(page.words().size() - lines);
    Element first = Xml.elements(d, NS, "TextLine").get(0);
    Line firstLine = page.blocks().get(0).lines().get(0);
    assertThat(first.getElementsByTagNameNS(NS, "String").getLength())
        .isEqualTo(firstLine.words().size());
    Element pg = Xml.elements(d, NS, "Page").get(0);
    assertThat(pg.getAttribute("WIDTH")).isEqualTo("800");
    assertThat(pg.getAttribute("PHYSICAL_IMG_NR")).isEqualTo("3");
    assertThat(Xml.elements(d, NS, "fileName").get(0).getTextContent())
        .isEqualTo("s3a://bucket/scans/a&b \"1\".tif");
    assertThat(Xml.elements(d, NS, "MeasurementUnit").get(0).getTextContent()).isEqualTo("pixel");
  }

  @Test
  void turnedPagesCarryTheirRotationCounterclockwise() throws Exception {
    Page turned = new Page(page.width(), page.height(), page.blocks(), 90, 0.8);
    byte[] alto = new AltoExporter().toBytes("t.png", 0, turned);
    schema().newValidator().validate(new StreamSource(new ByteArrayInputStream(alto)));
    assertThat(Xml.elements(Xml.parse(alto), NS, "Page").get(0).getAttribute("ROTATION"))
        .isEqualTo("270");
    assertThat(Xml.elements(Xml.parse(xml), NS, "Page").get(0).hasAttribute("ROTATION"))
        .isFalse();
    String hocr = new String(new HocrExporter().toBytes("t.png", 0, turned),
        StandardCharsets.UTF_8);
    assertThat(hocr).contains("; textangle 270\"", "x_orientation 90");
  }

  @Test
  void emptyPageIsStillValid() throws Exception {
    byte[] empty = new AltoExporter().toBytes("blank.png", 0, Page.empty(10, 10));
    schema().newValidator().validate(new StreamSource(new ByteArrayInputStream(empty)));
    assertThat(Xml.elements(Xml.parse(empty), NS, "String")).isEmpty();
  }
}
