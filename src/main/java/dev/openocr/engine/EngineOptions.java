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
 * @param hangulDetector with {@code --lang auto}: the detector bundle whose inference settings
 *     a page found to be Hangul is post-processed with (it must hold {@code detector}'s weights:
 *     the network runs once a page); null for one language
 * @param hangulRecognizer with {@code --lang auto}: the recognizer of Hangul pages; null for one
 *     language
 */
public record EngineOptions(String detector, String recognizer, String device, int threads,
                            boolean detectOrientation, DetectorOptions detectorOptions,
                            boolean lexicon, boolean widthVote, Backend backend,
                            String hangulDetector, String hangulRecognizer)
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
    if ((hangulDetector == null) != (hangulRecognizer == null)) {
      throw new IllegalArgumentException("A Hangul detector needs a Hangul recognizer");
    }
  }

  /** The shipped bundles on CPU, each page read with the pair of its script ({@code auto}). */
  public static EngineOptions defaults() {
    return forLanguage(ModelCatalog.AUTO);
  }

  /**
   * The shipped bundles for a language: {@code en}, {@code ko}, or {@code auto} (the English
   * pair, and the Korean pair for pages whose words are Hangul, {@link ScriptVote}).
   */
  public static EngineOptions forLanguage(String lang) {
    boolean auto = ModelCatalog.AUTO.equals(lang);
    String main = auto ? "en" : lang;
    return new EngineOptions(ModelCatalog.defaultDetector(main),
        ModelCatalog.defaultRecognizer(main), DEFAULT_DEVICE, 1, true, null, true, false,
        Backend.DEFAULT, auto ? ModelCatalog.defaultDetector("ko") : null,
        auto ? ModelCatalog.defaultRecognizer("ko") : null);
  }

  /** Whether pages are routed by script between two model pairs ({@code --lang auto}). */
  public boolean routesScripts() {
    return hangulRecognizer != null;
  }

  public EngineOptions withDevice(String d) {
    return new EngineOptions(detector, recognizer, d, threads, detectOrientation, detectorOptions,
        lexicon, widthVote, backend, hangulDetector, hangulRecognizer);
  }

  public EngineOptions withThreads(int t) {
    return new EngineOptions(detector, recognizer, device, t, detectOrientation, detectorOptions,
        lexicon, widthVote, backend, hangulDetector, hangulRecognizer);
  }

  /**
   * Other bundles (null keeps the current one). A bundle of one's own reads every page: it turns
   * script routing off.
   */
  public EngineOptions withModels(String det, String rec) {
    boolean own = det != null || rec != null;
    return new EngineOptions(det == null ? detector : det, rec == null ? recognizer : rec, device,
        threads, detectOrientation, detectorOptions, lexicon, widthVote, backend,
        own ? null : hangulDetector, own ? null : hangulRecognizer);
  }

  /** Overrides the detector bundle's inference settings (null: the bundle's own). */
  public EngineOptions withDetectorOptions(DetectorOptions o) {
    return new EngineOptions(detector, recognizer, device, threads, detectOrientation, o, lexicon,
        widthVote, backend, hangulDetector, hangulRecognizer);
  }

  public EngineOptions withOrientation(boolean on) {
    return new EngineOptions(detector, recognizer, device, threads, on, detectorOptions, lexicon,
        widthVote, backend, hangulDetector, hangulRecognizer);
  }

  public EngineOptions withLexicon(boolean on) {
    return new EngineOptions(detector, recognizer, device, threads, detectOrientation,
        detectorOptions, on, widthVote, backend, hangulDetector, hangulRecognizer);
  }

  public EngineOptions withBackend(Backend b) {
    return new EngineOptions(detector, recognizer, device, threads, detectOrientation,
        detectorOptions, lexicon, widthVote, b, hangulDetector, hangulRecognizer);
  }

  public EngineOptions withWidthVote(boolean on) {
    return new EngineOptions(detector, recognizer, device, threads, detectOrientation,
        detectorOptions, lexicon, on, backend, hangulDetector, hangulRecognizer);
  }
}
