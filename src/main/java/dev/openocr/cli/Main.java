package dev.openocr.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code openocr} command line: one subcommand per task. */
@Command(name = "openocr", mixinStandardHelpOptions = true, version = "openocr 0.1.0",
    description = "Batch OCR for Apache Spark: run, query, export, synth, train, eval, serve.",
    subcommands = {
        CommandLine.HelpCommand.class,
        // one line per subcommand; keep this list sorted by name
        AverageWeightsCommand.class,
        EnsembleCommand.class,
        EvalCommand.class,
        ExportCommand.class,
        QueryCommand.class,
        RenderCommand.class,
        RunCommand.class,
        ServeCommand.class,
        SynthCommand.class,
        TrainDetectorCommand.class,
        TrainRecognizerCommand.class,
    })
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit code (for tests). */
  public static int execute(String... args) {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
