package dev.openocr.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.detect.DetectorModel;
import dev.openocr.detect.DetectorOptions;
import dev.openocr.detect.DetectorSpec;
import dev.openocr.nn.ModelBundle;
import dev.openocr.synth.Lang;
import dev.openocr.synth.PageGenerator;
import dev.openocr.synth.SynthConfig;
import dev.openocr.synth.SynthPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detector's training loop on small synthetic pages: a run leaves a checkpoint, a best
 * bundle, its state, log and curves, and a run killed after a checkpoint and started again ends
 * with the weights of a run that was never interrupted (the optimizer's moments resume too).
 */
class DetectorTrainerTest {
  /** Every run here starts from seeded weights (a test may seed again for its own start). */
  @org.junit.jupiter.api.BeforeEach
  void seed() {
    ai.djl.engine.Engine.getInstance().setRandomSeed(6);
  }

  @TempDir Path tmp;

  private static final PageGenerator PAGES;

  static {
    SynthConfig cfg = SynthConfig.defaults();
    cfg.pageWidth = 320;
    cfg.pageHeight = 320;
    PAGES = PageGenerator.defaults(Lang.EN, cfg);
  }

  @Test
  void aRunKilledAndResumedEndsWithTheWeightsOfAnUninterruptedRun() throws Exception {
    // both runs start from the same weights (initialization is not seeded)
    String init = DetectorTrainer.train(config(tmp.resolve("init"), 1, null), PAGES)
        .best().toString();
    Path straight = tmp.resolve("straight");
    DetectorTrainer.Result r = DetectorTrainer.train(config(straight, 6, init), PAGES);
    assertThat(r.steps()).isEqualTo(6);
    assertThat(RunState.read(straight).step()).isEqualTo(6);
    assertThat(straight.resolve("best/model.json")).exists();
    assertThat(straight.resolve("curves.png")).exists();
    List<String> log = Files.readAllLines(straight.resolve("log.csv"));
    assertThat(log.get(log.size() - 1)).startsWith("6,");

    Path killed = tmp.resolve("killed");
    LongFunction<SynthPage> dies = seed -> {
      if (seed >= 3L * 2 && seed < DetectorTrainer.VALIDATION_SEED_BASE) {
        throw new IllegalStateException("killed");
      }
      return PAGES.generate(seed);
    };
    assertThatThrownBy(() -> DetectorTrainer.train(config(killed, 6, init), dies))
        .hasRootCauseMessage("killed");
    assertThat(RunState.read(killed).step()).isEqualTo(3);
    Path afresh = tmp.resolve("afresh");
    Runs.copy(killed, afresh);
    Files.delete(afresh.resolve(RunState.OPTIMIZER_FILE));
    DetectorTrainer.train(config(killed, 6, init), PAGES);
    DetectorTrainer.train(config(afresh, 6, init), PAGES);
    assertThat(RunState.read(killed).step()).isEqualTo(6);
    try (DetectorModel a = load(straight); DetectorModel b = load(killed);
         DetectorModel c = load(afresh)) {
      assertThat(Runs.maxDifference(a.model().getBlock(), b.model().getBlock()))
          .isLessThan(1e-5f);
      // without the moments the resumed run goes elsewhere
      assertThat(Runs.maxDifference(a.model().getBlock(), c.model().getBlock()))
          .isGreaterThan(1e-4f);
    }
  }

  @Test
  void aRefinedNetworkStartsFromALeanBundlesWeights() throws Exception {
    String init = DetectorTrainer.train(config(tmp.resolve("lean"), 1, null), PAGES)
        .best().toString();
    Path grown = tmp.resolve("grown");
    DetectorTrainer.train(config(grown, 3, init, DetectorSpec.leanRefined(3)), PAGES);
    Path fresh = tmp.resolve("fresh");
    DetectorTrainer.train(config(fresh, 3, null, DetectorSpec.leanRefined(3)), PAGES);
    try (DetectorModel from = DetectorModel.load(ModelBundle.open(init), "cpu");
         DetectorModel g = load(grown); DetectorModel f = load(fresh)) {
      assertThat(g.spec().variant()).isEqualTo("lean-r3");
      // three Adam steps of 0.001 move the lean weights little; a random start is far from them
      assertThat(convDifference(from, g)).isLessThan(0.01f);
      assertThat(convDifference(from, f)).isGreaterThan(0.05f);
    }
  }

  /** Largest difference between the lean network's convolution weights and the refined one's. */
  private static float convDifference(DetectorModel lean, DetectorModel refined) {
    return Runs.maxDifference(lean.model().getBlock(), refined.model().getBlock(),
        p -> p.getType() == ai.djl.nn.Parameter.Type.WEIGHT);
  }

  private static DetectorModel load(Path run) {
    return DetectorModel.load(ModelBundle.open(run.resolve("checkpoint").toString()), "cpu");
  }

  /** Seed 0, batch 2 (one page per batch), 96-pixel crops, validation every 3 steps on 1 page. */
  private static DetectorTrainer.Config config(Path run, int steps, String init) {
    return config(run, steps, init, DetectorSpec.lean());
  }

  private static DetectorTrainer.Config config(Path run, int steps, String init,
      DetectorSpec spec) {
    return new DetectorTrainer.Config(run, "test", spec, steps, 2, 96, 0.001f, 3,
        1, 0, "cpu", DetectorOptions.defaults(), null, init, DetectorSamples.Scales.DEFAULT, 2f);
  }
}
