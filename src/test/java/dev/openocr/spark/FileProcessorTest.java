package dev.openocr.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.engine.EngineOptions;
import dev.openocr.engine.OcrEngine;
import dev.openocr.imageio.DecodeLimits;
import dev.openocr.imageio.TestImages;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class FileProcessorTest {
  private static final TaskOptions OPTIONS = new TaskOptions(DecodeLimits.defaults(), 30, false,
      0);

  @Test
  void anEngineThatCannotOpenASessionFailsTheCallNotTheFile() throws Exception {
    byte[] png = TestImages.png(TestImages.page(320, 160, 2));
    TestEngines.FlakySessions.FAILURES.set(1);
    try (OcrEngine engine = new TestEngines.FlakySessions().create(EngineOptions.defaults());
         PageRunner runner = new PageRunner(engine, 30_000)) {
      FileProcessor files = new FileProcessor(runner, engine.modelId(), OPTIONS, null, null);
      assertThatThrownBy(() -> files.readAll("a.png", png))
          .isInstanceOf(PageRunner.EngineFailure.class)
          .hasMessageContaining("Cannot open an OCR session of flaky-test+width-test")
          .hasMessageContaining("the detector cannot start");

      // The next call gets a fresh session, which opens.
      List<Row> rows = files.readAll("a.png", png);
      assertThat(rows).hasSize(1);
      Row r = rows.get(0);
      assertThat(r.getString(OcrSchemas.PAGES.fieldIndex("status"))).isEqualTo("ok");
      assertThat(r.getInt(OcrSchemas.PAGES.fieldIndex("word_count"))).isEqualTo(2);
    }
  }
}
