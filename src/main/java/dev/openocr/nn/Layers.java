package dev.openocr.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/** Small builders for the convolution stacks both networks use. */
public final class Layers {
  private Layers() {}

  /** 3x3 convolution (padding 1, no bias) + batch norm + ReLU. */
  public static SequentialBlock convBnRelu(int filters) {
    return convBnRelu(filters, new Shape(3, 3), new Shape(1, 1), new Shape(1, 1));
  }

  /** Convolution + batch norm + ReLU with explicit kernel, stride and padding. */
  public static SequentialBlock convBnRelu(int filters, Shape kernel, Shape stride, Shape pad) {
    return new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(kernel).optStride(stride).optPadding(pad)
            .setFilters(filters).optBias(false).build())
        .add(BatchNorm.builder().build())
        .add(Activation.reluBlock());
  }

  /**
   * Max pooling over 2x2 or 2x1 (height x width) windows with the same stride and no padding,
   * as {@code Pool.maxPool2dBlock} computes it (odd trailing rows or columns dropped), built from
   * strided slices and element-wise maxima. The result is identical; libtorch's CPU max-pool
   * kernel took 2-20x longer on the recognizer's shapes here and was a quarter of its native
   * time in a JFR profile (BENCHMARKS.md, "Where the engine's time goes"). Parameterless, so
   * bundles saved with either block load in both.
   */
  public static Block maxPool(int kh, int kw) {
    if (kh != 2 || (kw != 1 && kw != 2)) {
      throw new IllegalArgumentException("Only 2x2 and 2x1 windows: " + kh + "x" + kw);
    }
    return new LambdaBlock(list -> new NDList(maxPool(list.singletonOrThrow(), kw)),
        "maxPool" + kh + "x" + kw);
  }

  static NDArray maxPool(NDArray x, int kw) {
    long h = x.getShape().get(2) / 2 * 2;
    long w = x.getShape().get(3) / kw * kw;
    String rows0 = ":,:,0:" + h + ":2";
    String rows1 = ":,:,1:" + h + ":2";
    if (kw == 1) {
      return x.get(rows0 + ",0:" + w).maximum(x.get(rows1 + ",0:" + w));
    }
    NDArray top = x.get(rows0 + ",0:" + w + ":2").maximum(x.get(rows0 + ",1:" + w + ":2"));
    NDArray bottom = x.get(rows1 + ",0:" + w + ":2").maximum(x.get(rows1 + ",1:" + w + ":2"));
    return top.maximum(bottom);
  }
}
