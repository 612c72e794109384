package dev.openocr.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
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
}
