package dev.openocr.recognize;

import java.util.Locale;

/**
 * The four stages of a recognizer and its input geometry, as written in a bundle's
 * {@code model.json}. Runs are named after their stages: {@code None-Lean-BiLSTM-CTC}.
 *
 * @param inputHeight crop height in pixels fed to the network (32..48)
 * @param maxWidth widest crop in pixels; wider crops are squeezed
 * @param hidden BiLSTM state size, and the attention decoder's state size
 */
public record RecognizerSpec(Transformation transformation, Features features, Sequence sequence,
                             Prediction prediction, int inputHeight, int maxWidth, int hidden) {

  /** Stage 1: rectification before the features. */
  public enum Transformation { NONE, TPS }

  /**
   * Stage 2: convolutional feature extractor. LEAN and MEDIUM have VGG's layout with fewer
   * channels (24-112 and 32-192; VGG: 64-512), sized for CPU inference.
   */
  public enum Features { LEAN, MEDIUM, VGG, RESNET }

  /** Stage 3: contextual sequence model. */
  public enum Sequence { NONE, BILSTM }

  /** Stage 4: decoder. */
  public enum Prediction { CTC, ATTN }

  /** Horizontal downsampling of every feature extractor: one time step per 4 pixels. */
  public static final int WIDTH_STRIDE = 4;

  public RecognizerSpec {
    if (inputHeight != 32) {
      throw new IllegalArgumentException("Invalid input height: " + inputHeight
          + " (the feature extractors collapse exactly 32 pixels)");
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
  }

  /** The CPU default: {@code None-Lean-BiLSTM-CTC}, height 32. */
  public static RecognizerSpec lean() {
    return new RecognizerSpec(Transformation.NONE, Features.LEAN, Sequence.BILSTM, Prediction.CTC,
        32, 400, 128);
  }

  /** Stage names joined as in the benchmark: {@code None-Lean-BiLSTM-CTC}. */
  public String runName() {
    return cap(transformation) + "-" + cap(features) + "-"
        + (sequence == Sequence.BILSTM ? "BiLSTM" : "None") + "-" + cap(prediction);
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
