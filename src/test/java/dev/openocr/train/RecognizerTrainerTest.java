package dev.openocr.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.imageio.GrayImage;
import dev.openocr.nn.ModelBundle;
import dev.openocr.nn.Params;
import dev.openocr.recognize.Charset;
import dev.openocr.recognize.Recognition;
import dev.openocr.recognize.RecognizerModel;
import dev.openocr.recognize.RecognizerSpec;
import dev.openocr.recognize.TextRecognizer;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training loop end to end on a tiny set: both decoders learn it, a run leaves a checkpoint,
 * a best bundle, its state and log, a resumed run continues where it stopped, and {@code --init}
 * starts from a bundle's weights.
 */
class RecognizerTrainerTest {
  /** Every run here starts from seeded weights (a test may seed again for its own start). */
  @org.junit.jupiter.api.BeforeEach
  void seed() {
    ai.djl.engine.Engine.getInstance().setRandomSeed(5);
  }

  private static final List<String> WORDS = List.of("AB", "BA", "AAB", "B");
  private static final Charset CHARSET = Charset.parse("AB");

  @TempDir Path tmp;

  @Test
  void attentionRecognizerLearnsATinySetAndResumes() throws Exception {
    RecognizerSpec spec = new RecognizerSpec(RecognizerSpec.Transformation.NONE,
        RecognizerSpec.Features.LEAN, RecognizerSpec.Sequence.NONE,
        RecognizerSpec.Prediction.ATTN, 32, 64, 32, 1, 0, RecognizerSpec.WIDTH_STRIDE);
    Path run = tmp.resolve("attn");
    RecognizerTrainer.Result r = RecognizerTrainer.train(config(run, spec, 120, 0.003f, null),
        RecognizerTrainerTest::crop, RecognizerTrainerTest::crop);
    assertThat(r.bestAccuracy()).isEqualTo(1.0);
    assertThat(readAll(r.best(), spec)).containsExactlyElementsOf(WORDS);
    assertThat(run.resolve("checkpoint/model.json")).exists();
    assertThat(RunState.read(run).step()).isEqualTo(120);
    List<String> log = Files.readAllLines(run.resolve("log.csv"));

    // a resumed run goes on from step 120 and logs only the new steps
    RecognizerTrainer.train(config(run, spec, 150, 0.003f, null),
        RecognizerTrainerTest::crop, RecognizerTrainerTest::crop);
    assertThat(RunState.read(run).step()).isEqualTo(150);
    List<String> resumed = Files.readAllLines(run.resolve("log.csv"));
    assertThat(resumed).hasSize(log.size() + 1);
    assertThat(resumed.get(resumed.size() - 1)).startsWith("150,");
  }

  @Test
  void aRunKilledAndResumedEndsWithTheWeightsOfAnUninterruptedRun() throws Exception {
    RecognizerSpec spec = new RecognizerSpec(RecognizerSpec.Transformation.NONE,
        RecognizerSpec.Features.LEAN, RecognizerSpec.Sequence.NONE,
        RecognizerSpec.Prediction.CTC, 32, 64, 0, 1, 0, RecognizerSpec.WIDTH_STRIDE);
    // both runs start from the same weights (initialization is not seeded)
    String init = RecognizerTrainer.train(config(tmp.resolve("init"), spec, 2, 0.003f, null, 2),
        RecognizerTrainerTest::crop, RecognizerTrainerTest::crop).best().toString();
    Path straight = tmp.resolve("straight");
    RecognizerTrainer.train(config(straight, spec, 20, 0.003f, init, 10, 2),
        RecognizerTrainerTest::crop, RecognizerTrainerTest::crop);

    // the same run dies making batch 10 (its pool of batches 10 and 11, sorted by width), after
    // its checkpoint at step 10, and is run again
    Path killed = tmp.resolve("killed");
    LabeledCropSource dies = i -> {
      if (i >= 10L * WORDS.size()) {
        throw new IllegalStateException("killed");
      }
      return crop(i);
    };
    assertThatThrownBy(() -> RecognizerTrainer.train(
        config(killed, spec, 20, 0.003f, init, 10, 2), dies::crop, RecognizerTrainerTest::crop))
        .hasRootCauseMessage("killed");
    assertThat(RunState.read(killed).step()).isEqualTo(10);
    Path afresh = tmp.resolve("afresh");
    Runs.copy(killed, afresh);
    Files.delete(afresh.resolve(RunState.OPTIMIZER_FILE));
    RecognizerTrainer.train(config(killed, spec, 20, 0.003f, init, 10, 2),
        RecognizerTrainerTest::crop, RecognizerTrainerTest::crop);
    assertThat(maxDifference(straight, killed)).isLessThan(1e-5f);

    // without the optimizer's moments the resumed run goes elsewhere
    RecognizerTrainer.train(config(afresh, spec, 20, 0.003f, init, 10, 2),
        RecognizerTrainerTest::crop, RecognizerTrainerTest::crop);
    assertThat(maxDifference(straight, afresh)).isGreaterThan(1e-3f);
  }

  private interface LabeledCropSource {
    LabeledCrop crop(long i);
  }

  /** Largest difference between two runs' checkpoint weights. */
  private static float maxDifference(Path runA, Path runB) {
    try (RecognizerModel a = RecognizerModel.load(
             ModelBundle.open(runA.resolve("checkpoint").toString()), "cpu");
         RecognizerModel b = RecognizerModel.load(
             ModelBundle.open(runB.resolve("checkpoint").toString()), "cpu")) {
      return Runs.maxDifference(a.model().getBlock(), b.model().getBlock());
    }
  }

  @Test
  void ctcRecognizerWithTpsLearnsATinySet() {
    RecognizerSpec spec = new RecognizerSpec(RecognizerSpec.Transformation.TPS,
        RecognizerSpec.Features.LEAN, RecognizerSpec.Sequence.BILSTM,
        RecognizerSpec.Prediction.CTC, 32, 64, 32, 1, 0, RecognizerSpec.WIDTH_STRIDE);
    // Seeded: from some random starts the localization network leaves the page and the sampling
    // grid turns to NaN within 60 steps at this learning rate.
    ai.djl.engine.Engine.getInstance().setRandomSeed(13);
    RecognizerTrainer.Result r = RecognizerTrainer.train(
        config(tmp.resolve("tps"), spec, 60, 0.003f, null),
        RecognizerTrainerTest::crop, RecognizerTrainerTest::crop);
    assertThat(r.bestAccuracy()).isEqualTo(1.0);
  }

  @Test
  void initStartsANewRunFromABundlesWeights() {
    RecognizerSpec spec = new RecognizerSpec(RecognizerSpec.Transformation.NONE,
        RecognizerSpec.Features.LEAN, RecognizerSpec.Sequence.NONE,
        RecognizerSpec.Prediction.CTC, 32, 64, 0, 1, 0, RecognizerSpec.WIDTH_STRIDE);
    RecognizerTrainer.Result first = RecognizerTrainer.train(
        config(tmp.resolve("a"), spec, 20, 0.003f, null),
        RecognizerTrainerTest::crop, RecognizerTrainerTest::crop);
    String init = first.best().toString();
    ModelBundle bundle = ModelBundle.open(init);
    try (RecognizerModel fresh = RecognizerModel.create(spec, CHARSET, "cpu")) {
      byte[] random = Params.save(fresh.model().getBlock());
      assertThat(random).isNotEqualTo(bundle.weights());
      new RunState(0, -1).restore(fresh.model(), tmp.resolve("b/checkpoint"), init);
      assertThat(Params.save(fresh.model().getBlock())).isEqualTo(bundle.weights());
    }
  }

  @Test
  void aRunWithTheWordSpaceGrowsFromABundleWithoutItAndSplitsPhrases() {
    RecognizerSpec spec = new RecognizerSpec(RecognizerSpec.Transformation.NONE,
        RecognizerSpec.Features.LEAN, RecognizerSpec.Sequence.NONE,
        RecognizerSpec.Prediction.CTC, 32, 128, 0, 1, 0, RecognizerSpec.WIDTH_STRIDE);
    String init = RecognizerTrainer.train(config(tmp.resolve("words"), spec, 20, 0.003f, null),
        RecognizerTrainerTest::crop, RecognizerTrainerTest::crop).best().toString();
    Charset spaced = CHARSET.withWordSpace();
    assertThat(RecognizerTrainer.grownFrom(init, spaced)).isTrue();
    assertThat(RecognizerTrainer.grownFrom(init, CHARSET)).isFalse();
    assertThatThrownBy(() -> RecognizerTrainer.grownFrom(init, Charset.parse("BA")))
        .hasMessageContaining("another charset");

    List<String> phrases = List.of("AB BA", "B AAB", "AB", "BA B");
    RecognizerTrainer.Config cfg = new RecognizerTrainer.Config(tmp.resolve("phrases"), "test",
        spec, spaced, 150, phrases.size(), 0.003f, 50, phrases.size(), 0, "cpu", null, init, 1);
    RecognizerTrainer.Result r = RecognizerTrainer.train(cfg,
        i -> new LabeledCrop(render(phrases.get((int) (i % 4))), phrases.get((int) (i % 4))),
        i -> new LabeledCrop(render(phrases.get((int) (i % 4))), phrases.get((int) (i % 4))));
    assertThat(r.bestAccuracy()).isEqualTo(1.0);
    try (RecognizerModel m = RecognizerModel.load(ModelBundle.open(r.best().toString()), "cpu");
         TextRecognizer rec = m.newRecognizer()) {
      assertThat(m.charset().wordSpaceLabel()).isPositive();
      GrayImage crop = render("AB BA");
      Recognition read = rec.recognize(List.of(crop)).get(0);
      assertThat(read.text()).isEqualTo("AB BA");
      // the cut lies between the words: after the middle of "AB", before the middle of "BA"
      double[] x = {4 + 14 * 1, 4 + 14 * 4};
      assertThat(read.cuts()).hasSize(2);
      assertThat(read.cuts()[0] * crop.width()).isGreaterThan(x[0]);
      assertThat(read.cuts()[1] * crop.width()).isLessThan(x[1]).isGreaterThanOrEqualTo(
          read.cuts()[0] * crop.width());
    }
  }

  @Test
  void aTwoLayerRunGrowsFromAOneLayerBundleAndKeepsItsReadings() {
    RecognizerSpec one = new RecognizerSpec(RecognizerSpec.Transformation.NONE,
        RecognizerSpec.Features.LEAN, RecognizerSpec.Sequence.BILSTM,
        RecognizerSpec.Prediction.CTC, 32, 64, 32, 1, 0, RecognizerSpec.WIDTH_STRIDE);
    RecognizerSpec two = one.withSequenceLayers(2);
    assertThat(two.runName()).isEqualTo("None-Lean-BiLSTMx2-CTC");
    RecognizerTrainer.Result first = RecognizerTrainer.train(
        config(tmp.resolve("one"), one, 60, 0.003f, null),
        RecognizerTrainerTest::crop, RecognizerTrainerTest::crop);
    assertThat(first.bestAccuracy()).isEqualTo(1.0);
    String init = first.best().toString();
    assertThat(RecognizerTrainer.specFrom(init).sequenceLayers()).isEqualTo(1);

    // the grown bundle keeps its layer count and reads the set as the one-layer bundle did
    Path grown = growAndRead("two", two, init);
    Path fresh = tmp.resolve("fresh");
    RecognizerTrainer.train(config(fresh, two, 3, 0.0003f, null),
        RecognizerTrainerTest::crop, RecognizerTrainerTest::crop);
    try (RecognizerModel from = RecognizerModel.load(ModelBundle.open(init), "cpu");
         RecognizerModel g = RecognizerModel.load(
             ModelBundle.open(grown.resolve("checkpoint").toString()), "cpu");
         RecognizerModel f = RecognizerModel.load(
             ModelBundle.open(fresh.resolve("checkpoint").toString()), "cpu")) {
      // three small Adam steps move the one-layer weights little; a random start is far away
      assertThat(Runs.maxDifference(from.model().getBlock(), g.model().getBlock(),
          p -> p.getType() == ai.djl.nn.Parameter.Type.WEIGHT)).isLessThan(0.01f);
      assertThat(Runs.maxDifference(from.model().getBlock(), f.model().getBlock(),
          p -> p.getType() == ai.djl.nn.Parameter.Type.WEIGHT)).isGreaterThan(0.05f);
    }
    // a two-layer bundle does not shrink into a one-layer run
    assertThatThrownBy(() -> RecognizerTrainer.train(config(tmp.resolve("shrink"), one, 3,
        0.0003f, grown.resolve("checkpoint").toString()),
        RecognizerTrainerTest::crop, RecognizerTrainerTest::crop))
        .hasMessageContaining("fewer BiLSTM layers");

    // added feature blocks start closed: the bundle grown with one reads the set as before too
    Path deeper = growAndRead("blocks", one.withFeatureBlocks(1), init);
    // and a bundle with blocks does not lose them
    assertThatThrownBy(() -> RecognizerTrainer.train(config(tmp.resolve("lose"), two, 3,
        0.0003f, deeper.resolve("checkpoint").toString()),
        RecognizerTrainerTest::crop, RecognizerTrainerTest::crop))
        .hasMessageContaining("fewer BiLSTM layers or feature blocks");

    // frames of 2 pixels start from the columns' own outputs, each given twice: the grown bundle
    // reads the set as before, and does not go back to frames of 4
    Path narrow = growAndRead("frames", one.withFrameWidth(2), init);
    assertThatThrownBy(() -> RecognizerTrainer.train(config(tmp.resolve("widen"), one, 3,
        0.0003f, narrow.resolve("checkpoint").toString()),
        RecognizerTrainerTest::crop, RecognizerTrainerTest::crop))
        .hasMessageContaining("wider frames");
  }

  /**
   * Three small steps of a {@code spec} run grown from the bundle at {@code init}; its checkpoint
   * keeps {@code spec} and reads every word of the set.
   *
   * @return the run folder
   */
  private Path growAndRead(String name, RecognizerSpec spec, String init) {
    Path run = tmp.resolve(name);
    RecognizerTrainer.train(config(run, spec, 3, 0.0003f, init),
        RecognizerTrainerTest::crop, RecognizerTrainerTest::crop);
    assertThat(RecognizerTrainer.specFrom(run.resolve("checkpoint").toString())).isEqualTo(spec);
    assertThat(readAll(run.resolve("checkpoint"), spec)).containsExactlyElementsOf(WORDS);
    return run;
  }

  private static final RecognizerSpec FAST32 = new RecognizerSpec(
      RecognizerSpec.Transformation.NONE, RecognizerSpec.Features.FAST,
      RecognizerSpec.Sequence.BILSTM, RecognizerSpec.Prediction.CTC, 32, 64, 16, 1, 0, 4);
  private static final RecognizerSpec FAST24 = new RecognizerSpec(
      RecognizerSpec.Transformation.NONE, RecognizerSpec.Features.FAST,
      RecognizerSpec.Sequence.BILSTM, RecognizerSpec.Prediction.CTC, 24, 64, 16, 1, 0, 2);

  @Test
  void aRunAtAnotherInputHeightStartsWithEveryParameterOfTheSameShape() throws Exception {
    ai.djl.engine.Engine.getInstance().setRandomSeed(11);
    Path from = RecognizerTrainer.train(config(tmp.resolve("h32"), FAST32, 2, 0.003f, null, 2),
        RecognizerTrainerTest::crop, RecognizerTrainerTest::crop).best();
    RecognizerTrainer.Result r = RecognizerTrainer.train(
        config(tmp.resolve("h24"), FAST24, 1, 1e-9f, from.toString(), 1),
        RecognizerTrainerTest::crop, RecognizerTrainerTest::crop);
    try (RecognizerModel a = RecognizerModel.load(ModelBundle.open(from.toString()), "cpu");
         RecognizerModel b = RecognizerModel.load(ModelBundle.open(r.best().toString()), "cpu")) {
      var pa = a.model().getBlock().getParameters();
      var pb = b.model().getBlock().getParameters();
      int same = 0;
      for (int i = 0; i < pb.size(); i++) {
        var x = pb.get(i);
        var y = pa.get(x.getKey());
        if (y == null || !y.getArray().getShape().equals(x.getValue().getArray().getShape())) {
          continue;
        }
        same++;
        // batch-norm statistics follow the batches of the one step, whatever the rate
        if (!x.getKey().startsWith("running") && !x.getKey().contains("_running")) {
          assertThat(x.getValue().getArray().toFloatArray())
              .as(x.getKey())
              .containsExactly(y.getArray().toFloatArray(), org.assertj.core.data.Offset.offset(1e-5f));
        }
      }
      // all but the last convolution (another kernel height) and the output layer (two frames)
      assertThat(same).isGreaterThan(pb.size() - 8).isLessThan(pb.size());
    }
  }

  @Test
  void distillationFollowsTheTeachersFramesAcrossHeightsAndFrameWidths() {
    ai.djl.engine.Engine.getInstance().setRandomSeed(12);
    try (RecognizerModel teacher = RecognizerModel.create(FAST32, CHARSET, "cpu")) {
      List<LabeledCrop> batch = List.of(crop(0), crop(2));
      List<dev.openocr.recognize.CropPreprocessor.Prepared> prepared = batch.stream()
          .map(c -> dev.openocr.recognize.CropPreprocessor.prepare(c.image(), 24, 64)).toList();
      int t = 2 * (dev.openocr.recognize.CropPreprocessor.batchWidth(prepared) / 4);
      int k = CHARSET.numClasses();
      RecognizerTrainer.Config cfg = new RecognizerTrainer.Config(tmp, "t", FAST24, CHARSET, 1, 2,
          0.001f, 1, 2, 0, "cpu", null, null, 1, new RecognizerTrainer.Distillation("x", 2f));
      // a uniform student: the KL divergence is positive, the gradient is -2 p_teacher
      float[] uniform = new float[2 * t * k];
      java.util.Arrays.fill(uniform, (float) -Math.log(k));
      float[] grad = new float[uniform.length];
      double kl = RecognizerTrainer.distill(teacher, batch, prepared, cfg, uniform, grad, t, k);
      assertThat(kl).isPositive();
      float[] pTeacher = new float[grad.length];
      for (int i = 0; i < grad.length; i++) {
        pTeacher[i] = -grad[i] / 2;
      }
      // a student that reads as the teacher (frame by frame, as mapped) has no divergence
      float[] same = new float[grad.length];
      for (int i = 0; i < same.length; i++) {
        same[i] = pTeacher[i] > 0 ? (float) Math.log(pTeacher[i]) : -30f;
      }
      double none = RecognizerTrainer.distill(teacher, batch, prepared, cfg, same,
          new float[grad.length], t, k);
      assertThat(none).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-4));
      // each student frame of a crop holds one teacher distribution (sums to 1)
      int frames = FAST24.frames(prepared.get(0).width(), t);
      for (int f = 0; f < frames; f++) {
        double sum = 0;
        for (int c = 0; c < k; c++) {
          sum += pTeacher[f * k + c];
        }
        assertThat(sum).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-4));
      }
    }
  }

  private static RecognizerTrainer.Config config(Path run, RecognizerSpec spec, int steps,
      float lr, String init) {
    return config(run, spec, steps, lr, init, 30);
  }

  private static RecognizerTrainer.Config config(Path run, RecognizerSpec spec, int steps,
      float lr, String init, int valEvery) {
    return config(run, spec, steps, lr, init, valEvery, 1);
  }

  private static RecognizerTrainer.Config config(Path run, RecognizerSpec spec, int steps,
      float lr, String init, int valEvery, int widthPool) {
    return new RecognizerTrainer.Config(run, "test", spec, CHARSET, steps, WORDS.size(), lr,
        valEvery, WORDS.size(), 0, "cpu", null, init, widthPool);
  }

  private static List<String> readAll(Path bundle, RecognizerSpec spec) {
    try (RecognizerModel m = RecognizerModel.load(ModelBundle.open(bundle.toString()), "cpu");
         TextRecognizer rec = m.newRecognizer()) {
      assertThat(m.spec()).isEqualTo(spec);
      return rec.recognize(WORDS.stream().map(RecognizerTrainerTest::render).toList()).stream()
          .map(Recognition::text).toList();
    }
  }

  /** Crop {@code i} cycles through the four words. */
  private static LabeledCrop crop(long i) {
    String w = WORDS.get((int) Math.floorMod(i, (long) WORDS.size()));
    return new LabeledCrop(render(w), w);
  }

  private static GrayImage render(String text) {
    BufferedImage img = new BufferedImage(14 * text.length() + 8, 32, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, img.getWidth(), img.getHeight());
      g.setColor(Color.BLACK);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
      g.drawString(text, 4, 24);
    } finally {
      g.dispose();
    }
    return GrayImage.fromBufferedImage(img);
  }
}
