package dev.openocr.cli;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.synth.SynthConfig;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options both training commands take (picocli mixin). */
final class TrainArgs {
  @Option(names = "--lang", defaultValue = OcrJobConfig.MODEL_LANG_DEFAULT,
      description = "en or ko (default ${DEFAULT-VALUE})")
  String lang;
  @Option(names = "--val-every", defaultValue = "500",
      description = "Validate and checkpoint every N steps (default ${DEFAULT-VALUE})")
  int valEvery;
  @Option(names = "--threads", defaultValue = "2",
      description = "Native intra-op threads (default ${DEFAULT-VALUE})")
  int threads;
  @Option(names = "--device", description = "cpu or gpu:N (default: first GPU DJL finds, else cpu)")
  String device;
  @Option(names = "--synth-config", description = "Generator settings file")
  Path synthConfig;
  @Option(names = "--init", description = "Start a new run from this bundle's weights "
      + "(classpath:models/NAME or a folder) with a fresh schedule; ignored when resuming")
  String init;

  String device() {
    return device == null ? Cli.defaultDevice() : device;
  }

  SynthConfig synth() throws IOException {
    return synthConfig == null ? SynthConfig.defaults() : SynthConfig.load(synthConfig);
  }

  /** How the generator was configured, for the bundle's training notes. */
  String dataNote() {
    return synthConfig == null ? "default config" : synthConfig.toString();
  }

  /** The shared options as they appear on a command line, for the training notes. */
  String commandTail() {
    return " --lang " + lang + (init == null ? "" : " --init " + init)
        + (synthConfig == null ? "" : " --synth-config " + synthConfig);
  }
}
