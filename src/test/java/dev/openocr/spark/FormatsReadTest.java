package dev.openocr.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.engine.EngineOptions;
import dev.openocr.engine.OcrEngine;
import dev.openocr.imageio.DecodeLimits;
import dev.openocr.imageio.FormatFixtures;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same scan in every format archives hold reads as the same words with the shipped models. */
class FormatsReadTest {
  private static final TaskOptions OPTIONS = new TaskOptions(DecodeLimits.defaults(), 120, false,
      0);

  @Test
  void everyFormatReadsTheSameWords(@TempDir Path dir) {
    FormatFixtures files = new FormatFixtures(dir);
    Map<String, byte[]> formats = new LinkedHashMap<>();
    formats.put("page.png", files.png());
    formats.put("page.jp2", files.jp2());
    formats.put("page-g4.tif", files.g4Tiff());
    formats.put("page.webp", files.webp());
    formats.put("jpx.pdf", files.pdfOfJpx());
    formats.put("ccitt.pdf", files.pdfOfCcitt());
    formats.put("jbig2.pdf", files.pdfOfJbig2());
    Map<String, String> texts = new LinkedHashMap<>();
    try (OcrEngine engine = OcrEngine.load(EngineOptions.defaults().withThreads(2));
         PageRunner runner = new PageRunner(engine, OPTIONS.pageSeconds() * 1000L)) {
      FileProcessor reader = new FileProcessor(runner, engine.modelId(), OPTIONS, null, null);
      formats.forEach((name, bytes) -> {
        List<Row> rows = reader.readAll(name, bytes);
        assertThat(rows).as(name).hasSize(1);
        Row r = rows.get(0);
        assertThat(r.getString(OcrSchemas.PAGES.fieldIndex("status"))).as(name + ": " + r.getString(
            OcrSchemas.PAGES.fieldIndex("error"))).isEqualTo("ok");
        texts.put(name, r.getString(OcrSchemas.PAGES.fieldIndex("text")));
      });
    }
    List<String> expected = FormatFixtures.LINES.stream()
        .flatMap(l -> Arrays.stream(l.split(" "))).toList();
    List<String> png = List.of(texts.get("page.png").split("\\s+"));
    // The shipped models read this clean page all but perfectly (36 of 36 words measured).
    assertThat(expected.stream().filter(png::contains).count()).isGreaterThanOrEqualTo(33);
    texts.forEach((name, text) -> assertThat(text).as(name).isEqualTo(texts.get("page.png")));
  }
}
