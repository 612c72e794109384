package dev.openocr.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.imageio.DecodeLimits;
import dev.openocr.nn.Backend;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OcrJobConfigTest {
  private static final Map<String, String> BASE =
      Map.of(OcrJobConfig.INPUT, "in/a, hdfs:///b/", OcrJobConfig.OUTPUT, "out");

  @Test
  void defaultsApplyWhenKeysAreMissing() {
    OcrJobConfig c = OcrJobConfig.of(BASE);
    assertThat(c.inputs()).containsExactly("in/a", "hdfs:///b/");
    assertThat(c.mode()).isEqualTo(OcrJobConfig.Mode.ERROR);
    assertThat(c.maxPixels()).isEqualTo(OcrJobConfig.MAX_PIXELS_DEFAULT);
    assertThat(c.pdfDpi()).isEqualTo(300);
    assertThat(c.detector()).isNull();
    assertThat(c.lexicon()).isTrue();
    assertThat(dev.openocr.spark.TaskSettings.engineOptions(c).lexicon()).isTrue();
    assertThat(dev.openocr.spark.TaskSettings.engineOptions(
        c.with(OcrJobConfig.LEXICON, "false")).lexicon()).isFalse();
    // The width vote doubles recognition time for +0.002 FUNSD F1: off unless asked for.
    assertThat(dev.openocr.spark.TaskSettings.engineOptions(c).widthVote()).isFalse();
    var vote = dev.openocr.spark.TaskSettings.engineOptions(
        c.with(OcrJobConfig.WIDTH_VOTE, "true"));
    assertThat(vote.widthVote()).isTrue();
    assertThat(vote.lexicon()).isTrue();
    assertThat(c.with(OcrJobConfig.INPUT, "/a/{x,y}/*.png,/b").inputs())
        .containsExactly("/a/{x,y}/*.png", "/b");
    assertThat(c.with(OcrJobConfig.MODE, "Append").mode()).isEqualTo(OcrJobConfig.Mode.APPEND);
  }

  @Test
  void badValuesAreNamedInTheError() {
    OcrJobConfig c = OcrJobConfig.of(BASE);
    assertThatThrownBy(() -> c.with(OcrJobConfig.MAX_PIXELS, "-5"))
        .hasMessage("Invalid openocr.limit.pixels: -5 (pixels 1..2147483639: a gray page is one "
            + "byte array)");
    assertThatThrownBy(() -> c.with(OcrJobConfig.PDF_DPI, "abc"))
        .hasMessageContaining("abc");
    assertThatThrownBy(() -> c.with(OcrJobConfig.MODE, "replace"))
        .hasMessageContaining("replace");
    assertThatThrownBy(() -> c.with("openocr.limit.pixel", "5"))
        .hasMessage("Unknown setting: openocr.limit.pixel");
    assertThatThrownBy(() -> OcrJobConfig.of(Map.of(OcrJobConfig.OUTPUT, "o")))
        .hasMessageContaining(OcrJobConfig.INPUT);
    assertThatThrownBy(() -> c.with(OcrJobConfig.PROGRESS_INTERVAL, "-1"))
        .hasMessage("Invalid openocr.progress.interval: -1 (seconds >= 0; 0 prints none)");
  }

  @Test
  void numbersThatDoNotFitAreRefusedNotWrapped() {
    OcrJobConfig c = OcrJobConfig.of(BASE);
    // 2^32 + 1 would wrap to 1 as an int
    assertThatThrownBy(() -> c.with(OcrJobConfig.MAX_PAGES, "4294967297"))
        .hasMessage("Invalid openocr.limit.pages: 4294967297 (a whole number up to 2147483647)");
    // 2^32 + 300 would wrap to a valid 300 dpi
    assertThatThrownBy(() -> c.with(OcrJobConfig.PDF_DPI, "4294967596"))
        .hasMessageContaining("openocr.pdf.dpi: 4294967596");
    assertThatThrownBy(() -> c.with(OcrJobConfig.PAGE_SECONDS, "-4294967295"))
        .hasMessageContaining("openocr.limit.page-seconds: -4294967295");
    assertThatThrownBy(() -> c.with(OcrJobConfig.FILES_PER_TASK, "99999999999999999999"))
        .hasMessageContaining("openocr.partition.files-per-task: 99999999999999999999");
    assertThat(c.with(OcrJobConfig.MAX_PAGES, "2147483647").maxPages())
        .isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void limitsBeyondWhatOneArrayHoldsAreRefused() {
    OcrJobConfig c = OcrJobConfig.of(BASE);
    assertThatThrownBy(() -> c.with(OcrJobConfig.MAX_FILE_BYTES, "3221225472"))
        .hasMessage("Invalid openocr.limit.file-bytes: 3221225472 (bytes 1..2147483639: a file"
            + " is read into memory whole)");
    assertThat(c.with(OcrJobConfig.MAX_FILE_BYTES, "2147483639").maxFileBytes())
        .isEqualTo(2147483639L);
    assertThatThrownBy(() -> c.with(OcrJobConfig.MAX_PIXELS, "2147483648"))
        .hasMessageContaining("openocr.limit.pixels: 2147483648");
    // hours whose milliseconds overflow a long
    assertThatThrownBy(() -> c.with(OcrJobConfig.STAGING_HOURS, "9223372036854775"))
        .hasMessageContaining("openocr.output.abandoned-staging-hours: 9223372036854775");
  }

  @Test
  void incrementalRunsTryAFileThreeTimesUnlessSetOtherwise() {
    OcrJobConfig c = OcrJobConfig.of(BASE);
    assertThat(c.incrementalMaxAttempts()).isEqualTo(3);
    assertThat(c.with(OcrJobConfig.INCREMENTAL_MAX_ATTEMPTS, "1").incrementalMaxAttempts())
        .isEqualTo(1);
    assertThatThrownBy(() -> c.with(OcrJobConfig.INCREMENTAL_MAX_ATTEMPTS, "0"))
        .hasMessage("Invalid openocr.incremental.max-attempts: 0 (attempts >= 1; 1 never retries)");
  }

  @Test
  void progressLinesComeEveryTenSecondsUnlessSetOtherwise() {
    OcrJobConfig c = OcrJobConfig.of(BASE);
    assertThat(c.progressInterval()).isEqualTo(10);
    assertThat(c.with(OcrJobConfig.PROGRESS_INTERVAL, "0").progressInterval()).isZero();
  }

  @Test
  void pageSettingsNeedNoInputOrOutput() {
    OcrJobConfig c = OcrJobConfig.ofPageSettings(Map.of(OcrJobConfig.LANG, "ko"));
    assertThat(c.lang()).isEqualTo("ko");
    assertThat(c.with(OcrJobConfig.PDF_DPI, "150").pdfDpi()).isEqualTo(150);
    assertThatThrownBy(() -> OcrJobConfig.ofPageSettings(Map.of(OcrJobConfig.RUNTIME, "tf")))
        .hasMessageContaining("tf");
    assertThatThrownBy(() -> OcrJobConfig.ofPageSettings(Map.of("openocr.lexikon", "false")))
        .hasMessage("Unknown setting: openocr.lexikon");
  }

  @Test
  void everyKeyIsKebabCaseAndTheOldCamelCaseKeyIsStillReadWithAWarning() throws Exception {
    for (java.lang.reflect.Field f : OcrJobConfig.class.getFields()) {
      Object v = f.get(null);
      if (v instanceof String key && key.startsWith("openocr.")) {
        assertThat(key).as(f.getName()).matches("openocr(\\.[a-z0-9]+(-[a-z0-9]+)*)+");
      }
    }
    assertThat(OcrJobConfig.WIDTH_VOTE).isEqualTo("openocr.width-vote");
    Map<String, String> old = new java.util.HashMap<>(BASE);
    old.put("openocr.widthVote", "false");
    assertThat(OcrJobConfig.of(old).widthVote()).isFalse();
    assertThat(OcrJobConfig.of(old).values()).containsEntry(OcrJobConfig.WIDTH_VOTE, "false")
        .doesNotContainKey("openocr.widthVote");
    assertThat(OcrJobConfig.renamed(old)).containsExactly("Setting openocr.widthVote is now "
        + "openocr.width-vote; read as openocr.width-vote=false");
    Map<String, String> both = new java.util.HashMap<>(Map.of("openocr.widthVote", "false",
        OcrJobConfig.WIDTH_VOTE, "true"));
    assertThat(OcrJobConfig.renamed(both)).containsExactly("Setting openocr.widthVote is now "
        + "openocr.width-vote; openocr.width-vote is also set and wins");
    assertThat(both).containsExactly(Map.entry(OcrJobConfig.WIDTH_VOTE, "true"));
  }

  @Test
  void theDecodeLimitsDefaultsAreTheDecodersOwn() {
    OcrJobConfig c = OcrJobConfig.of(BASE);
    assertThat(new DecodeLimits(c.maxFileBytes(), c.maxPixels(), c.maxPages(), c.pdfDpi()))
        .isEqualTo(DecodeLimits.defaults());
    assertThat(c.backend()).isEqualTo(Backend.DEFAULT);
  }
}
