package dev.openocr.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.engine.EngineOptions;
import dev.openocr.engine.OcrEngine;
import dev.openocr.imageio.DecodeLimits;
import dev.openocr.imageio.TestImages;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
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

  /**
   * Reading a file's bytes on the task's own thread can run out of heap (a file at the byte
   * limit beside other tasks' pages): that costs the file an error row, not the executor.
   */
  @Test
  void runningOutOfHeapReadingAFileIsItsOwnErrorRow() throws Exception {
    StructType schema = new StructType().add("path", DataTypes.StringType)
        .add("modificationTime", DataTypes.TimestampType).add("length", DataTypes.LongType)
        .add("content", DataTypes.BinaryType);
    int content = schema.fieldIndex("content");
    Row listed = new GenericRowWithSchema(new Object[] {"file:/in/huge.png", new Timestamp(0),
        200_000_000L, null}, schema) {
      @Override
      public Object get(int i) {
        if (i == content) {
          throw new OutOfMemoryError("Java heap space");
        }
        return super.get(i);
      }
    };
    try (OcrEngine engine = new TestEngines.Blobs().create(EngineOptions.defaults());
         PageRunner runner = new PageRunner(engine, 30_000)) {
      FileProcessor files = new FileProcessor(runner, engine.modelId(), OPTIONS, null, null);
      Row r = files.open(listed).errorRow();
      assertThat(r).isNotNull();
      assertThat(r.getString(OcrSchemas.PAGES.fieldIndex("status"))).isEqualTo("error");
      assertThat(r.getString(OcrSchemas.PAGES.fieldIndex("error")))
          .isEqualTo("TOO_LARGE: file:/in/huge.png: out of memory reading 200000000 bytes");
    }
  }
}
