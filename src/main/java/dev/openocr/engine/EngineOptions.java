package dev.openocr.engine;

import dev.openocr.detect.DetectorOptions;
import dev.openocr.nn.Backend;
import java.io.Serializable;
import java.util.Objects;

/**
 * What an engine loads and how it runs. Serializable so the driver can ship it to executors;
 * the engine itself never is.
 *
 * @param detector bundle location: {@code classpath:models/<name>} or a local folder path
 * @param recognizer bundle location, same forms
 * @param device {@code cpu} or {@code gpu:N}
 * @param threads intra-op threads for the native engine (the task's cores)
 * @param detectOrientation whether to test 90/180/270 degree rotations per page
 * @param detectorOptions inference settings overriding the detector bundle's own, or null
 * @param lexicon whether the recognizer corrects readings towards its bundle's word list (when
 *     the bundle has one)
 * @param widthVote whether the recognizer reads unsure crops again stretched, as its bundle's
 *     {@code decoding.widthVote} says (when it has one)
 * @param backend what runs the networks on the CPU (a GPU always runs libtorch)
 */
public record EngineOptions(String detector, String recognizer, String device, int threads,
                            boolean detectOrientation, DetectorOptions detectorOptions,
                            boolean lexicon, boolean widthVote, Backend backend)
    implements Serializable {

  public static final String DEFAULT_DEVICE = "cpu";

  public EngineOptions {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(recognizer, "recognizer");
    Objects.requireNonNull(backend, "backend");
    if (threads <= 0) {
      throw new IllegalArgumentException("Invalid thread count: " + threads);
    }
    if (!device.equals("cpu") && !device.matches("gpu:\\d+")) {
      throw new IllegalArgumentException("Invalid device: " + device + " (cpu or gpu:N)");
    }
  }

  /** The shipped English bundles on CPU. */
  public static EngineOptions defaults() {
    return forLanguage("en");
  }

  /** The shipped bundles for a language ({@code en} or {@code ko}). */
  public static EngineOptions forLanguage(String lang) {
    return new EngineOptions(ModelCatalog.defaultDetector(lang), ModelCatalog.defaultRecognizer(lang),
        DEFAULT_DEVICE, 1, true, null, true, false, Backend.DEFAULT);
  }

  public EngineOptions withDevice(String d) {
    return new EngineOptions(detector, recognizer, d, threads, detectOrientation, detectorOptions, lexicon, widthVote, backend);
  }

  public EngineOptions withThreads(int t) {
    return new EngineOptions(detector, recognizer, device, t, detectOrientation, detectorOptions, lexicon, widthVote, backend);
  }

  public EngineOptions withModels(String det, String rec) {
    return new EngineOptions(det == null ? detector : det, rec == null ? recognizer : rec, device,
        threads, detectOrientation, detectorOptions, lexicon, widthVote, backend);
  }

  /** Overrides the detector bundle's inference settings (null: the bundle's own). */
  public EngineOptions withDetectorOptions(DetectorOptions o) {
    return new EngineOptions(detector, recognizer, device, threads, detectOrientation, o, lexicon, widthVote, backend);
  }

  public EngineOptions withOrientation(boolean on) {
    return new EngineOptions(detector, recognizer, device, threads, on, detectorOptions, lexicon, widthVote, backend);
  }

  public EngineOptions withLexicon(boolean on) {
    return new EngineOptions(detector, recognizer, device, threads, detectOrientation,
        detectorOptions, on, widthVote, backend);
  }

  public EngineOptions withBackend(Backend b) {
    return new EngineOptions(detector, recognizer, device, threads, detectOrientation,
        detectorOptions, lexicon, widthVote, b);
  }

  public EngineOptions withWidthVote(boolean on) {
    return new EngineOptions(detector, recognizer, device, threads, detectOrientation,
        detectorOptions, lexicon, on, backend);
  }
}
