package dev.openocr.recognize;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.ConstantInitializer;
import dev.openocr.nn.Layers;
import java.util.List;

/**
 * Wires the chosen stages into one block: transformation -> features -> sequence -> prediction.
 * Input {@code [B, 1, 32, W]} (normalized gray). A CTC network outputs logits
 * {@code [B, W/4, classes]}; an attention network outputs {@code [B, steps, classes]} (see
 * {@link AttentionDecoder}).
 */
public final class RecognizerNet {
  /** RESNET residual blocks per stage, as the benchmark's ResNet feature extractor. */
  static final int[] RESNET_BLOCKS = {1, 2, 5, 3};

  private RecognizerNet() {}

  public static Block build(RecognizerSpec spec, int numClasses) {
    SequentialBlock encoder = new SequentialBlock();
    if (spec.transformation() == RecognizerSpec.Transformation.TPS) {
      encoder.add(new ThinPlateSpline(ThinPlateSpline.FIDUCIALS));
    }
    encoder.add(spec.features() == RecognizerSpec.Features.FAST ? fast(spec.inputHeight())
        : features(spec.features(), spec.featureBlocks()));
    // [B, C, 1, T] -> [B, T, C]
    encoder.add(ai.djl.nn.LambdaBlock.singleton(x -> x.squeeze(2).transpose(0, 2, 1), "toSequence"));
    if (spec.sequence() == RecognizerSpec.Sequence.BILSTM) {
      encoder.add(new BiLstm(spec.hidden(), spec.hidden(), spec.sequenceLayers() - 1));
    }
    if (spec.prediction() == RecognizerSpec.Prediction.ATTN) {
      return new AttentionNet(encoder, new AttentionDecoder(spec.hidden(), numClasses,
          spec.maxWidth() / RecognizerSpec.WIDTH_STRIDE));
    }
    // CTC: one flat sequence (the layout of the shipped bundles' weights)
    int n = spec.framesPerColumn();
    encoder.add(Linear.builder().setUnits((long) n * numClasses).build());
    if (n > 1) {
      // narrower frames: each column's output holds n frames, [B, T, n K] -> [B, n T, K] (a block
      // without parameters after the last one, so every parameter keeps its name)
      encoder.add(ai.djl.nn.LambdaBlock.singleton(x -> {
        long[] s = x.getShape().getShape();
        return x.reshape(s[0], s[1] * n, s[2] / n);
      }, "subFrames"));
    }
    return encoder;
  }

  /** Convolutions that take height 32 to 1 and width W to W/4. */
  static Block features(RecognizerSpec.Features f) {
    return features(f, 0);
  }

  /**
   * As {@link #features(RecognizerSpec.Features)}, with {@code blocks} residual blocks after the
   * deepest stage's second convolution (4 x W/4). They are appended inside that convolution's
   * own block, so every parameter of the network without them keeps its name: a bundle without
   * them grows into this network by name ({@link dev.openocr.nn.ParamGrowth}). Each block's last
   * batch-norm scale starts at zero: the block then adds nothing to its input, which comes out
   * of a ReLU and so passes the block's own ReLU unchanged, and a grown network reads as the one
   * it grew from. The scale learns, so the block opens as it trains.
   */
  static Block features(RecognizerSpec.Features f, int blocks) {
    if (f == RecognizerSpec.Features.RESNET) {
      return resnet(new int[] {32, 64, 128, 256, 512});
    }
    if (f == RecognizerSpec.Features.FAST) {
      return fast(32);
    }
    int[] w = switch (f) {
      case LEAN -> new int[] {24, 48, 80, 112};
      case MEDIUM -> new int[] {32, 64, 128, 192};
      case VGG -> new int[] {64, 128, 256, 512};
      default -> throw new IllegalArgumentException("Unsupported features: " + f);
    };
    Shape p21 = new Shape(2, 1);
    SequentialBlock deepest = Layers.convBnRelu(w[3]);
    for (int i = 0; i < blocks; i++) {
      deepest.add(residual(w[3], false, true));
    }
    return new SequentialBlock()
        .add(Layers.convBnRelu(w[0]))
        .add(Layers.maxPool(2, 2)) // 32 x W -> 16 x W/2
        .add(Layers.convBnRelu(w[1]))
        .add(Layers.maxPool(2, 2)) // -> 8 x W/4
        .add(Layers.convBnRelu(w[2]))
        .add(Layers.convBnRelu(w[2]))
        .add(Layers.maxPool(2, 1)) // -> 4 x W/4
        .add(Layers.convBnRelu(w[3]))
        .add(deepest)
        .add(Layers.maxPool(2, 1)) // -> 2 x W/4
        .add(Layers.convBnRelu(w[3], p21, new Shape(1, 1), new Shape(0, 0))); // -> 1 x W/4
  }

  /**
   * The CPU-first stack: the first convolution already halves both sides, and most work is done
   * at a quarter of the width with at most 96 channels (a third of LEAN's time a crop on one
   * core at height 32; depthwise convolutions were not faster there). Crops of height 24 cost
   * about two thirds of height 32 (the crop is narrower too).
   */
  static Block fast(int height) {
    SequentialBlock b = new SequentialBlock()
        .add(Layers.convBnRelu(32, new Shape(3, 3), new Shape(2, 2), new Shape(1, 1))) // H/2 x W/2
        .add(Layers.convBnRelu(32))
        .add(Layers.maxPool(2, 2)) // -> H/4 x W/4
        .add(Layers.convBnRelu(64))
        .add(Layers.maxPool(2, 1)) // -> H/8 x W/4
        .add(Layers.convBnRelu(96))
        .add(Layers.convBnRelu(96));
    if (height == 24) {
      // 3 x W/4 -> 1 x W/4
      return b.add(Layers.convBnRelu(96, new Shape(3, 1), new Shape(1, 1), new Shape(0, 0)));
    }
    return b.add(Layers.maxPool(2, 1)) // 4 x W/4 -> 2 x W/4
        .add(Layers.convBnRelu(96, new Shape(2, 1), new Shape(1, 1), new Shape(0, 0))); // -> 1 x W/4
  }

  /**
   * The benchmark's ResNet layout (stem, four stages of residual blocks with 1, 2, 5 and 3 blocks,
   * a convolution after each stage) on this project's geometry: height 32 to 1, width to W/4.
   *
   * @param w stem width, then the four stages' widths
   */
  static Block resnet(int[] w) {
    Shape p21 = new Shape(2, 1);
    SequentialBlock net = new SequentialBlock()
        .add(Layers.convBnRelu(w[0]))
        .add(Layers.maxPool(2, 2)); // 16 x W/2
    net.add(stage(w[1], RESNET_BLOCKS[0], w[0] != w[1])).add(Layers.convBnRelu(w[1]))
        .add(Layers.maxPool(2, 2)); // 8 x W/4
    net.add(stage(w[2], RESNET_BLOCKS[1], true)).add(Layers.convBnRelu(w[2]))
        .add(Layers.maxPool(2, 1)); // 4 x W/4
    net.add(stage(w[3], RESNET_BLOCKS[2], true)).add(Layers.convBnRelu(w[3]))
        .add(Layers.maxPool(2, 1)); // 2 x W/4
    net.add(stage(w[4], RESNET_BLOCKS[3], true))
        .add(Layers.convBnRelu(w[4], p21, new Shape(1, 1), new Shape(0, 0))); // 1 x W/4
    return net;
  }

  /** {@code n} residual blocks; the first projects its input when the width changes. */
  private static Block stage(int filters, int n, boolean project) {
    SequentialBlock s = new SequentialBlock();
    for (int i = 0; i < n; i++) {
      s.add(residual(filters, project && i == 0));
    }
    return s;
  }

  /** Two 3x3 convolutions plus a shortcut (1x1 convolution when projecting), then ReLU. */
  static Block residual(int filters, boolean project) {
    return residual(filters, project, false);
  }

  /** As {@link #residual(int, boolean)}; {@code closed}: the last batch-norm scale starts at 0. */
  static Block residual(int filters, boolean project, boolean closed) {
    Block gate = BatchNorm.builder().build();
    if (closed) {
      gate.setInitializer(new ConstantInitializer(0f), Parameter.Type.GAMMA);
    }
    SequentialBlock main = new SequentialBlock()
        .add(Layers.convBnRelu(filters))
        .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
            .setFilters(filters).optBias(false).build())
        .add(gate);
    Block shortcut = project
        ? new SequentialBlock()
            .add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(filters)
                .optBias(false).build())
            .add(BatchNorm.builder().build())
        : Blocks.identityBlock();
    return new SequentialBlock()
        .add(new ParallelBlock(l -> new NDList(l.get(0).singletonOrThrow()
            .add(l.get(1).singletonOrThrow())), List.of(main, shortcut)))
        .add(Activation.reluBlock());
  }
}
