package dev.openocr.recognize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import dev.openocr.imageio.GrayImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * For the bench tools: the softmax output of each crop of a batch, cut to the frames its width
 * covers, with its prepared width, so decoding settings can be tried without reading again.
 */
final class RawOutputs implements NoBatchifyTranslator<List<GrayImage>, List<RawOutputs.Output>> {
  private static final String WIDTHS = "widths";

  /** One crop's output: {@code probs} is {@code [t, k]} row-major; {@code width} in pixels. */
  record Output(float[] probs, int t, int width) {}

  private final RecognizerSpec spec;
  private final int k;

  RawOutputs(RecognizerSpec spec, int k) {
    this.spec = spec;
    this.k = k;
  }

  @Override
  public NDList processInput(TranslatorContext ctx, List<GrayImage> crops) {
    RecognizerTranslator.Batch b = RecognizerTranslator.batch(ctx.getNDManager(), spec, crops);
    ctx.setAttachment(WIDTHS, b.widths());
    return new NDList(b.input());
  }

  @Override
  public List<Output> processOutput(TranslatorContext ctx, NDList list) {
    NDArray logits = list.singletonOrThrow();
    long[] shape = logits.getShape().getShape();
    int b = (int) shape[0];
    int t = (int) shape[1];
    float[] probs = logits.softmax(2).toFloatArray();
    int[] widths = (int[]) ctx.getAttachment(WIDTHS);
    List<Output> out = new ArrayList<>(b);
    for (int i = 0; i < b; i++) {
      int ti = spec.frames(widths[i], t);
      out.add(new Output(Arrays.copyOfRange(probs, i * t * k, i * t * k + ti * k), ti,
          widths[i]));
    }
    return out;
  }
}
