package dev.openocr.cli;

import com.google.gson.JsonObject;
import dev.openocr.detect.DetectorOptions;
import dev.openocr.detect.DetectorSpec;
import dev.openocr.engine.NativeSetup;
import dev.openocr.synth.Lang;
import dev.openocr.synth.PageGenerator;
import dev.openocr.synth.SynthConfig;
import dev.openocr.train.DetectorSamples;
import dev.openocr.train.DetectorTrainer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code openocr train-detector}: stage-1 CRAFT training on synthetic pages made on the fly. */
@Command(name = "train-detector", mixinStandardHelpOptions = true,
    description = "Train the CRAFT detector on synthetic pages (strong supervision); resumable.")
public final class TrainDetectorCommand implements Callable<Integer> {
  @Option(names = "--run-dir", description = "Run folder. Default: runs/craft-<variant>-seed<seed>")
  Path runDir;
  @Option(names = "--variant", defaultValue = "lean", description = "lean, lean-fast (a slimmer decoder: about half the time a page; --init from a lean bundle starts its encoder), lean-r2, lean-r3 (lean with a residual refinement block at a quarter or half resolution; --init from a lean bundle grows it) or vgg16bn (default ${DEFAULT-VALUE})")
  String variant;
  @Option(names = "--steps", defaultValue = "10000") int steps;
  @Option(names = "--batch", defaultValue = "8") int batch;
  @Option(names = "--crop-size", defaultValue = "320") int cropSize;
  @Option(names = "--lr", defaultValue = "0.002") float lr;
  @Option(names = "--val-pages", defaultValue = "20") int valPages;
  @Option(names = "--mag-ratio", defaultValue = "1.5", description = "Magnification used in validation")
  double magRatio;
  @Option(names = "--seed", defaultValue = "1") long seed;
  @Option(names = "--scale-range", defaultValue = "0.8,2.4", paramLabel = "MIN,MAX",
      description = "Scales training crops are cut at, page to network pixels, drawn "
          + "log-uniformly (default ${DEFAULT-VALUE})")
  String scaleRange;
  @Option(names = "--gap-weight", defaultValue = "0",
      description = "Extra loss weight on the spaces between neighbouring words, in both maps "
          + "(0: hard negative mining alone) (default ${DEFAULT-VALUE})")
  float gapWeight;

  @Mixin
  TrainArgs common;

  @Override
  public Integer call() throws Exception {
    NativeSetup.configure(common.threads);
    DetectorSpec spec = DetectorSpec.of(variant);
    DetectorSamples.Scales scales = DetectorSamples.Scales.parse(scaleRange);
    Lang l = Lang.parse(common.lang);
    SynthConfig sc = common.synth();
    PageGenerator pages = PageGenerator.defaults(l, sc);
    Path dir = runDir != null ? runDir : Path.of("runs", "craft-" + variant + "-seed" + seed);
    JsonObject notes = new JsonObject();
    notes.addProperty("data", "synthetic pages, PageGenerator(" + l.code() + "), "
        + common.dataNote());
    notes.addProperty("command", "openocr train-detector --variant " + variant + " --steps " + steps
        + " --batch " + batch + " --crop-size " + cropSize + " --lr " + lr + " --seed " + seed
        + " --scale-range " + scales + " --gap-weight " + gapWeight + " --mag-ratio " + magRatio
        + " --val-pages " + valPages
        + common.commandTail());
    DetectorOptions inf = DetectorOptions.defaults().withMagRatio(magRatio);
    DetectorTrainer.Result r = DetectorTrainer.train(new DetectorTrainer.Config(dir,
        "craft-" + variant + "-" + l.code(), spec, steps, batch, cropSize, lr, common.valEvery,
        valPages, seed, common.device(), inf, notes, common.init, scales, gapWeight), pages);
    System.out.printf("done: %d steps, val P/R/F1 %.4f/%.4f/%.4f, best F1 %.4f, %.0f s, best %s%n",
        r.steps(), r.valPrf()[0], r.valPrf()[1], r.valPrf()[2], r.bestF1(), r.seconds(), r.best());
    return 0;
  }
}
