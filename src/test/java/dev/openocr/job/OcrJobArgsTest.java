package dev.openocr.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.config.OcrJobConfig;
import org.junit.jupiter.api.Test;

class OcrJobArgsTest {
  @Test
  void sparkSubmitArgumentsBecomeSettings() {
    OcrJobConfig c = OcrJobConfig.of(OcrJob.parseArgs(new String[] {"--input", "hdfs:///a/",
        "--input", "hdfs:///b/*.tif", "--output", "hdfs:///ocr", "--incremental",
        "openocr.pdf.dpi=200"}));
    assertThat(c.inputs()).containsExactly("hdfs:///a/", "hdfs:///b/*.tif");
    assertThat(c.output()).isEqualTo("hdfs:///ocr");
    assertThat(c.incremental()).isTrue();
    assertThat(c.pdfDpi()).isEqualTo(200);
    assertThatThrownBy(() -> OcrJob.parseArgs(new String[] {"stray"}))
        .hasMessageContaining("Invalid argument: stray");
  }
}
