package dev.openocr.recognize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The four swappable stages: every kind builds and has the documented output shapes. */
class RecognizerStagesTest {
  private static final int CLASSES = 7;

  @ParameterizedTest
  @CsvSource({
      "NONE, LEAN, BILSTM, CTC",
      "TPS, LEAN, NONE, CTC",
      "NONE, RESNET, NONE, CTC",
      "NONE, MEDIUM, BILSTM, CTC",
      "NONE, LEAN, BILSTM, ATTN",
      "TPS, VGG, NONE, ATTN",
      "TPS, RESNET, BILSTM, ATTN"})
  void everyStageBuildsWithTheDocumentedShapes(RecognizerSpec.Transformation t,
      RecognizerSpec.Features f, RecognizerSpec.Sequence s, RecognizerSpec.Prediction p) {
    RecognizerSpec spec = new RecognizerSpec(t, f, s, p, 32, 64, 16, 1, 0, RecognizerSpec.WIDTH_STRIDE);
    try (NDManager m = NDManager.newBaseManager()) {
      Block net = RecognizerNet.build(spec, CLASSES);
      net.initialize(m, DataType.FLOAT32, new Shape(2, 1, 32, 48));
      NDArray x = m.randomNormal(new Shape(2, 1, 32, 48));
      ParameterStore ps = new ParameterStore(m, false);
      if (p == RecognizerSpec.Prediction.CTC) {
        NDArray y = net.forward(ps, new NDList(x), false).singletonOrThrow();
        assertThat(y.getShape()).isEqualTo(new Shape(2, 48 / RecognizerSpec.WIDTH_STRIDE, CLASSES));
      } else {
        NDArray tokens = m.create(new int[] {0, 3, 4, 0, 5, 0}, new Shape(2, 3));
        NDArray y = net.forward(ps, new NDList(x, tokens), true).singletonOrThrow();
        assertThat(y.getShape()).isEqualTo(new Shape(2, 3, CLASSES));
        NDArray greedy = net.forward(ps, new NDList(x), false).singletonOrThrow();
        assertThat(greedy.getShape().get(0)).isEqualTo(2);
        assertThat(greedy.getShape().get(1)).isBetween(1L, 64L / RecognizerSpec.WIDTH_STRIDE);
      }
    }
  }

  @Test
  void runNamesFollowTheBenchmark() {
    assertThat(new RecognizerSpec(RecognizerSpec.Transformation.TPS,
        RecognizerSpec.Features.RESNET, RecognizerSpec.Sequence.BILSTM,
        RecognizerSpec.Prediction.ATTN, 32, 100, 256, 1, 0, RecognizerSpec.WIDTH_STRIDE).runName())
        .isEqualTo("TPS-ResNet-BiLSTM-Attn");
    assertThat(RecognizerSpec.lean().runName()).isEqualTo("None-Lean-BiLSTM-CTC");
  }

  @Test
  void impossibleCombinationsFailWhenBuilt() {
    assertThatThrownBy(() -> new RecognizerSpec(RecognizerSpec.Transformation.NONE,
        RecognizerSpec.Features.LEAN, RecognizerSpec.Sequence.NONE,
        RecognizerSpec.Prediction.ATTN, 32, 100, 0, 1, 0, RecognizerSpec.WIDTH_STRIDE))
        .hasMessageContaining("attention decoder size");
    assertThatThrownBy(() -> new RecognizerSpec(RecognizerSpec.Transformation.NONE,
        RecognizerSpec.Features.LEAN, RecognizerSpec.Sequence.BILSTM,
        RecognizerSpec.Prediction.CTC, 32, 100, 0, 1, 0, RecognizerSpec.WIDTH_STRIDE))
        .hasMessageContaining("BiLSTM hidden size");
    assertThatThrownBy(() -> new RecognizerSpec(RecognizerSpec.Transformation.TPS,
        RecognizerSpec.Features.LEAN, RecognizerSpec.Sequence.NONE,
        RecognizerSpec.Prediction.CTC, 48, 100, 0, 1, 0, RecognizerSpec.WIDTH_STRIDE))
        .hasMessageContaining("input height");
    assertThatThrownBy(() -> new RecognizerSpec(RecognizerSpec.Transformation.NONE,
        RecognizerSpec.Features.LEAN, RecognizerSpec.Sequence.NONE,
        RecognizerSpec.Prediction.CTC, 32, 100, 0, 1, 0, RecognizerSpec.WIDTH_STRIDE).withSequenceLayers(2))
        .hasMessageContaining("sequence layers");
  }

  @Test
  void theArchitectureIsWrittenWithEveryKeyAndReadBack() {
    RecognizerSpec one = RecognizerSpec.lean();
    com.google.gson.JsonObject a = RecognizerModel.architectureJson(one);
    assertThat(a.get("sequenceLayers").getAsInt()).isEqualTo(1);
    assertThat(a.get("featureBlocks").getAsInt()).isZero();
    assertThat(a.get("frameWidth").getAsInt()).isEqualTo(RecognizerSpec.WIDTH_STRIDE);
    assertThat(RecognizerModel.specOf(a)).isEqualTo(one);
    for (RecognizerSpec other : java.util.List.of(one.withFrameWidth(2), one.withSequenceLayers(2),
        one.withFeatureBlocks(1))) {
      assertThat(RecognizerModel.specOf(RecognizerModel.architectureJson(other))).isEqualTo(other);
    }
    a.remove("frameWidth");
    assertThatThrownBy(() -> RecognizerModel.specOf(a))
        .hasMessageContaining("architecture.frameWidth is missing");
  }

  @Test
  void untrainedThinPlateSplineIsTheIdentity() {
    try (NDManager m = NDManager.newBaseManager()) {
      ThinPlateSpline tps = new ThinPlateSpline(ThinPlateSpline.FIDUCIALS);
      tps.initialize(m, DataType.FLOAT32, new Shape(2, 1, 32, 40));
      NDArray x = m.randomUniform(0f, 1f, new Shape(2, 1, 32, 40));
      NDArray y = tps.forward(new ParameterStore(m, false), new NDList(x), false)
          .singletonOrThrow();
      float[] a = x.toFloatArray();
      float[] b = y.toFloatArray();
      for (int i = 0; i < a.length; i++) {
        assertThat(b[i]).isCloseTo(a[i], within(1e-3f));
      }
    }
  }

  @Test
  void splineMatrixReproducesAnAffineMapOfTheBasePoints() {
    // moving every base point by the same affine map moves every grid point by that map
    int f = ThinPlateSpline.FIDUCIALS;
    float[] c = ThinPlateSpline.basePoints(f);
    int h = 4;
    int w = 6;
    float[] mat = ThinPlateSpline.splineMatrix(c, f, h, w);
    for (int yi = 0; yi < h; yi++) {
      for (int xi = 0; xi < w; xi++) {
        double px = (2.0 * xi + 1 - w) / w;
        double py = (2.0 * yi + 1 - h) / h;
        double mx = 0;
        double my = 0;
        for (int j = 0; j < f; j++) {
          double m = mat[(yi * w + xi) * f + j];
          // C' = 0.5 * C + (0.1, -0.2), with a shear x += 0.3 y
          double cx = 0.5 * c[2 * j] + 0.3 * c[2 * j + 1] + 0.1;
          double cy = 0.5 * c[2 * j + 1] - 0.2;
          mx += m * cx;
          my += m * cy;
        }
        assertThat(mx).isCloseTo(0.5 * px + 0.3 * py + 0.1, within(1e-4));
        assertThat(my).isCloseTo(0.5 * py - 0.2, within(1e-4));
      }
    }
  }

  @Test
  void samplerInterpolatesBetweenPixels() {
    try (NDManager m = NDManager.newBaseManager()) {
      int h = 3;
      int w = 4;
      float[] img = new float[h * w];
      Random r = new Random(3);
      for (int i = 0; i < img.length; i++) {
        img[i] = r.nextFloat();
      }
      NDArray x = m.create(img, new Shape(1, 1, h, w));
      // one sample half-way between pixels (1, 1) and (2, 1), one a quarter below (0, 0)
      float[] coords = {norm(1.5, w), norm(1, h), norm(0, w), norm(0.25, h)};
      NDArray y = ThinPlateSpline.sample(x, m.create(coords, new Shape(1, 2, 2)), h, w)
          .reshape(2);
      float[] out = y.toFloatArray();
      assertThat(out[0]).isCloseTo((img[w + 1] + img[w + 2]) / 2, within(1e-5f));
      assertThat(out[1]).isCloseTo(0.75f * img[0] + 0.25f * img[w], within(1e-5f));
    }
  }

  /** Pixel coordinate to the sampler's normalized coordinate (pixel centres). */
  private static float norm(double p, int size) {
    return (float) ((2 * p + 1) / size - 1);
  }

  @Test
  void attentionDecodingStopsAtTheEndToken() {
    Charset cs = Charset.parse("ab");
    // classes: 0 end, 1 'a', 2 'b'; steps: a (0.9), b (0.8), end (0.7), a (0.99)
    float[] probs = {
        0.05f, 0.9f, 0.05f,
        0.1f, 0.1f, 0.8f,
        0.7f, 0.2f, 0.1f,
        0.005f, 0.99f, 0.005f};
    Recognition r = AttentionDecoding.decode(probs, 0, 4, 3, cs);
    assertThat(r.text()).isEqualTo("ab");
    assertThat(r.confidence()).isCloseTo(0.9 * 0.8 * 0.7, within(1e-6));
    assertThat(r.charProbs()).containsExactly(0.9f, 0.8f);
    Recognition empty = AttentionDecoding.decode(probs, 6, 1, 3, cs);
    assertThat(empty.text()).isEmpty();
    assertThat(empty.confidence()).isZero();
  }
}
