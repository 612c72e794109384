package dev.openocr.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.recognize.Charset;
import dev.openocr.recognize.RecognizerModel;
import dev.openocr.recognize.RecognizerSpec;
import org.junit.jupiter.api.Test;

class ClassGrowthTest {
  private static RecognizerSpec spec(int hidden) {
    return new RecognizerSpec(RecognizerSpec.Transformation.NONE, RecognizerSpec.Features.LEAN,
        RecognizerSpec.Sequence.BILSTM, RecognizerSpec.Prediction.CTC, 32, 128, hidden, 1, 0, RecognizerSpec.WIDTH_STRIDE);
  }

  @Test
  void theOutputGainsRowsAndEverythingElseIsCopied() {
    Charset small = Charset.parse("abc");
    try (RecognizerModel from = RecognizerModel.create(spec(16), small, "cpu");
         RecognizerModel to = RecognizerModel.create(spec(16), small.withWordSpace(), "cpu")) {
      var fp = from.model().getBlock().getParameters();
      var tp = to.model().getBlock().getParameters();
      int last = tp.size() - 2; // the output layer's weight, then its bias
      int row = (int) tp.get(last).getValue().getArray().getShape().get(1);
      ClassGrowth.copyInto(to.model().getBlock(), from.model().getBlock());
      for (int i = 0; i < last; i++) {
        assertThat(tp.get(i).getValue().getArray().toFloatArray()).as(tp.get(i).getKey())
            .containsExactly(fp.get(i).getValue().getArray().toFloatArray());
      }
      float[] fw = fp.get(last).getValue().getArray().toFloatArray();
      float[] tw = tp.get(last).getValue().getArray().toFloatArray();
      assertThat(tw).hasSize(fw.length + row);
      assertThat(java.util.Arrays.copyOf(tw, fw.length)).containsExactly(fw);
      // the new row starts at zero, whatever the target's random start was
      assertThat(java.util.Arrays.copyOfRange(tw, fw.length, tw.length))
          .containsOnly(0f).hasSize(row);
      float[] fb = fp.get(last + 1).getValue().getArray().toFloatArray();
      float[] tb = tp.get(last + 1).getValue().getArray().toFloatArray();
      float min = Float.POSITIVE_INFINITY;
      for (float v : fb) {
        min = Math.min(min, v);
      }
      assertThat(tb).startsWith(fb).endsWith(min);
    }
  }

  @Test
  void otherDifferencesAreRefusedBeforeAnythingChanges() {
    Charset cs = Charset.parse("abc");
    try (RecognizerModel from = RecognizerModel.create(spec(16), cs, "cpu");
         RecognizerModel to = RecognizerModel.create(spec(24), cs.withWordSpace(), "cpu")) {
      float[] before = to.model().getBlock().getParameters().get(0).getValue().getArray()
          .toFloatArray();
      assertThatThrownBy(() -> ClassGrowth.copyInto(to.model().getBlock(),
          from.model().getBlock())).hasMessageContaining("Networks differ");
      assertThat(to.model().getBlock().getParameters().get(0).getValue().getArray()
          .toFloatArray()).containsExactly(before);
    }
    // fewer classes is not growth either
    try (RecognizerModel from = RecognizerModel.create(spec(16), cs.withWordSpace(), "cpu");
         RecognizerModel to = RecognizerModel.create(spec(16), cs, "cpu")) {
      assertThatThrownBy(() -> ClassGrowth.copyInto(to.model().getBlock(),
          from.model().getBlock())).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Networks differ");
    }
  }
}
