package dev.openocr.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import dev.openocr.recognize.Charset;
import dev.openocr.recognize.RecognizerModel;
import dev.openocr.recognize.RecognizerSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightAverageTest {
  private static RecognizerSpec spec(int hidden) {
    return new RecognizerSpec(RecognizerSpec.Transformation.NONE, RecognizerSpec.Features.LEAN,
        RecognizerSpec.Sequence.BILSTM, RecognizerSpec.Prediction.CTC, 32, 128, hidden, 1, 0, RecognizerSpec.WIDTH_STRIDE);
  }

  private static List<float[]> values(Block b) {
    List<float[]> out = new ArrayList<>();
    for (var p : b.getParameters()) {
      out.add(p.getValue().getArray().toFloatArray());
    }
    return out;
  }

  @Test
  void everyParameterBecomesTheMeanOfTheNetworks() {
    Charset cs = Charset.builtin("en");
    try (RecognizerModel a = RecognizerModel.create(spec(16), cs, "cpu");
         RecognizerModel b = RecognizerModel.create(spec(16), cs, "cpu");
         RecognizerModel c = RecognizerModel.create(spec(16), cs, "cpu")) {
      Block ba = a.model().getBlock();
      // make the running statistics of batch norm differ too, not only the random weights
      PairList<String, Parameter> pc = c.model().getBlock().getParameters();
      for (var p : pc) {
        p.getValue().getArray().addi(0.5f);
      }
      List<float[]> va = values(ba);
      List<float[]> vb = values(b.model().getBlock());
      List<float[]> vc = values(c.model().getBlock());
      WeightAverage.averageInto(ba, List.of(b.model().getBlock(), c.model().getBlock()));
      List<float[]> mean = values(ba);
      int differed = 0;
      for (int i = 0; i < mean.size(); i++) {
        for (int j = 0; j < mean.get(i).length; j++) {
          float want = (va.get(i)[j] + vb.get(i)[j] + vc.get(i)[j]) / 3;
          assertThat(mean.get(i)[j]).isCloseTo(want, within(1e-5f));
          differed += va.get(i)[j] != want ? 1 : 0;
        }
      }
      assertThat(differed).isGreaterThan(1000);
      // the other networks are left as they were
      assertThat(values(b.model().getBlock()).get(0)).containsExactly(vb.get(0));
    }
  }

  @Test
  void networksOfAnotherShapeAreRefused() {
    Charset cs = Charset.builtin("en");
    try (RecognizerModel a = RecognizerModel.create(spec(16), cs, "cpu");
         RecognizerModel b = RecognizerModel.create(spec(24), cs, "cpu")) {
      float[] before = values(a.model().getBlock()).get(0);
      assertThatThrownBy(() -> WeightAverage.averageInto(a.model().getBlock(),
          List.of(b.model().getBlock())))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Networks differ");
      assertThat(values(a.model().getBlock()).get(0)).containsExactly(before);
    }
  }
}
