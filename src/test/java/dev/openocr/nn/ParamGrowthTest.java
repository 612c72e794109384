package dev.openocr.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.openocr.detect.DetectorModel;
import dev.openocr.detect.DetectorSpec;
import dev.openocr.recognize.Charset;
import dev.openocr.recognize.RecognizerModel;
import dev.openocr.recognize.RecognizerSpec;
import org.junit.jupiter.api.Test;

class ParamGrowthTest {
  /** A small one-layer recognizer the recognizer growths start from. */
  private static final RecognizerSpec ONE_LAYER = new RecognizerSpec(
      RecognizerSpec.Transformation.NONE, RecognizerSpec.Features.LEAN,
      RecognizerSpec.Sequence.BILSTM, RecognizerSpec.Prediction.CTC, 32, 64, 16, 1, 0, RecognizerSpec.WIDTH_STRIDE);

  @Test
  void aLeanNetworkGrownWithARefinementBlockGivesTheSameMapsUntilTrained() {
    for (int stage : new int[] {2, 3}) {
      try (DetectorModel lean = DetectorModel.create(DetectorSpec.lean(), "cpu");
           DetectorModel grown = DetectorModel.create(DetectorSpec.leanRefined(stage), "cpu");
           NDManager nd = NDManager.newBaseManager()) {
        int added = ParamGrowth.copyInto(grown.model().getBlock(), lean.model().getBlock());
        // two 3x3 convolutions (one array each) and their batch norms (four arrays each)
        assertThat(added).isEqualTo(10);
        assertThat(Params.count(grown.model().getBlock()))
            .isGreaterThan(Params.count(lean.model().getBlock()));
        NDArray x = nd.randomUniform(0, 1, new Shape(2, 1, 96, 64));
        assertSameOutputs(lean.model(), grown.model(), x, "stage " + stage);
        // once the block's last scale is not zero, the maps differ
        for (var p : grown.model().getBlock().getParameters()) {
          if (p.getKey().contains("refine") && p.getKey().endsWith("gamma")) {
            p.getValue().getArray().set(ones((int) p.getValue().getArray().size()));
          }
        }
        assertThat(forward(grown, x, false)).isNotEqualTo(forward(lean, x, false));
      }
    }
  }

  @Test
  void aRecognizerGrownWithASecondBiLstmLayerReadsAsBeforeUntilTrained() {
    RecognizerSpec one = ONE_LAYER;
    Charset cs = Charset.parse("AB");
    try (RecognizerModel lean = RecognizerModel.create(one, cs, "cpu");
         RecognizerModel grown = RecognizerModel.create(one.withSequenceLayers(2), cs, "cpu");
         NDManager nd = NDManager.newBaseManager()) {
      int added = ParamGrowth.copyInto(grown.model().getBlock(), lean.model().getBlock());
      // two LSTMs (weights and biases, input and recurrent: four arrays each) and a projection
      assertThat(added).isEqualTo(10);
      NDArray x = nd.randomUniform(0, 1, new Shape(2, 1, 32, 48));
      assertSameOutputs(lean.model(), grown.model(), x, "second layer");
      // once the new layer's projection is not zero, the logits differ
      for (var p : grown.model().getBlock().getParameters()) {
        if (p.getKey().contains("res1") && p.getKey().contains("out")
            && p.getKey().endsWith("weight")) {
          p.getValue().getArray().set(ones((int) p.getValue().getArray().size()));
        }
      }
      assertThat(forward(grown.model(), x, false)).isNotEqualTo(forward(lean.model(), x, false));
      // the other way round there is no place for the second layer
      assertThatThrownBy(() -> ParamGrowth.copyInto(lean.model().getBlock(),
          grown.model().getBlock())).hasMessageContaining("res1");
    }
  }

  @Test
  void aRecognizerGrownWithFeatureBlocksReadsAsBeforeUntilTrained() {
    RecognizerSpec one = ONE_LAYER;
    Charset cs = Charset.parse("AB");
    for (int blocks : new int[] {1, 2}) {
      RecognizerSpec wide = one.withFeatureBlocks(blocks);
      assertThat(one.growsInto(wide)).isTrue();
      assertThat(wide.growsInto(one)).isFalse();
      try (RecognizerModel lean = RecognizerModel.create(one, cs, "cpu");
           RecognizerModel grown = RecognizerModel.create(wide, cs, "cpu");
           NDManager nd = NDManager.newBaseManager()) {
        int added = ParamGrowth.copyInto(grown.model().getBlock(), lean.model().getBlock());
        // per block two 3x3 convolutions (one array each) and two batch norms (four arrays each)
        assertThat(added).isEqualTo(10 * blocks);
        NDArray x = nd.randomUniform(0, 1, new Shape(2, 1, 32, 48));
        assertSameOutputs(lean.model(), grown.model(), x, blocks + " blocks");
        // once a block's last scale is not zero, the logits differ
        for (var p : grown.model().getBlock().getParameters()) {
          if (p.getValue().getType() == ai.djl.nn.Parameter.Type.GAMMA
              && p.getValue().getArray().sum().getFloat() == 0f) {
            p.getValue().getArray().set(ones((int) p.getValue().getArray().size()));
          }
        }
        assertThat(forward(grown.model(), x, false))
            .isNotEqualTo(forward(lean.model(), x, false));
        assertThatThrownBy(() -> ParamGrowth.copyInto(lean.model().getBlock(),
            grown.model().getBlock())).hasMessageContaining("Cannot grow");
      }
    }
    // the blocks belong to the VGG-like stacks only
    assertThatThrownBy(() -> new RecognizerSpec(RecognizerSpec.Transformation.NONE,
        RecognizerSpec.Features.RESNET, RecognizerSpec.Sequence.BILSTM,
        RecognizerSpec.Prediction.CTC, 32, 64, 16, 1, 1, RecognizerSpec.WIDTH_STRIDE))
        .hasMessageContaining("feature blocks");
    assertThat(one.withFeatureBlocks(1).runName()).isEqualTo("None-LeanR1-BiLSTM-CTC");
    assertThat(one.growsInto(one)).isFalse();
    assertThat(one.growsInto(one.withSequenceLayers(2).withFeatureBlocks(1))).isTrue();
    assertThat(one.withSequenceLayers(2).growsInto(one.withFeatureBlocks(1))).isFalse();
  }

  @Test
  void aRecognizerGrownIntoNarrowerFramesGivesEachColumnsDistributionTwice() {
    RecognizerSpec one = ONE_LAYER;
    RecognizerSpec narrow = one.withFrameWidth(2);
    assertThat(narrow.runName()).isEqualTo("None-Lean-BiLSTM-CTC2");
    assertThat(narrow.framesPerColumn()).isEqualTo(2);
    // a 13-pixel crop covers 4 columns of 4 pixels: 8 frames of 2, at most the batch's
    assertThat(narrow.frames(13, 100)).isEqualTo(8);
    assertThat(one.frames(13, 100)).isEqualTo(4);
    assertThat(narrow.frames(13, 6)).isEqualTo(6);
    assertThat(one.growsInto(narrow)).isTrue();
    assertThat(narrow.growsInto(one)).isFalse();
    assertThat(one.growsInto(narrow.withSequenceLayers(2))).isTrue();
    Charset cs = Charset.parse("AB");
    try (RecognizerModel wide = RecognizerModel.create(one, cs, "cpu");
         RecognizerModel grown = RecognizerModel.create(narrow, cs, "cpu");
         NDManager nd = NDManager.newBaseManager()) {
      assertThat(ParamGrowth.copyInto(grown.model().getBlock(), wide.model().getBlock()))
          .isZero();
      NDArray x = nd.randomUniform(0, 1, new Shape(2, 1, 32, 48));
      float[] w = forward(wide.model(), x, false);
      float[] g = forward(grown.model(), x, false);
      int k = cs.numClasses();
      int t = 48 / 4;
      assertThat(g).hasSize(2 * w.length);
      for (int b = 0; b < 2; b++) {
        for (int f = 0; f < 2 * t; f++) {
          // frame f of the narrow network is column f / 2 of the wide one
          float[] got = java.util.Arrays.copyOfRange(g, (b * 2 * t + f) * k,
              (b * 2 * t + f + 1) * k);
          float[] want = java.util.Arrays.copyOfRange(w, (b * t + f / 2) * k,
              (b * t + f / 2 + 1) * k);
          assertThat(got).as("crop %d frame %d", b, f)
              .containsExactly(want, org.assertj.core.data.Offset.offset(1e-5f));
        }
      }
      // narrow frames do not widen back
      assertThatThrownBy(() -> ParamGrowth.copyInto(wide.model().getBlock(),
          grown.model().getBlock())).hasMessageContaining("Cannot grow");
    }
    // 2 or 4 pixels, and 2 only where CTC reads the frames
    assertThatThrownBy(() -> one.withFrameWidth(3)).hasMessageContaining("frame width");
    assertThatThrownBy(() -> new RecognizerSpec(RecognizerSpec.Transformation.NONE,
        RecognizerSpec.Features.LEAN, RecognizerSpec.Sequence.BILSTM,
        RecognizerSpec.Prediction.ATTN, 32, 64, 16, 1, 0, 2))
        .hasMessageContaining("frame width");
  }

  /** Both networks give the same output for {@code x}, in inference and in training mode. */
  private static void assertSameOutputs(ai.djl.Model source, ai.djl.Model grown, NDArray x,
      String what) {
    for (boolean training : new boolean[] {false, true}) {
      assertThat(forward(grown, x, training)).as("%s, training %s", what, training)
          .containsExactly(forward(source, x, training),
              org.assertj.core.data.Offset.offset(1e-5f));
    }
  }

  private static float[] ones(int n) {
    float[] o = new float[n];
    java.util.Arrays.fill(o, 1f);
    return o;
  }

  private static float[] forward(DetectorModel m, NDArray x, boolean training) {
    return forward(m.model(), x, training);
  }

  private static float[] forward(ai.djl.Model m, NDArray x, boolean training) {
    try (NDManager sub = m.getNDManager().newSubManager()) {
      NDArray xi = sub.create(x.toFloatArray(), x.getShape());
      return m.getBlock().forward(new ParameterStore(sub, false), new NDList(xi), training)
          .singletonOrThrow().toFloatArray();
    }
  }

  @Test
  void aNetworkMissingASourceParameterIsRefusedBeforeAnythingChanges() {
    try (DetectorModel grown = DetectorModel.create(DetectorSpec.leanRefined(3), "cpu");
         DetectorModel lean = DetectorModel.create(DetectorSpec.lean(), "cpu")) {
      float[] before = lean.model().getBlock().getParameters().get(0).getValue().getArray()
          .toFloatArray();
      // the lean network has no place for the refinement block's parameters
      assertThatThrownBy(() -> ParamGrowth.copyInto(lean.model().getBlock(),
          grown.model().getBlock())).hasMessageContaining("refine");
      assertThat(lean.model().getBlock().getParameters().get(0).getValue().getArray()
          .toFloatArray()).containsExactly(before);
    }
  }
}
