package dev.openocr.cli;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.synth.CropGenerator;
import dev.openocr.synth.Lang;
import dev.openocr.synth.PageGenerator;
import dev.openocr.synth.SynthConfig;
import dev.openocr.synth.SynthWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code openocr synth}: writes synthetic pages (with ground truth) or word crops to a folder. */
@Command(name = "synth", mixinStandardHelpOptions = true,
    description = "Generate synthetic training pages (images/, gt/) or word crops (crops/).")
public final class SynthCommand implements Callable<Integer> {
  /** What to generate. */
  public enum Kind { PAGES, CROPS, PAGECROPS }

  @Option(names = "--pages", required = true, description = "Number of samples to write.")
  int count;

  @Option(names = "--seed", defaultValue = "0",
      description = "Run seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--lang", defaultValue = OcrJobConfig.MODEL_LANG_DEFAULT,
      description = "en or ko (default ${DEFAULT-VALUE}).")
  String lang;

  @Option(names = "--kind", defaultValue = "pages",
      description = "pages, crops (one word each), or pagecrops (every word of N pages).")
  Kind kind;

  @Option(names = "--config", description = "Overrides of SynthConfig (.properties or .json).")
  Path config;

  @Option(names = "--overlay", description = "Also write overlay/ images with the ground truth.")
  boolean overlay;

  @Option(names = "--craft-maps", description = "Also write CRAFT region/affinity maps as PNG.")
  boolean craftMaps;

  @Option(names = "--threads", description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(names = "--output", required = true, description = "Output folder.")
  Path output;

  @Override
  public Integer call() throws Exception {
    Lang l = Lang.parse(lang);
    SynthConfig cfg = config == null ? SynthConfig.defaults() : SynthConfig.load(config);
    int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    SynthWriter.Options opt = new SynthWriter.Options(overlay, craftMaps, t);
    long start = System.nanoTime();
    if (kind == Kind.CROPS) {
      SynthWriter.writeCrops(CropGenerator.defaults(l, cfg), l, seed, count, output, opt);
    } else if (kind == Kind.PAGECROPS) {
      SynthWriter.writePageCrops(PageGenerator.defaults(l, cfg), l, seed, count, output, opt);
    } else {
      SynthWriter.writePages(PageGenerator.defaults(l, cfg), l, seed, count, output, opt);
    }
    double s = (System.nanoTime() - start) / 1e9;
    System.err.printf("synth: %d %s (%s) in %.1f s with %d threads -> %s%n", count,
        kind.name().toLowerCase(Locale.ROOT), l.code(), s, t, output);
    return 0;
  }
}
