package dev.openocr.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.document.Page;
import dev.openocr.document.Word;
import dev.openocr.testing.Pages;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextAndJsonExportTest {
  private final Page page = Pages.sample();

  @Test
  void textIsThePageTextWithAFinalNewline() {
    String txt = new String(Exporters.of(ExportFormat.TXT).toBytes("a.png", 0, page),
        StandardCharsets.UTF_8);
    assertThat(txt).isEqualTo(page.text() + "\n");
    assertThat(txt).startsWith("Report <draft> & \"notes\"\n\nleft one two three\n");
    assertThat(txt.split("\n\n")).hasSize(page.blocks().size());
  }

  @Test
  void jsonRoundTripsEveryWord() {
    String json = new String(Exporters.of(ExportFormat.JSON).toBytes("a.png", 4, page),
        StandardCharsets.UTF_8);
    Page back = PageJson.read(new StringReader(json), "a.json");
    assertThat(back.width()).isEqualTo(page.width());
    assertThat(back.blocks()).hasSize(page.blocks().size());
    assertThat(back.text()).isEqualTo(page.text());
    assertThat(back.words()).hasSize(page.words().size());
    for (int i = 0; i < page.words().size(); i++) {
      Word a = page.words().get(i);
      Word b = back.words().get(i);
      assertThat(b.quad()).isEqualTo(a.quad());
      assertThat(b.confidence()).isEqualTo(a.confidence());
      assertThat(b.detScore()).isEqualTo(a.detScore());
    }
    assertThat(json).contains("\"page\":4");
  }

  @Test
  void malformedJsonNamesTheInput() {
    assertThatThrownBy(() -> PageJson.read(new StringReader("{\"width\":3}"), "bad.json"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad.json");
  }

  @Test
  void formatsParseByName() {
    assertThat(ExportFormat.of("ALTO")).isEqualTo(ExportFormat.ALTO);
    assertThat(ExportFormat.of(" hocr ")).isEqualTo(ExportFormat.HOCR);
    assertThatThrownBy(() -> ExportFormat.of("pdf")).hasMessageContaining("pdf");
    for (ExportFormat f : ExportFormat.values()) {
      assertThat(Exporters.of(f).format()).isEqualTo(f);
    }
  }

  @Test
  void everyFormatPlugsIntoThePageExporterInterface() throws Exception {
    // JSON is left out: on merge it maps to the job branch's JsonExport (evaluation format).
    for (ExportFormat f : java.util.List.of(ExportFormat.HOCR, ExportFormat.ALTO, ExportFormat.TXT)) {
      PageExporter e = f.exporter();
      java.io.StringWriter w = new java.io.StringWriter();
      e.write(w, "scan.png", page);
      assertThat(w.toString().getBytes(StandardCharsets.UTF_8))
          .isEqualTo(Exporters.of(f).toBytes("scan.png", 0, page));
    }
    assertThat(ExportFormat.ALTO.exporter().extension()).isEqualTo("alto.xml");
    assertThat(ExportFormat.HOCR.exporter().extension()).isEqualTo("hocr");
    assertThat(ExportFormat.TXT.exporter().extension()).isEqualTo("txt");
  }
}
