package dev.openocr.cli;

import com.google.gson.JsonObject;
import dev.openocr.engine.NativeSetup;
import dev.openocr.recognize.Charset;
import dev.openocr.recognize.RecognizerSpec;
import dev.openocr.synth.CropGenerator;
import dev.openocr.synth.Lang;
import dev.openocr.synth.SynthConfig;
import dev.openocr.synth.SynthCrop;
import dev.openocr.train.CropSource;
import dev.openocr.train.LabeledCrop;
import dev.openocr.train.RecognizerTrainer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code openocr train-recognizer}: stage-2 training on synthetic word crops made on the fly. */
@Command(name = "train-recognizer", mixinStandardHelpOptions = true,
    description = "Train a text recognizer (CTC or attention) on synthetic word crops; resumable.")
public final class TrainRecognizerCommand implements Callable<Integer> {
  /** Validation crops come from seeds far from any training seed. */
  public static final long VALIDATION_SEED_BASE = 8_000_000_000_000L;

  @Option(names = "--run-dir", description = "Run folder (log, curves, checkpoint, best). "
      + "Default: runs/<stages>-<lang>-seed<seed>")
  Path runDir;
  @Option(names = "--transformation", defaultValue = "NONE",
      description = "NONE, TPS (default ${DEFAULT-VALUE})")
  RecognizerSpec.Transformation transformation;
  @Option(names = "--features", defaultValue = "LEAN",
      description = "LEAN, MEDIUM, VGG, RESNET, FAST (default ${DEFAULT-VALUE})")
  RecognizerSpec.Features features;
  @Option(names = "--sequence", defaultValue = "BILSTM", description = "NONE, BILSTM (default ${DEFAULT-VALUE})")
  RecognizerSpec.Sequence sequence;
  @Option(names = "--prediction", defaultValue = "CTC",
      description = "CTC, ATTN (default ${DEFAULT-VALUE})")
  RecognizerSpec.Prediction prediction;
  @Option(names = "--hidden", defaultValue = "128",
      description = "BiLSTM and attention state size (default ${DEFAULT-VALUE})")
  int hidden;
  @Option(names = "--sequence-layers", defaultValue = "1",
      description = "BiLSTM layers; layers after the first are residual, so an --init bundle "
          + "with fewer layers grows into this network and starts from its readings "
          + "(default ${DEFAULT-VALUE})")
  int sequenceLayers;
  @Option(names = "--feature-blocks", defaultValue = "0",
      description = "Residual blocks after the deepest convolution stage of LEAN, MEDIUM or "
          + "VGG features (0..2); they start closed, so an --init bundle with fewer grows into this "
          + "network and starts from its readings (default ${DEFAULT-VALUE})")
  int featureBlocks;
  @Option(names = "--frame-width", defaultValue = "4",
      description = "Pixels of input per output time step: 4, or 2 (CTC only), where each feature "
          + "column is read as two steps, so narrow glyphs have room for CTC's blanks; an --init "
          + "bundle of width 4 starts this network with its own parameters "
          + "(default ${DEFAULT-VALUE})")
  int frameWidth;
  @Option(names = "--input-height", defaultValue = "32",
      description = "Crop height the network reads: 32, or 24 with FAST features (about two "
          + "thirds of the time a crop); an --init bundle of the other height starts it with "
          + "every parameter of the same shape (default ${DEFAULT-VALUE})")
  int inputHeight;
  @Option(names = "--max-width", defaultValue = "400", description = "Widest input in pixels (default ${DEFAULT-VALUE})")
  int maxWidth;
  @Option(names = "--steps", defaultValue = "20000") int steps;
  @Option(names = "--batch", defaultValue = "64") int batch;
  @Option(names = "--lr", defaultValue = "0.001") float lr;
  @Option(names = "--val-size", defaultValue = "1000") int valSize;
  @Option(names = "--seed", defaultValue = "7") long seed;
  @Option(names = "--width-pool", defaultValue = "16",
      description = "Batches made together and sorted by crop width, so each batch is padded "
          + "little; 1 gives batches in generation order "
          + "(default ${DEFAULT-VALUE})")
  int widthPool;
  @Option(names = "--word-spaces", defaultValue = "0",
      description = "Share of crops that take in one or both neighbouring words, labelled with "
          + "the space between them: the recognizer learns the word space and can split a box "
          + "around merged words. Adds the word space to the charset; an --init bundle without "
          + "it gains an output class for it. 0 (default): one word per crop")
  double wordSpaces;

  @Option(names = "--teacher",
      description = "A trained CTC bundle of the same charset (e.g. classpath:models/crnn-lean-en) "
          + "whose per-frame class distributions the run also learns (knowledge distillation)")
  String teacher;
  @Option(names = "--teacher-weight", defaultValue = "1",
      description = "Weight of the distillation loss beside the CTC loss (default ${DEFAULT-VALUE})")
  float teacherWeight;

  @Mixin
  TrainArgs common;

  @Override
  public Integer call() throws Exception {
    NativeSetup.configure(common.threads);
    RecognizerSpec spec = new RecognizerSpec(transformation, features, sequence, prediction, inputHeight,
        maxWidth, hidden, sequenceLayers, featureBlocks, frameWidth);
    Lang l = Lang.parse(common.lang);
    if (wordSpaces < 0 || wordSpaces > 1) {
      throw new IllegalArgumentException("--word-spaces is a share, 0..1: " + wordSpaces);
    }
    SynthConfig sc = common.synth();
    if (wordSpaces > 0) {
      sc.cropPhraseProb = wordSpaces;
    }
    // phrase crops (from --word-spaces or a --synth-config) need the word space in the charset,
    // or their labels would lose their spaces
    Charset builtin = Charset.builtin(l.code());
    Charset cs = sc.cropPhraseProb > 0 ? builtin.withWordSpace() : builtin;
    CropGenerator gen = CropGenerator.defaults(l, sc);
    CropSource train = i -> toCrop(gen.generate(i), cs);
    CropSource val = i -> toCrop(gen.generate(VALIDATION_SEED_BASE + i), cs);
    Path dir = runDir != null ? runDir
        : Path.of("runs", spec.runName() + "-" + l.code() + "-seed" + seed);
    JsonObject notes = new JsonObject();
    notes.addProperty("data", "synthetic word crops, CropGenerator(" + l.code() + "), "
        + common.dataNote() + (sc.cropPhraseProb > 0 ? ", phrases of 2-3 words in a share "
        + sc.cropPhraseProb + " of the crops" : ""));
    notes.addProperty("command", "openocr train-recognizer --transformation " + transformation
        + " --features " + features + " --sequence " + sequence + " --prediction " + prediction + " --hidden " + hidden
        + (sequenceLayers != 1 ? " --sequence-layers " + sequenceLayers : "")
        + (featureBlocks != 0 ? " --feature-blocks " + featureBlocks : "")
        + (frameWidth != RecognizerSpec.WIDTH_STRIDE ? " --frame-width " + frameWidth : "")
        + (inputHeight != 32 ? " --input-height " + inputHeight : "")
        + " --max-width "
        + maxWidth + " --steps " + steps + " --batch " + batch + " --lr " + lr + " --seed " + seed
        + " --width-pool " + widthPool + (wordSpaces > 0 ? " --word-spaces " + wordSpaces : "")
        + (teacher != null ? " --teacher " + teacher + " --teacher-weight " + teacherWeight : "")
        + common.commandTail());
    RecognizerTrainer.Result r = RecognizerTrainer.train(new RecognizerTrainer.Config(dir,
        "crnn-" + features.name().toLowerCase() + "-" + l.code(), spec, cs, steps, batch, lr,
        common.valEvery, valSize, seed, common.device(), notes, common.init, widthPool,
        teacher == null ? null : new RecognizerTrainer.Distillation(teacher, teacherWeight)),
        train, val);
    System.out.printf("done: %d steps, val accuracy %.4f, CER %.4f, best %.4f, %.0f s, best bundle %s%n",
        r.steps(), r.valAccuracy(), r.valCer(), r.bestAccuracy(), r.seconds(), r.best());
    return 0;
  }

  /** Crops whose label has characters outside the charset are skipped for the next seed. */
  static LabeledCrop toCrop(SynthCrop c, Charset cs) {
    String label = c.label();
    if (!cs.covers(label)) {
      label = new String(label.codePoints().filter(cs::contains).toArray(), 0,
          (int) label.codePoints().filter(cs::contains).count());
    }
    return new LabeledCrop(c.image(), label);
  }
}
