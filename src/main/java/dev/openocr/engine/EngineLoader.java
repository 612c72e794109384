package dev.openocr.engine;

import dev.openocr.detect.DetectorModel;
import dev.openocr.detect.DetectorOptions;
import dev.openocr.detect.TextDetector;
import dev.openocr.nn.ModelBundle;
import dev.openocr.recognize.RecognizerModel;
import dev.openocr.recognize.TextRecognizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/** Loads the detector and recognizer bundles named in the options into an engine. */
final class EngineLoader {
  private EngineLoader() {}

  static OcrEngine load(EngineOptions options) {
    NativeSetup.configure(options.threads());
    List<AutoCloseable> loaded = new ArrayList<>();
    try {
      ModelBundle detBundle = ModelBundle.open(options.detector());
      DetectorModel det = DetectorModel.load(detBundle, options.device(), options.backend(),
          options.threads());
      loaded.add(det);
      RecognizerModel rec = recognizer(options.recognizer(), options, loaded);
      String id = det.id() + "+" + rec.id();
      OcrEngine.HangulPair hangul = null;
      if (options.routesScripts()) {
        ModelBundle hd = ModelBundle.open(options.hangulDetector());
        if (!hd.expectedSha256().equalsIgnoreCase(detBundle.expectedSha256())) {
          throw new IllegalArgumentException("The Hangul detector " + options.hangulDetector()
              + " must hold the weights of " + options.detector() + " (pages are detected once)");
        }
        DetectorOptions ho = DetectorModel.inferenceOptions(hd);
        RecognizerModel hr = recognizer(options.hangulRecognizer(), options, loaded);
        hangul = new OcrEngine.HangulPair(ho, () -> hr.newRecognizer(options.lexicon(),
            options.widthVote()), () -> votes(rec, hr));
        id += "+" + hd.versionedId() + "+" + hr.id();
      }
      Supplier<TextDetector> detectors = options.detectorOptions() == null ? det::newDetector
          : () -> det.newDetector(options.detectorOptions());
      List<AutoCloseable> resources = new ArrayList<>(loaded);
      return new OcrEngine(detectors, () -> rec.newRecognizer(options.lexicon(),
          options.widthVote()), hangul, id, () -> closeAll(resources),
          options.detectOrientation());
    } catch (RuntimeException e) {
      try {
        closeAll(loaded);
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** One session's script vote: both recognizers reading the best path alone. */
  private static ScriptVote votes(RecognizerModel latin, RecognizerModel hangul) {
    TextRecognizer l = latin.newBestPathRecognizer();
    try {
      return new ScriptVote(l, hangul.newBestPathRecognizer());
    } catch (RuntimeException e) {
      l.close();
      throw e;
    }
  }

  private static RecognizerModel recognizer(String location, EngineOptions options,
      List<AutoCloseable> loaded) {
    RecognizerModel rec = RecognizerModel.load(ModelBundle.open(location), options.device(),
        options.backend(), options.threads());
    loaded.add(rec);
    return rec;
  }

  /** Closes every model, the last loaded first, even when one fails. */
  private static void closeAll(List<AutoCloseable> models) {
    List<AutoCloseable> reversed = new ArrayList<>(models);
    Collections.reverse(reversed);
    RuntimeException first = null;
    for (AutoCloseable m : reversed) {
      try {
        m.close();
      } catch (Exception e) {
        RuntimeException r = e instanceof RuntimeException re ? re
            : new IllegalStateException(e);
        if (first == null) {
          first = r;
        } else {
          first.addSuppressed(r);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
