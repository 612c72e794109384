package dev.openocr.recognize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import dev.openocr.imageio.GrayImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Batch of word crops -> texts. Tensors are made from the context's manager, so every call frees
 * its native memory.
 */
final class RecognizerTranslator implements NoBatchifyTranslator<List<GrayImage>, List<Recognition>> {
  private static final String WIDTHS = "widths";
  private final RecognizerSpec spec;
  private final Charset charset;
  private final LexiconDecoder lexicon;
  private final double minSpace;
  private final int beam;
  private final double widthScale;
  private final boolean probabilities;

  /**
   * @param lexicon word-list correction of CTC readings, or null for greedy decoding alone
   * @param minSpace least probability of a word-space frame that parts words
   *     ({@link WordSpaceDecoding})
   * @param beam prefix beams of CTC decoding ({@link CtcDecoder#beam}); 1 is greedy
   */
  RecognizerTranslator(RecognizerSpec spec, Charset charset, LexiconDecoder lexicon,
      double minSpace, int beam) {
    this(spec, charset, lexicon, minSpace, beam, 1);
  }

  /** As the other constructor, each crop's width stretched by {@code widthScale}. */
  RecognizerTranslator(RecognizerSpec spec, Charset charset, LexiconDecoder lexicon,
      double minSpace, int beam, double widthScale) {
    this(spec, charset, lexicon, minSpace, beam, widthScale, false);
  }

  /**
   * As the other constructors; {@code probabilities}: the network's output is already each
   * frame's class probabilities (an ONNX export ends in a softmax), not logits.
   */
  RecognizerTranslator(RecognizerSpec spec, Charset charset, LexiconDecoder lexicon,
      double minSpace, int beam, double widthScale, boolean probabilities) {
    this.probabilities = probabilities;
    this.widthScale = widthScale;
    this.spec = spec;
    this.charset = charset;
    this.lexicon = lexicon;
    this.minSpace = minSpace;
    this.beam = beam;
  }

  /** A batch of prepared crops {@code [B, 1, H, W]} and each crop's own width before padding. */
  record Batch(NDArray input, int[] widths) {}

  /** Prepares and pads crops into one input tensor made by {@code manager}. */
  static Batch batch(NDManager manager, RecognizerSpec spec, List<GrayImage> crops) {
    return batch(manager, spec, crops, 1);
  }

  /** As {@link #batch(NDManager, RecognizerSpec, List)}, widths stretched by {@code widthScale}. */
  static Batch batch(NDManager manager, RecognizerSpec spec, List<GrayImage> crops,
      double widthScale) {
    int h = spec.inputHeight();
    List<CropPreprocessor.Prepared> prepared = new ArrayList<>(crops.size());
    for (GrayImage c : crops) {
      prepared.add(CropPreprocessor.prepare(c, h, spec.maxWidth(), widthScale));
    }
    int w = CropPreprocessor.batchWidth(prepared);
    float[] data = new float[crops.size() * h * w];
    CropPreprocessor.pack(prepared, data, h, w);
    int[] widths = prepared.stream().mapToInt(CropPreprocessor.Prepared::width).toArray();
    return new Batch(manager.create(data, new Shape(crops.size(), 1, h, w)), widths);
  }


  @Override
  public NDList processInput(TranslatorContext ctx, List<GrayImage> crops) {
    Batch b = batch(ctx.getNDManager(), spec, crops, widthScale);
    ctx.setAttachment(WIDTHS, b.widths());
    return new NDList(b.input());
  }

  @Override
  public List<Recognition> processOutput(TranslatorContext ctx, NDList list) {
    NDArray logits = list.singletonOrThrow(); // [B, T, K]
    long[] shape = logits.getShape().getShape();
    int b = (int) shape[0];
    int t = (int) shape[1];
    int k = (int) shape[2];
    float[] probs = probabilities ? logits.toFloatArray() : logits.softmax(2).toFloatArray();
    int[] widths = (int[]) ctx.getAttachment(WIDTHS);
    List<Recognition> out = new ArrayList<>(b);
    if (spec.prediction() == RecognizerSpec.Prediction.ATTN) {
      for (int i = 0; i < b; i++) {
        out.add(AttentionDecoding.decode(probs, i * t * k, t, k, charset));
      }
      return out;
    }
    for (int i = 0; i < b; i++) {
      out.add(WordSpaceDecoding.decode(probs, i * t * k, spec.frames(widths[i], t), k, charset,
          lexicon, widths[i], minSpace, beam, spec.frameWidth()));
    }
    return out;
  }
}
