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
import dev.openocr.eval.CropEvaluation;
import dev.openocr.nn.ClassGrowth;
import dev.openocr.nn.ModelBundle;
import dev.openocr.nn.ParamGrowth;
import dev.openocr.nn.Params;
import dev.openocr.recognize.AttentionDecoder;
import dev.openocr.recognize.Charset;
import dev.openocr.recognize.CropPreprocessor;
import dev.openocr.recognize.CtcLoss;
import dev.openocr.recognize.Recognition;
import dev.openocr.recognize.RecognizerModel;
import dev.openocr.recognize.RecognizerSpec;
import dev.openocr.recognize.TextRecognizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stage-2 training of a recognizer (CTC, or cross-entropy with teacher forcing for the attention
 * decoder) on synthetic word crops: Adam with warm-up and cosine decay, validation on a fixed
 * held-out set every N steps, checkpoints and resume ({@code --init}: a new run from a bundle's
 * weights), a CSV log and curves. Checkpoint and best model are full bundles under the run folder.
 */
public final class RecognizerTrainer {
  /** Gradient clipping bound (per element), as the benchmark's grad_clip of 5. */
  private static final float CLIP = 5f;

  /** Settings of one run. */
  public record Config(Path runDir, String bundleId, RecognizerSpec spec, Charset charset,
                       int steps, int batch, float lr, int valEvery, int valSize, long seed,
                       String device, JsonObject trainingNotes,
                       String init, int widthPool, Distillation distillation) {
    public Config(Path runDir, String bundleId, RecognizerSpec spec, Charset charset, int steps,
        int batch, float lr, int valEvery, int valSize, long seed, String device,
        JsonObject trainingNotes, String init, int widthPool) {
      this(runDir, bundleId, spec, charset, steps, batch, lr, valEvery, valSize, seed, device,
          trainingNotes, init, widthPool, null);
    }
  }

  /**
   * Knowledge distillation: a trained CTC bundle of the same charset and frame width reads each
   * batch too, and the run also learns its per-frame class distributions (the KL divergence
   * from them, times {@code weight}, added to the CTC loss).
   */
  public record Distillation(String teacher, float weight) {
    public Distillation {
      if (!(weight > 0 && weight <= 100)) {
        throw new IllegalArgumentException("Invalid distillation weight: " + weight);
      }
    }
  }

  /** What a run ended with. */
  public record Result(int steps, double valAccuracy, double valCer, double bestAccuracy,
                       Path best, double seconds) {}

  /** Initialises the parameters a run started from a bundle adds to it. */
  static final int GROWTH_SEED = 1_000_003;

  private RecognizerTrainer() {}

  public static Result train(Config cfg, CropSource source, CropSource validation) {
    Path ckpt = cfg.runDir().resolve("checkpoint");
    Path best = cfg.runDir().resolve("best");
    RunState state = RunState.read(cfg.runDir());
    long t0 = System.nanoTime();
    if (state.step() == 0 && cfg.init() != null) {
      // runs of several --seed grown from one bundle start from the same new parameters, so
      // their weights can be averaged (--seed orders the data)
      ai.djl.engine.Engine.getInstance().setRandomSeed(GROWTH_SEED);
    }
    try (RecognizerModel model = RecognizerModel.create(cfg.spec(), cfg.charset(), cfg.device());
         RecognizerModel teacher = teacherOf(cfg)) {
      RecognizerSpec initSpec = state.step() == 0 && cfg.init() != null
          ? specFrom(cfg.init()) : null;
      if (initSpec != null && initSpec.features() == cfg.spec().features()
          && initSpec.inputHeight() != cfg.spec().inputHeight()) {
        // the same stack at another input height: every parameter of the same shape carries over
        // (convolutions are size-free; the last one collapses another height), the others start new
        if (grownFrom(cfg.init(), cfg.charset())) {
          throw new IllegalArgumentException("--init " + cfg.init() + " has other characters and "
              + "another input height; change one at a time");
        }
        try (RecognizerModel from = RecognizerModel.load(ModelBundle.open(cfg.init()),
            cfg.device())) {
          int copied = ParamGrowth.copyMatching(model.model().getBlock(),
              from.model().getBlock());
          java.util.logging.Logger.getLogger(RecognizerTrainer.class.getName()).info(
              "Starting from " + cfg.init() + " (" + from.spec().runName() + ", height "
                  + from.spec().inputHeight() + "): " + copied + " parameter arrays of the same "
                  + "name and shape copied into " + cfg.spec().runName() + ", height "
                  + cfg.spec().inputHeight());
        }
      } else if (initSpec != null && (initSpec.sequenceLayers() != cfg.spec().sequenceLayers()
          || initSpec.featureBlocks() != cfg.spec().featureBlocks()
          || initSpec.frameWidth() != cfg.spec().frameWidth())) {
        // a bundle with fewer BiLSTM layers or feature blocks, or wider frames, grows into this
        // network
        if (grownFrom(cfg.init(), cfg.charset())) {
          throw new IllegalArgumentException("--init " + cfg.init() + " has other characters and "
              + "another architecture; grow one at a time");
        }
        try (RecognizerModel from = RecognizerModel.load(ModelBundle.open(cfg.init()),
            cfg.device())) {
          if (from.spec().growsInto(cfg.spec())) {
            int added = ParamGrowth.copyInto(model.model().getBlock(), from.model().getBlock());
            java.util.logging.Logger.getLogger(RecognizerTrainer.class.getName()).info(
                "Starting from " + cfg.init() + " (" + from.spec().runName() + "), grown into "
                    + cfg.spec().runName() + " with " + added + " new parameter arrays");
          } else {
            throw new IllegalArgumentException("--init " + cfg.init() + " is "
                + from.spec().runName() + "; this run (" + cfg.spec().runName()
                + ") can only grow a bundle of the same stages with fewer BiLSTM layers or "
                + "feature blocks, or wider frames");
          }
        }
      } else if (state.step() == 0 && cfg.init() != null && grownFrom(cfg.init(), cfg.charset())) {
        try (RecognizerModel from = RecognizerModel.load(ModelBundle.open(cfg.init()),
            cfg.device())) {
          ClassGrowth.copyInto(model.model().getBlock(), from.model().getBlock());
        }
        java.util.logging.Logger.getLogger(RecognizerTrainer.class.getName()).info(
            "Starting from " + cfg.init() + "; its output gains this run's new characters");
      } else {
        state.restore(model.model(), ckpt, cfg.init());
      }
      LearningRate schedule = new LearningRate(cfg.lr(), Math.min(500, cfg.steps() / 10), cfg.steps(),
          cfg.lr() / 50, state.step());
      ResumableAdam adam = ResumableAdam.create(schedule, CLIP);
      DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss())
          .optOptimizer(adam);
      List<List<LabeledCrop>> valBatches = validationSet(validation, cfg.valSize());
      TrainLog log = new TrainLog(cfg.runDir().resolve("log.csv"), state.step(),
          "step", "loss", "lr", "sec_per_step", "val_accuracy", "val_cer");
      double bestAcc = state.bestMetric();
      double lastAcc = Double.NaN;
      double lastCer = Double.NaN;
      try (Trainer trainer = model.model().newTrainer(tc);
           Feeder<List<LabeledCrop>> feeder = new Feeder<>(batches(source, cfg)::batch,
               state.step())) {
        trainer.initialize(new Shape(1, 1, cfg.spec().inputHeight(), 64));
        state.restoreOptimizer(adam, model.model().getBlock(), cfg.runDir(), trainer.getManager());
        double lossAcc = 0;
        int lossN = 0;
        long stepStart = System.nanoTime();
        for (int step = state.step(); step < cfg.steps(); step++) {
          List<LabeledCrop> batch = feeder.next();
          double loss = step(trainer, cfg, batch, teacher);
          if (Double.isFinite(loss)) {
            lossAcc += loss;
            lossN++;
          }
          int done = step + 1;
          boolean validate = done % cfg.valEvery() == 0 || done == cfg.steps();
          if (done % 50 == 0 || validate) {
            double sec = (System.nanoTime() - stepStart) / 1e9 / Math.max(1, lossN);
            double acc = Double.NaN;
            double cer = Double.NaN;
            if (validate) {
              double[] v = validate(model, valBatches);
              acc = v[0];
              cer = v[1];
              lastAcc = acc;
              lastCer = cer;
              saveBundle(model, cfg, ckpt, done, acc, cer);
              if (acc > bestAcc) {
                bestAcc = acc;
                saveBundle(model, cfg, best, done, acc, cer);
              }
              new RunState(done, bestAcc).write(cfg.runDir(), adam,
                  model.model().getBlock());
            }
            log.row(done, lossAcc / Math.max(1, lossN), schedule.at(step), sec, acc, cer);
            if (validate) {
              // after the row, so the curves include this validation
              CurvePlot.write(cfg.runDir().resolve("log.csv"), cfg.runDir().resolve("curves.png"),
                  "loss", "val_accuracy", "val_cer");
            }
            System.out.println(log.progress(done, cfg.steps(), String.format(
                "loss %.3f%s", lossAcc / Math.max(1, lossN),
                validate ? String.format(" val_acc %.4f val_cer %.4f", acc, cer) : "")));
            lossAcc = 0;
            lossN = 0;
            stepStart = System.nanoTime();
          }
        }
      }
      return new Result(cfg.steps(), lastAcc, lastCer, bestAcc, best, (System.nanoTime() - t0) / 1e9);
    }
  }

  /** The architecture of the bundle at {@code init}; an ensemble is refused. */
  static RecognizerSpec specFrom(String init) {
    ModelBundle b = ModelBundle.open(init);
    if (b.manifest().has(RecognizerModel.ENSEMBLE)) {
      throw new IllegalArgumentException("--init " + init + " is an ensemble of recognizers, "
          + "which does not train; start from one of the bundles it was made of");
    }
    return RecognizerModel.specOf(b.architecture());
  }

  /**
   * True when the bundle at {@code init} reads a charset that {@code charset} extends at its
   * end (so its network gains output classes); false when they are the same.
   *
   * @throws IllegalArgumentException when the charsets differ otherwise
   */
  static boolean grownFrom(String init, Charset charset) {
    ModelBundle b = ModelBundle.open(init);
    String from = Charset.parse(new String(b.file(RecognizerModel.CHARSET_FILE),
        StandardCharsets.UTF_8)).chars();
    String to = charset.chars();
    if (from.equals(to)) {
      return false;
    }
    if (!to.startsWith(from)) {
      throw new IllegalArgumentException("--init " + init + " reads another charset than this run;"
          + " only characters added at the end can be trained from it");
    }
    return true;
  }

  /** The distillation teacher, checked against the run, or null without distillation. */
  static RecognizerModel teacherOf(Config cfg) {
    if (cfg.distillation() == null) {
      return null;
    }
    String where = cfg.distillation().teacher();
    RecognizerModel t = RecognizerModel.load(ModelBundle.open(where), cfg.device());
    RecognizerSpec ts = t.spec();
    String problem = !t.charset().chars().equals(cfg.charset().chars()) ? "reads another charset"
        : ts.prediction() != RecognizerSpec.Prediction.CTC
            || cfg.spec().prediction() != RecognizerSpec.Prediction.CTC ? "is not CTC"
        : t.ensemble() != null ? "is an ensemble" : null;
    if (problem != null) {
      t.close();
      throw new IllegalArgumentException("--teacher " + where + " " + problem
          + " (this run: " + cfg.spec().runName() + ")");
    }
    return t;
  }

  /** One optimizer step without a teacher (see {@link #step(Trainer, Config, List, RecognizerModel)}). */
  static double step(Trainer trainer, Config cfg, List<LabeledCrop> batch) {
    return step(trainer, cfg, batch, null);
  }

  /**
   * One optimizer step; returns the batch's mean CTC loss over feasible samples (plus the mean
   * distillation loss a crop when {@code teacher} is given).
   */
  static double step(Trainer trainer, Config cfg, List<LabeledCrop> batch,
      RecognizerModel teacher) {
    int h = cfg.spec().inputHeight();
    List<CropPreprocessor.Prepared> prepared = new ArrayList<>(batch.size());
    List<int[]> labels = new ArrayList<>(batch.size());
    for (LabeledCrop c : batch) {
      prepared.add(CropPreprocessor.prepare(c.image(), h, cfg.spec().maxWidth()));
      labels.add(cfg.charset().encode(c.label()));
    }
    int w = CropPreprocessor.batchWidth(prepared);
    float[] data = new float[batch.size() * h * w];
    CropPreprocessor.pack(prepared, data, h, w);
    if (cfg.spec().prediction() == RecognizerSpec.Prediction.ATTN) {
      return attentionStep(trainer, cfg.charset().numClasses(), data, new Shape(batch.size(), 1, h, w),
          labels);
    }
    try (NDManager sub = trainer.getManager().newSubManager()) {
      NDArray x = sub.create(data, new Shape(batch.size(), 1, h, w));
      double total = 0;
      int feasible = 0;
      double kd = 0;
      try (GradientCollector gc = trainer.newGradientCollector()) {
        NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow(); // [B, T, K]
        NDArray logp = logits.logSoftmax(2);
        long[] s = logp.getShape().getShape();
        int t = (int) s[1];
        int k = (int) s[2];
        float[] lp = logp.toFloatArray();
        float[] grad = new float[lp.length];
        for (int b = 0; b < batch.size(); b++) {
          int tb = cfg.spec().frames(prepared.get(b).width(), t);
          CtcLoss.Result r = CtcLoss.compute(lp, b * t * k, tb, k, labels.get(b));
          if (r.feasible()) {
            total += r.loss();
            feasible++;
            System.arraycopy(r.grad(), 0, grad, b * t * k, tb * k);
          }
        }
        if (teacher != null) {
          kd = distill(teacher, batch, prepared, cfg, lp, grad, t, k);
        }
        float scale = 1f / Math.max(1, batch.size());
        for (int i = 0; i < grad.length; i++) {
          grad[i] *= scale;
        }
        // surrogate whose gradient w.r.t. logp is the CTC gradient
        NDArray g = sub.create(grad, logp.getShape());
        gc.backward(logp.mul(g).sum());
      }
      trainer.step();
      return feasible == 0 ? Double.NaN : total / feasible + kd;
    }
  }

  /**
   * Adds the distillation gradient to {@code grad} (with respect to the student's per-frame
   * log-probabilities {@code lp}, {@code [B, t, k]}): for {@code KL(p_teacher || p_student)}
   * it is {@code -weight * p_teacher} on each crop's own frames, which through the log-softmax
   * gives {@code weight * (p_student - p_teacher)} on the logits. The teacher reads the crops at
   * its own input height and frame width; a student frame takes the teacher frame at the same
   * share of the crop's width (nearest), so a coarser teacher's blanks still part repeated
   * letters. Returns the mean KL a crop.
   */
  static double distill(RecognizerModel teacher, List<LabeledCrop> batch,
      List<CropPreprocessor.Prepared> prepared, Config cfg, float[] lp, float[] grad, int t,
      int k) {
    RecognizerSpec ts = teacher.spec();
    float[] pt;
    int tt;
    int[] teacherWidths;
    try (NDManager m = teacher.model().getNDManager().newSubManager()) {
      List<CropPreprocessor.Prepared> in = new ArrayList<>(batch.size());
      for (LabeledCrop c : batch) {
        in.add(CropPreprocessor.prepare(c.image(), ts.inputHeight(), ts.maxWidth()));
      }
      int h = ts.inputHeight();
      int width = CropPreprocessor.batchWidth(in);
      float[] data = new float[in.size() * h * width];
      CropPreprocessor.pack(in, data, h, width);
      teacherWidths = in.stream().mapToInt(CropPreprocessor.Prepared::width).toArray();
      NDArray out = teacher.model().getBlock().forward(
          new ai.djl.training.ParameterStore(m, false),
          new NDList(m.create(data, new Shape(in.size(), 1, h, width))), false)
          .singletonOrThrow().softmax(2); // [B, T', K]
      tt = (int) out.getShape().get(1);
      pt = out.toFloatArray();
    }
    float w = cfg.distillation().weight();
    double kl = 0;
    for (int b = 0; b < prepared.size(); b++) {
      int frames = cfg.spec().frames(prepared.get(b).width(), t);
      int tFrames = ts.frames(teacherWidths[b], tt);
      for (int f = 0; f < frames; f++) {
        int s = (b * t + f) * k;
        int q = (b * tt + Math.min(tFrames - 1, (int) ((long) f * tFrames / frames))) * k;
        for (int c = 0; c < k; c++) {
          float p = pt[q + c];
          if (p > 0) {
            kl += p * (Math.log(p) - lp[s + c]);
            grad[s + c] -= w * p;
          }
        }
      }
    }
    return w * kl / prepared.size();
  }

  /**
   * One step of an attention recognizer: teacher forcing (the start token, then the label's
   * characters as inputs; the characters, then the end token as targets) and cross-entropy over
   * every target position; positions after a word's end token are masked out.
   */
  static double attentionStep(Trainer trainer, int classes, float[] data, Shape shape,
      List<int[]> labels) {
    int b = labels.size();
    int len = 1;
    for (int[] l : labels) {
      len = Math.max(len, l.length + 1);
    }
    int[] tokens = new int[b * len];
    float[] target = new float[b * len * classes];
    int positions = 0;
    for (int i = 0; i < b; i++) {
      int[] l = labels.get(i);
      for (int s = 0; s <= l.length; s++) {
        if (s < l.length) {
          tokens[i * len + s + 1] = l[s]; // input at s + 1 is the target at s
        }
        int cls = s < l.length ? l[s] : AttentionDecoder.END;
        target[(i * len + s) * classes + cls] = 1f;
        positions++;
      }
    }
    try (NDManager sub = trainer.getManager().newSubManager()) {
      NDArray x = sub.create(data, shape);
      NDArray in = sub.create(tokens, new Shape(b, len));
      NDArray t = sub.create(target, new Shape(b, len, classes));
      double loss;
      try (GradientCollector gc = trainer.newGradientCollector()) {
        NDArray logits = trainer.forward(new NDList(x, in)).singletonOrThrow(); // [B, L, K]
        NDArray l = logits.logSoftmax(2).mul(t).sum().neg().div(positions);
        loss = l.getFloat();
        gc.backward(l);
      }
      trainer.step();
      return loss;
    }
  }

  /** The run's batches: the same crops whenever batch {@code i} is made (resume-safe). */
  static WidthBatches batches(CropSource src, Config cfg) {
    return new WidthBatches(src, cfg.seed(), cfg.batch(), cfg.widthPool(),
        cfg.spec().inputHeight(), cfg.spec().maxWidth());
  }

  private static List<List<LabeledCrop>> validationSet(CropSource src, int n) {
    List<List<LabeledCrop>> out = new ArrayList<>();
    List<LabeledCrop> cur = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cur.add(src.crop(i));
      if (cur.size() == 64) {
        out.add(cur);
        cur = new ArrayList<>();
      }
    }
    if (!cur.isEmpty()) {
      out.add(cur);
    }
    return out;
  }

  /** Word accuracy (exact) and CER over the held-out crops, through the inference path. */
  static double[] validate(RecognizerModel model, List<List<LabeledCrop>> batches) {
    CropEvaluation.Totals t = new CropEvaluation.Totals();
    try (TextRecognizer rec = model.newRecognizer()) {
      for (List<LabeledCrop> b : batches) {
        List<Recognition> res = rec.recognize(b.stream().map(LabeledCrop::image).toList());
        for (int i = 0; i < b.size(); i++) {
          t.add(res.get(i).text(), b.get(i).label());
        }
      }
    }
    return new double[] {t.accuracy(), t.cer()};
  }

  static void saveBundle(RecognizerModel model, Config cfg, Path dir, int step, double acc, double cer) {
    JsonObject m = new JsonObject();
    m.addProperty("id", cfg.bundleId());
    m.addProperty("kind", RecognizerModel.KIND);
    m.add("architecture", RecognizerModel.architectureJson(cfg.spec()));
    m.addProperty("charset", RecognizerModel.CHARSET_FILE);
    m.addProperty("parameters", Params.count(model.model().getBlock()));
    JsonObject training = cfg.trainingNotes() == null ? new JsonObject() : cfg.trainingNotes().deepCopy();
    training.addProperty("run", cfg.spec().runName() + "-seed" + cfg.seed());
    training.addProperty("steps", step);
    training.addProperty("batch", cfg.batch());
    training.addProperty("lr", cfg.lr());
    m.add("training", training);
    JsonObject metrics = new JsonObject();
    metrics.addProperty("synthetic_val_word_accuracy", acc);
    metrics.addProperty("synthetic_val_cer", cer);
    metrics.addProperty("synthetic_val_size", cfg.valSize());
    m.add("metrics", metrics);
    ModelBundle.write(dir, m, Params.save(model.model().getBlock()),
        Map.of(RecognizerModel.CHARSET_FILE, cfg.charset().chars().getBytes(StandardCharsets.UTF_8)));
  }
}
