package dev.openocr.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.openocr.document.Block;
import dev.openocr.document.Line;
import dev.openocr.document.Page;
import dev.openocr.document.Word;
import dev.openocr.geometry.Box;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonExportTest {
  @Test
  void writesTheEvaluationFormat() throws Exception {
    Word a = new Word("Invoice", new Box(10, 20, 90.123456, 40).toQuad(), 0.93, 0.8, null);
    Word b = new Word("№ 7", new Box(100, 20, 130, 40).toQuad(), 0.5, 0.7, null);
    Page p = new Page(640, 480, List.of(new Block(List.of(new Line(List.of(a, b))))), 0, 1);
    StringWriter out = new StringWriter();
    new JsonExport().write(out, "scan.png", p);
    JsonObject o = JsonParser.parseString(out.toString()).getAsJsonObject();
    assertThat(o.get("image").getAsString()).isEqualTo("scan.png");
    assertThat(o.get("width").getAsInt()).isEqualTo(640);
    assertThat(o.get("height").getAsInt()).isEqualTo(480);
    assertThat(o.getAsJsonArray("words")).hasSize(2);
    JsonObject w = o.getAsJsonArray("words").get(0).getAsJsonObject();
    assertThat(w.get("text").getAsString()).isEqualTo("Invoice");
    assertThat(w.getAsJsonArray("box").toString()).isEqualTo("[10.0,20.0,90.1235,40.0]");
    assertThat(w.get("confidence").getAsDouble()).isEqualTo(0.93);
    assertThat(o.getAsJsonArray("words").get(1).getAsJsonObject().get("text").getAsString())
        .isEqualTo("№ 7");
  }

  @Test
  void namesFilesAfterTheSourceStemSafely() {
    ExportNames n = new ExportNames();
    assertThat(n.fileName("hdfs://nn/a/scan.png", 0, "json")).isEqualTo("scan.json");
    assertThat(n.fileName("hdfs://nn/a/scan.png", 2, "json")).isEqualTo("scan-p2.json");
    assertThat(n.fileName("file:/b/scan.tif", 0, "json")).isEqualTo("scan-2.json");
    assertThat(n.fileName("file:/x/..", 0, "json")).isEqualTo("page.json");
    assertThat(n.fileName("file:/x/...evil.png", 0, "json")).isEqualTo("evil.json");
    assertThat(n.fileName("file:/x/a%2F..%2F..%2Fetc.png", 0, "json")).isEqualTo("a_.._.._etc.json");
    assertThat(n.fileName("file:/x/with space \"q\" ünï.png", 0, "json"))
        .isEqualTo("with space _q_ ünï.json");
    assertThat(ExportNames.stem("x".repeat(300) + ".png")).hasSize(ExportNames.MAX_STEM);
    assertThat(ExportFormat.of("Json")).isEqualTo(ExportFormat.JSON);
  }
}
