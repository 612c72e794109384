package dev.openocr.engine;

import dev.openocr.detect.DetectorOptions;
import dev.openocr.detect.TextDetector;
import dev.openocr.recognize.TextRecognizer;
import java.util.function.Supplier;

/**
 * Loaded models, shared by every thread of a JVM. It is thread-safe: each thread opens its own
 * {@link OcrSession} (which holds that thread's predictors) and closes it when done.
 */
public final class OcrEngine implements AutoCloseable {
  private final Supplier<TextDetector> detectors;
  private final Supplier<TextRecognizer> recognizers;
  private final String modelId;
  private final AutoCloseable resources;
  private final boolean detectOrientation;
  private final HangulPair hangul;

  /**
   * The models that read Hangul pages when pages are routed by script ({@code --lang auto}).
   *
   * @param options the post-processing settings of Hangul pages on the Latin detector's network
   * @param recognizers makes one Hangul recognizer per session
   * @param votes makes one session's script vote (its two quick readers)
   */
  record HangulPair(DetectorOptions options, Supplier<TextRecognizer> recognizers,
                    Supplier<ScriptVote> votes) {}

  /**
   * @param detectors makes one detector per session (thread)
   * @param recognizers makes one recognizer per session
   * @param modelId bundle ids, written into every output row
   * @param resources closed with the engine (the loaded models), may be null
   */
  public OcrEngine(Supplier<TextDetector> detectors, Supplier<TextRecognizer> recognizers,
      String modelId, AutoCloseable resources, boolean detectOrientation) {
    this(detectors, recognizers, null, modelId, resources, detectOrientation);
  }

  /** As the other constructor, routing each page by script when {@code hangul} is not null. */
  OcrEngine(Supplier<TextDetector> detectors, Supplier<TextRecognizer> recognizers,
      HangulPair hangul, String modelId, AutoCloseable resources, boolean detectOrientation) {
    this.hangul = hangul;
    this.detectors = detectors;
    this.recognizers = recognizers;
    this.modelId = modelId;
    this.resources = resources;
    this.detectOrientation = detectOrientation;
  }

  /** Loads the bundles named in the options (classpath or local folder). */
  public static OcrEngine load(EngineOptions options) {
    return EngineLoader.load(options);
  }

  /** A session for the calling thread; close it when the thread's work is done. */
  public OcrSession session() {
    TextDetector d = detectors.get();
    TextRecognizer r = null;
    TextDetector hd = null;
    TextRecognizer hr = null;
    ScriptVote v = null;
    try {
      r = recognizers.get();
      if (hangul == null) {
        return new OcrSession(d, r, detectOrientation);
      }
      hd = d.withOptions(hangul.options());
      hr = hangul.recognizers().get();
      v = hangul.votes().get();
      return new OcrSession(d, r, new OcrSession.HangulReading(hd, hr, v), detectOrientation);
    } catch (RuntimeException e) {
      try (TextDetector dd = d; TextRecognizer rr = r; TextDetector hh = hd;
          TextRecognizer hhr = hr; ScriptVote vv = v) {
        throw e;
      }
    }
  }

  /** Ids of the loaded bundles, e.g. {@code craft-lean-en@1a2b3c4d+crnn-lean-en@5e6f7a8b}. */
  public String modelId() {
    return modelId;
  }

  @Override
  public void close() {
    if (resources != null) {
      try {
        resources.close();
      } catch (Exception e) {
        throw new IllegalStateException("Could not close models " + modelId, e);
      }
    }
  }
}
