package dev.openocr.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.recognize.Charset;
import dev.openocr.recognize.RecognizerModel;
import dev.openocr.recognize.RecognizerSpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Weights go back into a network of their architecture and no other. */
class ParamsTest {
  private static final RecognizerSpec ONE = new RecognizerSpec(RecognizerSpec.Transformation.NONE,
      RecognizerSpec.Features.LEAN, RecognizerSpec.Sequence.BILSTM,
      RecognizerSpec.Prediction.CTC, 32, 64, 16, 1, 0, RecognizerSpec.WIDTH_STRIDE);
  private static final Charset CS = Charset.parse("AB");

  @Test
  void weightsLoadIntoTheirArchitecture() {
    try (RecognizerModel a = RecognizerModel.create(ONE, CS, "cpu");
         RecognizerModel b = RecognizerModel.create(ONE, CS, "cpu")) {
      byte[] w = Params.save(a.model().getBlock());
      assertThat(Params.save(b.model().getBlock())).isNotEqualTo(w);
      Params.load(b.model().getBlock(), b.model().getNDManager(), w, "a");
      assertThat(Params.save(b.model().getBlock())).isEqualTo(w);
    }
  }

  @Test
  void weightsOfAnotherArchitectureAreRefusedByName() {
    try (RecognizerModel one = RecognizerModel.create(ONE, CS, "cpu");
         RecognizerModel two = RecognizerModel.create(ONE.withSequenceLayers(2), CS, "cpu")) {
      byte[] w1 = Params.save(one.model().getBlock());
      byte[] w2 = Params.save(two.model().getBlock());
      assertThatThrownBy(() -> Params.load(one.model().getBlock(), one.model().getNDManager(), w2,
          "bundle-two")).hasMessageContaining("bundle-two").hasMessageContaining("model.json");
      assertThatThrownBy(() -> Params.load(two.model().getBlock(), two.model().getNDManager(), w1,
          "bundle-one")).hasMessageContaining("bundle-one").hasMessageContaining("model.json");
      // bytes after the last parameter are not ignored
      byte[] longer = Arrays.copyOf(w1, w1.length + 8);
      assertThatThrownBy(() -> Params.load(one.model().getBlock(), one.model().getNDManager(),
          longer, "padded")).hasMessageContaining("8 bytes are left over");
    }
  }
}
