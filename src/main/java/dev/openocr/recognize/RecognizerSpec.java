package dev.openocr.recognize;

import java.util.Locale;

/**
 * The four stages of a recognizer and its input geometry, as written in a bundle's
 * {@code model.json}. Runs are named after their stages: {@code None-Lean-BiLSTM-CTC}.
 *
 * @param inputHeight crop height in pixels fed to the network: 32, or 24 with FAST features
 * @param maxWidth widest crop in pixels; wider crops are squeezed
 * @param hidden BiLSTM state size, and the attention decoder's state size
 * @param sequenceLayers BiLSTM layers (1 unless given): each layer after the first reads the
 *     previous one's output and adds its own to it (a residual layer, so a network grown from a
 *     one-layer bundle starts as that bundle, {@link BiLstm})
 * @param featureBlocks residual blocks (two 3x3 convolutions and a shortcut) added to LEAN,
 *     MEDIUM or VGG features after their deepest stage's convolutions (4 x W/4); 0 unless given. A
 *     bundle with fewer grows into this network with the new blocks' last batch-norm scale at
 *     zero, so it starts as that bundle ({@link RecognizerNet})
 * @param frameWidth pixels of input per output time step: {@link #WIDTH_STRIDE} (4) or 2
 *     (CTC only), where the output layer gives two distributions
 *     for each feature column, so narrow glyphs (a loose box, a condensed face) have room for
 *     CTC's blank between letters. A bundle of width 4 grows into a network of width 2 with its
 *     output layer given twice ({@link dev.openocr.nn.ParamGrowth}), reading as before
 */
public record RecognizerSpec(Transformation transformation, Features features, Sequence sequence,
                             Prediction prediction, int inputHeight, int maxWidth, int hidden,
                             int sequenceLayers, int featureBlocks, int frameWidth) {

  /** Stage 1: rectification before the features. */
  public enum Transformation { NONE, TPS }

  /**
   * Stage 2: convolutional feature extractor. LEAN and MEDIUM have VGG's layout with fewer
   * channels (24-112 and 32-192; VGG: 64-512), sized for CPU inference. FAST downsamples in its
   * first convolution and has 32-96 channels: about a third of LEAN's time a crop.
   */
  public enum Features { LEAN, MEDIUM, VGG, RESNET, FAST }

  /** Stage 3: contextual sequence model. */
  public enum Sequence { NONE, BILSTM }

  /** Stage 4: decoder. */
  public enum Prediction { CTC, ATTN }

  /** Horizontal downsampling of every feature extractor: one time step per 4 pixels. */
  public static final int WIDTH_STRIDE = 4;

  public RecognizerSpec {
    if (inputHeight != 32 && !(inputHeight == 24 && features == Features.FAST)) {
      throw new IllegalArgumentException("Invalid input height: " + inputHeight
          + " (the feature extractors collapse exactly 32 pixels; FAST also 24)");
    }
    if (maxWidth < 16 || maxWidth % WIDTH_STRIDE != 0) {
      throw new IllegalArgumentException("Invalid max width: " + maxWidth);
    }
    if (sequence == Sequence.BILSTM && hidden <= 0) {
      throw new IllegalArgumentException("Invalid BiLSTM hidden size: " + hidden);
    }
    if (prediction == Prediction.ATTN && hidden <= 0) {
      throw new IllegalArgumentException("Invalid attention decoder size: " + hidden);
    }
    if (sequenceLayers < 1 || sequenceLayers > 4
        || (sequenceLayers > 1 && sequence != Sequence.BILSTM)) {
      throw new IllegalArgumentException("Invalid sequence layers: " + sequenceLayers
          + " (1..4, more than 1 only with BILSTM)");
    }
    if (featureBlocks < 0 || featureBlocks > 2
        || (featureBlocks > 0 && (features == Features.RESNET || features == Features.FAST))) {
      throw new IllegalArgumentException("Invalid feature blocks: " + featureBlocks
          + " (0..2, more than 0 only with LEAN, MEDIUM or VGG features)");
    }
    if ((frameWidth != WIDTH_STRIDE && frameWidth != WIDTH_STRIDE / 2)
        || (frameWidth != WIDTH_STRIDE && prediction != Prediction.CTC)) {
      throw new IllegalArgumentException("Invalid frame width: " + frameWidth + " (" + WIDTH_STRIDE
          + ", or " + WIDTH_STRIDE / 2 + " with CTC prediction)");
    }
  }

  /** This spec with {@code n} BiLSTM layers. */
  public RecognizerSpec withSequenceLayers(int n) {
    return new RecognizerSpec(transformation, features, sequence, prediction, inputHeight,
        maxWidth, hidden, n, featureBlocks, frameWidth);
  }

  /** This spec with {@code n} added feature blocks. */
  public RecognizerSpec withFeatureBlocks(int n) {
    return new RecognizerSpec(transformation, features, sequence, prediction, inputHeight,
        maxWidth, hidden, sequenceLayers, n, frameWidth);
  }

  /** This spec with frames {@code w} pixels wide. */
  public RecognizerSpec withFrameWidth(int w) {
    return new RecognizerSpec(transformation, features, sequence, prediction, inputHeight,
        maxWidth, hidden, sequenceLayers, featureBlocks, w);
  }

  /** Output time steps per feature column ({@link #WIDTH_STRIDE} pixels): 1 or 2. */
  public int framesPerColumn() {
    return WIDTH_STRIDE / frameWidth;
  }

  /** Output time steps that cover a prepared crop {@code width} pixels wide, of a batch's {@code t}. */
  public int frames(int width, int t) {
    return Math.min(t, (width + WIDTH_STRIDE - 1) / WIDTH_STRIDE * framesPerColumn());
  }

  /**
   * True when a bundle of this spec can start a run of {@code target}: the same stages and
   * geometry, with more BiLSTM layers or more feature blocks (or both) in {@code target} and
   * fewer of neither, or narrower frames. Every parameter of this network then has a
   * counterpart of the same name and shape in {@code target} (with narrower frames, the output
   * layer's is a whole multiple of it), whose added layers start as identities.
   */
  public boolean growsInto(RecognizerSpec target) {
    return !equals(target)
        && withSequenceLayers(target.sequenceLayers).withFeatureBlocks(target.featureBlocks)
            .withFrameWidth(target.frameWidth).equals(target)
        && sequenceLayers <= target.sequenceLayers && featureBlocks <= target.featureBlocks
        && frameWidth >= target.frameWidth;
  }

  /** The CPU-sized network of the Korean bundle, {@code None-Lean-BiLSTM-CTC}, height 32. */
  public static RecognizerSpec lean() {
    return new RecognizerSpec(Transformation.NONE, Features.LEAN, Sequence.BILSTM, Prediction.CTC,
        32, 400, 128, 1, 0, WIDTH_STRIDE);
  }

  /**
   * Stage names joined as in the benchmark: {@code None-Lean-BiLSTM-CTC}; two BiLSTM layers:
   * {@code None-Lean-BiLSTMx2-CTC}; one added feature block: {@code None-LeanR1-BiLSTM-CTC};
   * frames of 2 pixels: {@code None-Lean-BiLSTM-CTC2}.
   */
  public String runName() {
    return cap(transformation) + "-" + cap(features) + (featureBlocks > 0 ? "R" + featureBlocks : "")
        + "-"
        + (sequence == Sequence.BILSTM ? "BiLSTM" + (sequenceLayers > 1 ? "x" + sequenceLayers : "")
        : "None") + "-" + cap(prediction) + (frameWidth != WIDTH_STRIDE ? "" + frameWidth : "");
  }

  private static String cap(Enum<?> e) {
    if (e == Features.RESNET) {
      return "ResNet";
    }
    String n = e.name().toLowerCase(Locale.ROOT);
    return n.length() <= 3 && !n.equals("none") ? n.toUpperCase(Locale.ROOT)
        : Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }
}
