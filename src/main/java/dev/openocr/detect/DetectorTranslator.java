package dev.openocr.detect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Normalized, padded gray input {@code [H, W]} -> heatmaps. The tensors live in the call's
 * manager and are freed when the call ends.
 */
final class DetectorTranslator implements NoBatchifyTranslator<DetectorTranslator.Input, Heatmaps> {

  /** A normalized gray image whose sides are multiples of {@link DetectorSpec#PAD_MULTIPLE}. */
  record Input(float[] data, int width, int height) {}

  @Override
  public NDList processInput(TranslatorContext ctx, Input in) {
    NDArray x = ctx.getNDManager().create(in.data(), new Shape(1, 1, in.height(), in.width()));
    return new NDList(x);
  }

  @Override
  public Heatmaps processOutput(TranslatorContext ctx, NDList list) {
    NDArray y = list.singletonOrThrow(); // [1, 2, H/2, W/2]
    int h = (int) y.getShape().get(2);
    int w = (int) y.getShape().get(3);
    float[] all = y.toFloatArray();
    float[] region = new float[w * h];
    float[] affinity = new float[w * h];
    System.arraycopy(all, 0, region, 0, w * h);
    System.arraycopy(all, w * h, affinity, 0, w * h);
    return new Heatmaps(region, affinity, w, h);
  }
}
