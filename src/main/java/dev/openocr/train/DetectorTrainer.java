package dev.openocr.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import com.google.gson.JsonObject;
import dev.openocr.detect.DetectedWord;
import dev.openocr.detect.DetectorModel;
import dev.openocr.detect.DetectorOptions;
import dev.openocr.detect.DetectorSpec;
import dev.openocr.detect.TextDetector;
import dev.openocr.geometry.Box;
import dev.openocr.geometry.BoxMatching;
import dev.openocr.nn.ModelBundle;
import dev.openocr.nn.ParamGrowth;
import dev.openocr.nn.Params;
import dev.openocr.synth.PageGenerator;
import dev.openocr.synth.SynthPage;
import dev.openocr.synth.SynthWord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * Stage-1 (strong supervision) training of the CRAFT detector on synthetic pages: MSE on region
 * and affinity maps with online hard negative mining, Adam with warm-up and cosine decay,
 * validation (detection P/R/F1 at IoU 0.5) on held-out pages, checkpoints and resume.
 */
public final class DetectorTrainer {
  /** Target value above which a pixel counts as positive for hard negative mining. */
  static final float POSITIVE = 0.1f;
  /** Hard negatives kept per positive pixel. */
  static final int NEG_RATIO = 3;
  /** Negatives kept in a crop without any text. */
  static final int MIN_NEGATIVES = 500;
  /** Crops cut from each generated page (pages cost more than crops). */
  static final int CROPS_PER_PAGE = 4;
  /** Seeds of held-out validation pages start here; training seeds stay far below. */
  public static final long VALIDATION_SEED_BASE = 9_000_000_000L;

  /** Settings of one run. */
  public record Config(Path runDir, String bundleId, DetectorSpec spec, int steps, int batch,
                       int cropSize, float lr, int valEvery, int valPages, long seed,
                       String device, DetectorOptions inference, JsonObject trainingNotes,
                       String init, DetectorSamples.Scales scales, float gapWeight) {}

  /** What a run ended with. */
  public record Result(int steps, double[] valPrf, double bestF1, Path best, double seconds) {}

  private DetectorTrainer() {}

  public static Result train(Config cfg, PageGenerator pages) {
    return train(cfg, pages::generate);
  }

  /** As above, with pages made by {@code pages} from their seeds. */
  static Result train(Config cfg, LongFunction<SynthPage> pages) {
    Path ckpt = cfg.runDir().resolve("checkpoint");
    Path best = cfg.runDir().resolve("best");
    RunState state = RunState.read(cfg.runDir());
    long t0 = System.nanoTime();
    try (DetectorModel model = DetectorModel.create(cfg.spec(), cfg.device())) {
      if (state.step() == 0 && cfg.init() != null && grownFrom(cfg.init(), cfg.spec())) {
        try (DetectorModel from = DetectorModel.load(ModelBundle.open(cfg.init()), "cpu")) {
          String how;
          try {
            how = "grown, with " + ParamGrowth.copyInto(model.model().getBlock(),
                from.model().getBlock()) + " new parameter arrays";
          } catch (IllegalArgumentException notLarger) {
            // another width somewhere: start from the parameters both networks have
            how = ParamGrowth.copyMatching(model.model().getBlock(), from.model().getBlock())
                + " parameter arrays of the same name and shape copied, the others new";
          }
          java.util.logging.Logger.getLogger(DetectorTrainer.class.getName()).info(
              "Starting from " + cfg.init() + " (" + from.spec().variant() + ") into "
                  + cfg.spec().variant() + ": " + how);
        }
      } else {
        state.restore(model.model(), ckpt, cfg.init());
      }
      LearningRate schedule = new LearningRate(cfg.lr(), Math.min(300, cfg.steps() / 10),
          cfg.steps(), cfg.lr() / 30, state.step());
      ResumableAdam adam = ResumableAdam.create(schedule, 5f);
      DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss())
          .optOptimizer(adam);
      List<SynthPage> valPages = new ArrayList<>();
      for (int i = 0; i < cfg.valPages(); i++) {
        valPages.add(pages.apply(VALIDATION_SEED_BASE + i));
      }
      TrainLog log = new TrainLog(cfg.runDir().resolve("log.csv"), state.step(),
          "step", "loss", "lr", "sec_per_step", "val_precision", "val_recall", "val_f1");
      double bestF1 = state.bestMetric();
      double[] last = {Double.NaN, Double.NaN, Double.NaN};
      try (Trainer trainer = model.model().newTrainer(tc);
           Feeder<List<DetectorSample>> feeder = new Feeder<>(i -> batchAt(pages, cfg, i),
               state.step())) {
        trainer.initialize(new Shape(1, 1, cfg.cropSize(), cfg.cropSize()));
        state.restoreOptimizer(adam, model.model().getBlock(), cfg.runDir(), trainer.getManager());
        double lossAcc = 0;
        int lossN = 0;
        long stepStart = System.nanoTime();
        for (int step = state.step(); step < cfg.steps(); step++) {
          lossAcc += step(trainer, feeder.next(), cfg.gapWeight());
          lossN++;
          int done = step + 1;
          boolean validate = done % cfg.valEvery() == 0 || done == cfg.steps();
          if (done % 25 == 0 || validate) {
            double sec = (System.nanoTime() - stepStart) / 1e9 / Math.max(1, lossN);
            double[] prf = {Double.NaN, Double.NaN, Double.NaN};
            if (validate) {
              prf = validate(model, cfg.inference(), valPages);
              last = prf;
              saveBundle(model, cfg, ckpt, done, prf);
              if (prf[2] > bestF1) {
                bestF1 = prf[2];
                saveBundle(model, cfg, best, done, prf);
              }
              new RunState(done, bestF1).write(cfg.runDir(), adam,
                  model.model().getBlock());
            }
            log.row(done, lossAcc / lossN, schedule.at(step), sec, prf[0], prf[1], prf[2]);
            if (validate) {
              // after the row, so the curves include this validation
              CurvePlot.write(cfg.runDir().resolve("log.csv"), cfg.runDir().resolve("curves.png"),
                  "loss", "val_f1");
            }
            System.out.println(log.progress(done, cfg.steps(), String.format("loss %.4f%s",
                lossAcc / lossN, validate ? String.format(" val P %.3f R %.3f F1 %.3f",
                    prf[0], prf[1], prf[2]) : "")));
            lossAcc = 0;
            lossN = 0;
            stepStart = System.nanoTime();
          }
        }
      }
      return new Result(cfg.steps(), last, bestF1, best, (System.nanoTime() - t0) / 1e9);
    }
  }

  /** True when {@code init} holds another variant, whose weights must be grown into this one. */
  static boolean grownFrom(String init, DetectorSpec spec) {
    String v = ModelBundle.open(init).architecture().get("variant").getAsString();
    return !v.equals(spec.variant());
  }

  /** Batch {@code i}: crops from pages whose seeds derive from the run seed and {@code i}. */
  static List<DetectorSample> batchAt(LongFunction<SynthPage> pages, Config cfg, long i) {
    List<DetectorSample> out = new ArrayList<>(cfg.batch());
    SplittableRandom r = new SplittableRandom(cfg.seed() * 31 + i);
    SynthPage page = null;
    for (int k = 0; k < cfg.batch(); k++) {
      if (k % CROPS_PER_PAGE == 0) {
        page = pages.apply(cfg.seed() * 1_000_003L + i * cfg.batch() + k);
      }
      out.add(DetectorSamples.cut(page, cfg.cropSize(), cfg.spec(), cfg.scales(), r));
    }
    return out;
  }

  /**
   * One optimizer step on a batch; returns the loss: OHEM MSE, with {@code gapWeight} more weight
   * on the spaces between words in both maps (0: plain OHEM, as runs 1-8).
   */
  static double step(Trainer trainer, List<DetectorSample> batch, float gapWeight) {
    int n = batch.size();
    int size = batch.get(0).size();
    int hs = size / 2;
    float[] x = new float[n * size * size];
    float[] target = new float[n * 2 * hs * hs];
    float[] gaps = gapWeight > 0 ? new float[n * 2 * hs * hs] : null;
    for (int b = 0; b < n; b++) {
      DetectorSample s = batch.get(b);
      System.arraycopy(s.input(), 0, x, b * size * size, size * size);
      System.arraycopy(s.region(), 0, target, b * 2 * hs * hs, hs * hs);
      System.arraycopy(s.affinity(), 0, target, b * 2 * hs * hs + hs * hs, hs * hs);
      if (gaps != null) {
        System.arraycopy(s.gaps(), 0, gaps, b * 2 * hs * hs, hs * hs);
        System.arraycopy(s.gaps(), 0, gaps, b * 2 * hs * hs + hs * hs, hs * hs);
      }
    }
    try (NDManager sub = trainer.getManager().newSubManager()) {
      NDArray in = sub.create(x, new Shape(n, 1, size, size));
      NDArray tgt = sub.create(target, new Shape(n, 2, hs, hs));
      double value;
      try (GradientCollector gc = trainer.newGradientCollector()) {
        NDArray pred = trainer.forward(new NDList(in)).singletonOrThrow();
        NDArray err = pred.sub(tgt).square(); // [B, 2, h, w]
        float[] e = err.toFloatArray();
        float[] weights = Ohem.weights(e, target, n * 2, hs * hs, POSITIVE, NEG_RATIO, MIN_NEGATIVES,
            gaps, gapWeight);
        NDArray wt = sub.create(weights, err.getShape());
        NDArray loss = err.mul(wt).sum();
        value = loss.getFloat();
        gc.backward(loss);
      }
      trainer.step();
      return value;
    }
  }

  /** Detection precision, recall and F1 at IoU 0.5 on the held-out pages (inference path). */
  static double[] validate(DetectorModel model, DetectorOptions opts, List<SynthPage> pages) {
    int matched = 0;
    int gt = 0;
    int pred = 0;
    try (TextDetector det = model.newDetector(opts)) {
      for (SynthPage p : pages) {
        List<Box> g = p.words().stream().map(SynthWord::quad).map(q -> q.bounds()).toList();
        List<Box> d = det.detect(p.image()).stream().map(DetectedWord::quad).map(q -> q.bounds())
            .toList();
        matched += BoxMatching.match(g, d, 0.5).size();
        gt += g.size();
        pred += d.size();
      }
    }
    return BoxMatching.prf(matched, gt, pred);
  }

  static void saveBundle(DetectorModel model, Config cfg, Path dir, int step, double[] prf) {
    JsonObject m = new JsonObject();
    m.addProperty("id", cfg.bundleId());
    m.addProperty("kind", DetectorModel.KIND);
    JsonObject a = new JsonObject();
    a.addProperty("variant", cfg.spec().variant());
    a.addProperty("mean", cfg.spec().mean());
    a.addProperty("std", cfg.spec().std());
    a.addProperty("outputScale", 0.5);
    m.add("architecture", a);
    m.add("inference", DetectorModel.optionsJson(cfg.inference()));
    m.addProperty("parameters", Params.count(model.model().getBlock()));
    JsonObject training = cfg.trainingNotes() == null ? new JsonObject() : cfg.trainingNotes().deepCopy();
    training.addProperty("run", "craft-" + cfg.spec().variant() + "-seed" + cfg.seed());
    training.addProperty("steps", step);
    training.addProperty("batch", cfg.batch());
    training.addProperty("cropSize", cfg.cropSize());
    training.addProperty("lr", cfg.lr());
    m.add("training", training);
    JsonObject metrics = new JsonObject();
    metrics.addProperty("synthetic_val_precision", prf[0]);
    metrics.addProperty("synthetic_val_recall", prf[1]);
    metrics.addProperty("synthetic_val_f1", prf[2]);
    metrics.addProperty("synthetic_val_pages", cfg.valPages());
    m.add("metrics", metrics);
    ModelBundle.write(dir, m, Params.save(model.model().getBlock()), Map.of());
  }
}
