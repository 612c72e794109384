package dev.openocr.spark;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.engine.EngineOptions;
import dev.openocr.imageio.DecodeLimits;

/** Turns the driver's job configuration into the serializable settings tasks receive. */
public final class TaskSettings {
  private TaskSettings() {}

  /** Engine options on CPU with one thread; each task picks its device and thread count. */
  public static EngineOptions engineOptions(OcrJobConfig c) {
    return EngineOptions.forLanguage(c.lang()).withModels(c.detector(), c.recognizer())
        .withOrientation(c.orientation()).withLexicon(c.lexicon())
        .withWidthVote(c.widthVote()).withBackend(c.backend());
  }

  public static DecodeLimits limits(OcrJobConfig c) {
    return new DecodeLimits(c.maxFileBytes(), c.maxPixels(), c.maxPages(), c.pdfDpi());
  }

  /** Limits, page time budget and test switches for every task. */
  public static TaskOptions taskOptions(OcrJobConfig c, boolean java8Time) {
    return new TaskOptions(limits(c), c.pageSeconds(), java8Time, c.faultAfterPages());
  }
}
