package dev.openocr.detect;

import java.util.Arrays;

/**
 * A detector architecture and its inference defaults: one row per variant, as in CRAFT's reference
 * (text_threshold 0.7, link_threshold 0.4, low_text 0.4, canvas 1280, mag 1.5) but tuned per
 * variant. Region and affinity maps come out at half the input resolution.
 *
 * @param variant {@code lean} (CPU default) or {@code vgg16bn} (the paper's backbone)
 * @param stemStride2 whether the first convolution already halves the resolution
 * @param encoder channel width of each encoder stage (each stage after the first halves size)
 * @param convs convolutions per encoder stage
 * @param decoder channel width of each decoder stage, deepest first, ending at half resolution
 * @param mean gray mean on the 0..1 scale, subtracted before the network
 * @param std gray standard deviation on the 0..1 scale
 * @param refineAfter index of the decoder stage followed by a residual refinement block (two 3x3
 *     convolutions at that stage's width and resolution, added to its output), or -1 for none
 */
public record DetectorSpec(String variant, boolean stemStride2, int[] encoder, int[] convs,
                           int[] decoder, float mean, float std, int refineAfter) {

  /** Input sides are padded to a multiple of this (five poolings). */
  public static final int PAD_MULTIPLE = 32;

  public DetectorSpec {
    if (encoder.length != convs.length || encoder.length < 3) {
      throw new IllegalArgumentException("Invalid encoder for " + variant + ": "
          + Arrays.toString(encoder) + " / " + Arrays.toString(convs));
    }
    int expected = stemStride2 ? encoder.length - 1 : encoder.length - 2;
    if (decoder.length != expected) {
      throw new IllegalArgumentException("Variant " + variant + " needs " + expected
          + " decoder stages, got " + decoder.length);
    }
    if (refineAfter < -1 || refineAfter >= decoder.length) {
      throw new IllegalArgumentException("Invalid refinement stage " + refineAfter + " for "
          + decoder.length + " decoder stages");
    }
    if (!(std > 0)) {
      throw new IllegalArgumentException("Invalid std: " + std);
    }
  }

  /** CPU-sized U-Net: about 0.2 M parameters, most work at the coarse stages. */
  public static DetectorSpec lean() {
    return new DetectorSpec("lean", true, new int[] {16, 24, 48, 64, 96}, new int[] {1, 1, 2, 2, 1},
        new int[] {48, 32, 24, 16}, 0.5f, 0.25f, -1);
  }

  /**
   * The lean network with a residual refinement block after decoder stage {@code stage} (2: a
   * quarter of the input resolution, 3: half, where the maps come out). Its last batch norm
   * starts at zero scale, so a lean bundle grown into it ({@link dev.openocr.nn.ParamGrowth})
   * gives the same maps until training changes the block.
   */
  public static DetectorSpec leanRefined(int stage) {
    DetectorSpec l = lean();
    return new DetectorSpec("lean-r" + stage, l.stemStride2(), l.encoder(), l.convs(), l.decoder(),
        l.mean(), l.std(), stage);
  }

  /**
   * The lean encoder with a slimmer decoder where it is most expensive, at a quarter and half of
   * the input resolution (16 and 8 channels instead of 24 and 16): about 0.55 of lean's time a
   * page on one core. A lean bundle starts it with every parameter of the same shape
   * ({@code --init}: the encoder and the two deeper decoder stages).
   */
  public static DetectorSpec leanFast() {
    DetectorSpec l = lean();
    return new DetectorSpec("lean-fast", l.stemStride2(), l.encoder(), l.convs(),
        new int[] {48, 32, 16, 8}, l.mean(), l.std(), -1);
  }

  /** CRAFT's VGG16-BN encoder with a U-Net decoder (about 20 M parameters). */
  public static DetectorSpec vgg16bn() {
    return new DetectorSpec("vgg16bn", false, new int[] {64, 128, 256, 512, 512, 512},
        new int[] {2, 2, 3, 3, 3, 1}, new int[] {256, 128, 64, 32}, 0.5f, 0.25f, -1);
  }

  public static DetectorSpec of(String variant) {
    return switch (variant) {
      case "lean" -> lean();
      case "vgg16bn" -> vgg16bn();
      case "lean-r2" -> leanRefined(2);
      case "lean-r3" -> leanRefined(3);
      case "lean-fast" -> leanFast();
      default -> throw new IllegalArgumentException("Unknown detector variant: " + variant
          + " (lean, lean-fast, lean-r2, lean-r3 or vgg16bn)");
    };
  }
}
