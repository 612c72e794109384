package dev.openocr.engine;

import dev.openocr.detect.DetectorModel;
import dev.openocr.nn.ModelBundle;
import dev.openocr.recognize.RecognizerModel;

/** Loads the detector and recognizer bundles named in the options into an engine. */
final class EngineLoader {
  private EngineLoader() {}

  static OcrEngine load(EngineOptions options) {
    NativeSetup.configure(options.threads());
    DetectorModel det = DetectorModel.load(ModelBundle.open(options.detector()), options.device(),
        options.backend(), options.threads());
    RecognizerModel rec;
    try {
      rec = RecognizerModel.load(ModelBundle.open(options.recognizer()), options.device(),
          options.backend(), options.threads());
    } catch (RuntimeException e) {
      det.close();
      throw e;
    }
    String id = det.id() + "+" + rec.id();
    AutoCloseable resources = () -> {
      try {
        det.close();
      } finally {
        rec.close();
      }
    };
    java.util.function.Supplier<dev.openocr.detect.TextDetector> detectors =
        options.detectorOptions() == null ? det::newDetector
            : () -> det.newDetector(options.detectorOptions());
    return new OcrEngine(detectors, () -> rec.newRecognizer(options.lexicon(),
        options.widthVote()), id, resources,
        options.detectOrientation());
  }
}
