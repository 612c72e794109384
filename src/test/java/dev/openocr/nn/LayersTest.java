package dev.openocr.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class LayersTest {
  @Test
  void maxPoolEqualsLibtorchsMaxPoolIncludingOddSizes() {
    try (NDManager m = NDManager.newBaseManager()) {
      long[][] shapes = {{3, 4, 32, 40}, {2, 5, 7, 9}, {1, 1, 2, 1}, {2, 3, 5, 2}};
      for (long[] s : shapes) {
        NDArray x = m.randomNormal(new Shape(s));
        for (int kw : new int[] {1, 2}) {
          if (s[3] < kw) {
            continue;
          }
          Shape k = new Shape(2, kw);
          NDArray expected = Pool.maxPool2d(x, k, k, new Shape(0, 0), false);
          Block block = Layers.maxPool(2, kw);
          NDArray got = block.forward(new ParameterStore(m, false), new NDList(x), false)
              .singletonOrThrow();
          assertThat(got.getShape()).as("%s 2x%d", new Shape(s), kw)
              .isEqualTo(expected.getShape());
          assertThat(got.contentEquals(expected)).as("%s 2x%d", new Shape(s), kw).isTrue();
        }
      }
    }
  }

  @Test
  void onlyTheWindowsTheNetworksUseAreBuilt() {
    assertThatThrownBy(() -> Layers.maxPool(3, 3)).hasMessageContaining("3x3");
  }
}
