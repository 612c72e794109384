package dev.openocr.cli;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.engine.EngineOptions;
import dev.openocr.nn.Backend;
import picocli.CommandLine.Option;

/** Options shared by commands that load an engine: language, model bundles, threads. */
final class EngineArgs {
  @Option(names = "--lang", defaultValue = OcrJobConfig.LANG_DEFAULT,
      description = "Shipped models: auto (each page read with the pair of its script, Latin or"
          + " Hangul), en or ko. Default: ${DEFAULT-VALUE}.")
  String lang;

  @Option(names = "--models", split = ",", paramLabel = "DETECTOR,RECOGNIZER",
      description = "Model bundles (classpath:models/<name> or a folder), detector then recognizer.")
  String[] models;

  @Option(names = "--detector", paramLabel = "URI",
      description = "Detector bundle (as in run); overrides --models.")
  String detector;

  @Option(names = "--recognizer", paramLabel = "URI",
      description = "Recognizer bundle (as in run); overrides --models.")
  String recognizer;

  @Option(names = "--device", defaultValue = EngineOptions.DEFAULT_DEVICE,
      description = "cpu or gpu:N.")
  String device;

  @Option(names = "--runtime",
      description = "What runs the networks on the CPU: onnx (ONNX Runtime, the default) or "
          + "pytorch.")
  String runtime;

  /** Engine options for these arguments; {@code threads} is the intra-op thread count. */
  EngineOptions options(int threads) {
    EngineOptions o = EngineOptions.forLanguage(lang).withDevice(device).withThreads(threads)
        .withBackend(runtime == null ? Backend.DEFAULT : Backend.parse(runtime));
    if (models != null) {
      if (models.length != 2) {
        throw new IllegalArgumentException(
            "--models needs DETECTOR,RECOGNIZER, got " + String.join(",", models));
      }
      o = o.withModels(models[0], models[1]);
    }
    return o.withModels(detector, recognizer);
  }
}
