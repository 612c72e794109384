package dev.openocr.recognize;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import dev.openocr.nn.Layers;

/**
 * Wires the chosen stages into one block: features -> sequence -> prediction.
 * Input {@code [B, 1, 32, W]} (normalized gray), output logits {@code [B, W/4, classes]}.
 */
public final class RecognizerNet {
  private RecognizerNet() {}

  public static Block build(RecognizerSpec spec, int numClasses) {
    SequentialBlock net = new SequentialBlock();
    net.add(features(spec.features()));
    // [B, C, 1, T] -> [B, T, C]
    net.add(ai.djl.nn.LambdaBlock.singleton(x -> x.squeeze(2).transpose(0, 2, 1), "toSequence"));
    if (spec.sequence() == RecognizerSpec.Sequence.BILSTM) {
      net.add(new BiLstm(spec.hidden(), spec.hidden()));
    }
    net.add(Linear.builder().setUnits(numClasses).build());
    return net;
  }

  /** Convolutions that take height 32 to 1 and width W to W/4. */
  static Block features(RecognizerSpec.Features f) {
    int[] w = switch (f) {
      case LEAN -> new int[] {24, 48, 80, 112};
      case VGG -> new int[] {64, 128, 256, 512};
      default -> throw new IllegalArgumentException("Unsupported features: " + f);
    };
    Shape p22 = new Shape(2, 2);
    Shape p21 = new Shape(2, 1);
    return new SequentialBlock()
        .add(Layers.convBnRelu(w[0]))
        .add(Pool.maxPool2dBlock(p22, p22)) // 32 x W -> 16 x W/2
        .add(Layers.convBnRelu(w[1]))
        .add(Pool.maxPool2dBlock(p22, p22)) // -> 8 x W/4
        .add(Layers.convBnRelu(w[2]))
        .add(Layers.convBnRelu(w[2]))
        .add(Pool.maxPool2dBlock(p21, p21)) // -> 4 x W/4
        .add(Layers.convBnRelu(w[3]))
        .add(Layers.convBnRelu(w[3]))
        .add(Pool.maxPool2dBlock(p21, p21)) // -> 2 x W/4
        .add(Layers.convBnRelu(w[3], p21, new Shape(1, 1), new Shape(0, 0))); // -> 1 x W/4
  }
}
