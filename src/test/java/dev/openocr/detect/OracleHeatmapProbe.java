package dev.openocr.detect;

import dev.openocr.eval.ScoreFiles;
import dev.openocr.eval.ScoredWord;
import dev.openocr.synth.CraftTargets;
import dev.openocr.synth.Lang;
import dev.openocr.synth.PageGenerator;
import dev.openocr.synth.Rng;
import dev.openocr.synth.SynthConfig;
import dev.openocr.synth.SynthPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Ceiling of the post-processing: the training targets of synthetic pages (perfect heatmaps) go
 * through the detector's own post-processing ({@link DjlDetector#words}) as its maps would, at a
 * magnification, and the boxes are written as prediction files for {@code score.py}. Not a test.
 *
 * <p>Usage: {@code OracleHeatmapProbe SEED PAGES MAG PADDING OUT_DIR [ALONG,ACROSS|craft]
 * [MIN_SIZE]}; pages as {@code synth --seed SEED --lang en}, files named as its ground truth.
 */
public final class OracleHeatmapProbe {
  private OracleHeatmapProbe() {}

  public static void main(String[] args) throws Exception {
    long seed = Long.parseLong(args[0]);
    int pages = Integer.parseInt(args[1]);
    double mag = Double.parseDouble(args[2]);
    double padding = Double.parseDouble(args[3]);
    Path out = Path.of(args[4]);
    HeatmapPostProcessor.BoxGrowth growth = args.length > 5
        ? HeatmapPostProcessor.BoxGrowth.parse(args[5]) : HeatmapPostProcessor.BoxGrowth.defaults();
    HeatmapPostProcessor.Thresholds def = HeatmapPostProcessor.Thresholds.defaults();
    HeatmapPostProcessor.Thresholds th = args.length > 6 ? new HeatmapPostProcessor.Thresholds(
        def.textThreshold(), def.linkThreshold(), def.lowText(), Integer.parseInt(args[6])) : def;
    DetectorOptions opts = DetectorOptions.defaults().withThresholds(th).withBoxGrowth(growth)
        .withBoxPadding(padding);
    Files.createDirectories(out);
    PageGenerator gen = PageGenerator.defaults(Lang.EN, SynthConfig.defaults());
    for (int i = 0; i < pages; i++) {
      SynthPage p = gen.generate(Rng.sampleSeed(seed, i));
      int w = (int) Math.ceil(p.image().width() * mag / 2);
      int h = (int) Math.ceil(p.image().height() * mag / 2);
      CraftTargets t = CraftTargets.make(p, w, h, mag / 2);
      List<ScoredWord> words = new ArrayList<>();
      for (DetectedWord d : DjlDetector.words(new Heatmaps(t.region(), t.affinity(), w, h), mag,
          p.image().width(), p.image().height(), opts)) {
        words.add(new ScoredWord("x", d.quad().bounds(), d.score()));
      }
      String id = dev.openocr.synth.SynthWriter.id(Lang.EN, seed, i);
      ScoreFiles.write(out.resolve(id + ".json"), new ScoreFiles.PageFile(id + ".png",
          p.image().width(), p.image().height(), words));
    }
  }
}
