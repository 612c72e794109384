package dev.openocr.nn.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import dev.openocr.detect.DetectorModel;
import dev.openocr.detect.DetectorSpec;
import dev.openocr.recognize.Charset;
import dev.openocr.recognize.RecognizerModel;
import dev.openocr.recognize.RecognizerSpec;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The exported graphs against the networks they come from, run by libtorch on the same input:
 * random weights, with batch-norm statistics away from their initial values so a wrong fold shows.
 */
class OnnxExportTest {
  private static final Random RNG = new Random(17);

  @Test
  void detectorGraphGivesTheNetworksMaps() throws Exception {
    try (DetectorModel det = DetectorModel.create(DetectorSpec.lean(), "cpu")) {
      perturb(det.model().getBlock());
      float[] x = gaussian(64 * 96);
      Shape shape = new Shape(1, 1, 64, 96);
      float[] want = torch(det.model(), x, shape);
      float[] got = ort(det.onnx(), x, shape);
      assertThat(got).hasSize(2 * 32 * 48);
      assertClose(got, want, 1e-4);
    }
  }

  @Test
  void recognizerGraphGivesTheNetworksProbabilities() throws Exception {
    RecognizerSpec spec = RecognizerSpec.lean().withSequenceLayers(3);
    try (RecognizerModel rec = RecognizerModel.create(spec, Charset.parse("abc0123"), "cpu")) {
      perturb(rec.model().getBlock());
      float[] x = gaussian(3 * 32 * 40);
      Shape shape = new Shape(3, 1, 32, 40);
      float[] want;
      try (NDManager m = NDManager.newBaseManager()) {
        float[] logits = torch(rec.model(), x, shape);
        want = m.create(logits, new Shape(3, 10, logits.length / 30)).softmax(2).toFloatArray();
      }
      float[] got = ort(rec.onnx(), x, shape);
      assertThat(got).hasSize(want.length);
      assertClose(got, want, 1e-4);
    }
  }

  @Test
  void aFastRecognizerOfHeight24WithTwoFramesAColumnExports() throws Exception {
    RecognizerSpec spec = new RecognizerSpec(RecognizerSpec.Transformation.NONE,
        RecognizerSpec.Features.FAST, RecognizerSpec.Sequence.BILSTM,
        RecognizerSpec.Prediction.CTC, 24, 64, 16, 1, 0, 2);
    try (RecognizerModel rec = RecognizerModel.create(spec, Charset.parse("abc0123"), "cpu")) {
      perturb(rec.model().getBlock());
      float[] x = gaussian(2 * 24 * 40);
      Shape shape = new Shape(2, 1, 24, 40);
      float[] want;
      try (NDManager m = NDManager.newBaseManager()) {
        float[] logits = torch(rec.model(), x, shape);
        // 10 columns, two frames each
        want = m.create(logits, new Shape(2, 20, logits.length / 40)).softmax(2).toFloatArray();
      }
      float[] got = ort(rec.onnx(), x, shape);
      assertThat(got).hasSize(want.length);
      assertClose(got, want, 1e-4);
    }
  }

  @Test
  void ensemblesAndAttentionAreRefused() {
    RecognizerSpec attn = new RecognizerSpec(RecognizerSpec.Transformation.NONE,
        RecognizerSpec.Features.LEAN, RecognizerSpec.Sequence.BILSTM,
        RecognizerSpec.Prediction.ATTN, 32, 64, 16, 1, 0, RecognizerSpec.WIDTH_STRIDE);
    try (RecognizerModel rec = RecognizerModel.create(attn, Charset.parse("ab"), "cpu")) {
      assertThatThrownBy(rec::onnx).isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("None-Lean-BiLSTM-Attn");
    }
  }

  private static void assertClose(float[] got, float[] want, double tol) {
    double worst = 0;
    for (int i = 0; i < got.length; i++) {
      worst = Math.max(worst, Math.abs(got[i] - want[i]));
    }
    assertThat(worst).isLessThan(tol);
  }

  /** Every parameter drawn anew, variances positive. */
  private static void perturb(Block block) {
    for (var p : block.getParameters()) {
      NDArray a = p.getValue().getArray();
      float[] v = new float[(int) a.size()];
      boolean variance = p.getKey().endsWith("runningVar");
      for (int i = 0; i < v.length; i++) {
        v[i] = variance ? 0.5f + RNG.nextFloat() : (float) (RNG.nextGaussian() * 0.3);
      }
      a.set(v);
    }
  }

  private static float[] gaussian(int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) RNG.nextGaussian();
    }
    return x;
  }

  private static float[] torch(Model m, float[] x, Shape shape) {
    try (NDManager sub = m.getNDManager().newSubManager()) {
      NDList out = m.getBlock().forward(new ParameterStore(sub, false),
          new NDList(sub.create(x, shape)), false);
      return out.singletonOrThrow().toFloatArray();
    }
  }

  private static float[] ort(byte[] onnx, float[] x, Shape shape) throws Exception {
    try (Model m = OrtModels.load("test", onnx, 1);
         Predictor<float[], float[]> p = m.newPredictor(new Raw(shape))) {
      return p.predict(x);
    }
  }

  /** One float input of a fixed shape to the output's floats. */
  private record Raw(Shape shape) implements NoBatchifyTranslator<float[], float[]> {
    @Override
    public NDList processInput(TranslatorContext ctx, float[] in) {
      return new NDList(ctx.getNDManager().create(in, shape));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
      return list.singletonOrThrow().toFloatArray();
    }
  }
}
