package dev.openocr.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.document.Page;
import dev.openocr.document.Word;
import dev.openocr.testing.Pages;
import dev.openocr.testing.Xml;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HocrExporterTest {
  private static final String NS = HocrExporter.XHTML_NS;
  private static final Pattern WORD_TITLE =
      Pattern.compile("bbox (\\d+) (\\d+) (\\d+) (\\d+); x_wconf (\\d+)");

  private final Page page = Pages.sample();
  private final byte[] html = new HocrExporter().toBytes("dir/scan \"7\";x.png", 0, page);

  private List<Element> withClass(Document d, String tag, String cls) {
    return Xml.elements(d, NS, tag).stream().filter(e -> e.getAttribute("class").equals(cls))
        .toList();
  }

  @Test
  void wordsCarryBboxAndConfidence() throws Exception {
    Document d = Xml.parse(html);
    List<Element> spans = withClass(d, "span", "ocrx_word");
    List<Word> words = page.words();
    assertThat(spans).hasSize(words.size());
    for (int i = 0; i < words.size(); i++) {
      Word w = words.get(i);
      Matcher m = WORD_TITLE.matcher(spans.get(i).getAttribute("title"));
      assertThat(m.matches()).as(spans.get(i).getAttribute("title")).isTrue();
      assertThat(spans.get(i).getTextContent()).isEqualTo(w.text().replace("\u0007", ""));
      assertThat(Integer.parseInt(m.group(1))).isEqualTo((int) Math.floor(w.box().left()));
      assertThat(Integer.parseInt(m.group(2))).isEqualTo((int) Math.floor(w.box().top()));
      assertThat(Integer.parseInt(m.group(3))).isEqualTo((int) Math.ceil(w.box().right()));
      assertThat(Integer.parseInt(m.group(4))).isEqualTo((int) Math.ceil(w.box().bottom()));
      assertThat(Integer.parseInt(m.group(5))).isEqualTo((int) Math.round(100 * w.confidence()));
    }
  }

  @Test
  void structureAndMetadataFollowHocr12() throws Exception {
    Document d = Xml.parse(html);
    int lines = page.blocks().stream().mapToInt(b -> b.lines().size()).sum();
    assertThat(withClass(d, "div", "ocr_page")).hasSize(1);
    assertThat(withClass(d, "div", "ocr_carea")).hasSize(page.blocks().size());
    assertThat(withClass(d, "p", "ocr_par")).hasSize(page.blocks().size());
    assertThat(withClass(d, "span", "ocr_line")).hasSize(lines);
    String pageTitle = withClass(d, "div", "ocr_page").get(0).getAttribute("title");
    assertThat(pageTitle).isEqualTo(
        "image \"dir/scan %227%22%3Bx.png\"; bbox 0 0 800 600; ppageno 0; x_orientation 0");
    List<String> metas = Xml.elements(d, NS, "meta").stream()
        .map(e -> e.getAttribute("name") + "=" + e.getAttribute("content")).toList();
    assertThat(metas).contains("ocr-system=openocr 0.1.0",
        "ocr-capabilities=ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf");
    assertThat(d.getDocumentElement().getLocalName()).isEqualTo("html");
  }
}
