package dev.openocr.detect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.openocr.nn.Layers;
import dev.openocr.nn.onnx.OnnxExport;
import java.util.ArrayList;
import java.util.List;

/**
 * CRAFT-style U-Net: an encoder of conv stages, a decoder that upsamples (nearest neighbour:
 * DJL's transposed convolution is not implemented on PyTorch) and joins each skip connection,
 * and a head giving region and affinity scores. {@code [B, 1, H, W] -> [B, 2, H/2, W/2]}.
 */
public final class CraftNet extends AbstractBlock implements OnnxExport.Custom {
  private final DetectorSpec spec;
  private final List<Block> encoder = new ArrayList<>();
  private final List<Block> decoder = new ArrayList<>();
  private final Block head;
  /** Residual refinement after decoder stage {@code spec.refineAfter()}, or null. */
  private final SequentialBlock refine;
  /** Index of the encoder stage at half resolution (where the decoder ends). */
  private final int halfStage;

  public CraftNet(DetectorSpec spec) {
    this.spec = spec;
    int[] enc = spec.encoder();
    halfStage = spec.stemStride2() ? 0 : 1;
    for (int i = 0; i < enc.length; i++) {
      SequentialBlock stage = new SequentialBlock();
      if (i == 0 && spec.stemStride2()) {
        stage.add(Layers.convBnRelu(enc[0], new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
      } else if (i > 0) {
        stage.add(Layers.maxPool(2, 2));
      }
      int n = (i == 0 && spec.stemStride2()) ? spec.convs()[0] - 1 : spec.convs()[i];
      for (int c = 0; c < n; c++) {
        stage.add(Layers.convBnRelu(enc[i]));
      }
      encoder.add(addChildBlock("enc" + i, stage));
    }
    int[] dec = spec.decoder();
    for (int j = 0; j < dec.length; j++) {
      SequentialBlock up = new SequentialBlock()
          .add(Layers.convBnRelu(dec[j], new Shape(1, 1), new Shape(1, 1), new Shape(0, 0)))
          .add(Layers.convBnRelu(dec[j]));
      decoder.add(addChildBlock("dec" + j, up));
    }
    int last = dec[dec.length - 1];
    head = addChildBlock("head", new SequentialBlock()
        .add(Layers.convBnRelu(Math.max(8, last / 2)))
        .add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(2).build()));
    // added last, so a lean bundle's parameter names are the same in a refined network
    if (spec.refineAfter() >= 0) {
      int w = dec[spec.refineAfter()];
      refine = new SequentialBlock()
          .add(Layers.convBnRelu(w))
          .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
              .setFilters(w).optBias(false).build())
          .add(BatchNorm.builder().build());
      addChildBlock("refine", refine);
    } else {
      refine = null;
    }
  }

  public DetectorSpec spec() {
    return spec;
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    List<NDArray> skips = new ArrayList<>();
    for (Block stage : encoder) {
      x = stage.forward(ps, new NDList(x), training).singletonOrThrow();
      skips.add(x);
    }
    int skip = skips.size() - 2;
    for (int j = 0; j < decoder.size(); j++) {
      // [B, C, h, w] -> [B, C, 2h, 2w], then join the skip of that resolution
      NDArray u = x.repeat(2, 2).repeat(3, 2);
      x = decoder.get(j).forward(ps, new NDList(NDArrays.concat(new NDList(u, skips.get(skip)), 1)),
          training).singletonOrThrow();
      if (j == spec.refineAfter()) {
        x = Activation.relu(x.add(refine.forward(ps, new NDList(x), training).singletonOrThrow()));
      }
      skip--;
    }
    return head.forward(ps, new NDList(x), training);
  }

  /** The same forward pass as ONNX nodes (for a CPU runtime). */
  @Override
  public String export(OnnxExport e, String in) {
    String x = in;
    List<String> skips = new ArrayList<>();
    for (Block stage : encoder) {
      x = e.block(stage, x);
      skips.add(x);
    }
    int skip = skips.size() - 2;
    for (int j = 0; j < decoder.size(); j++) {
      x = e.block(decoder.get(j), e.concatChannels(e.upsample2(x), skips.get(skip)));
      if (j == spec.refineAfter()) {
        x = e.relu(e.add(x, e.block(refine, x)));
      }
      skip--;
    }
    return e.block(head, x);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {new Shape(s.get(0), 2, s.get(2) / 2, s.get(3) / 2)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    Shape s = shapes[0];
    List<Shape> skipShapes = new ArrayList<>();
    for (Block stage : encoder) {
      stage.initialize(manager, dataType, s);
      s = stage.getOutputShapes(new Shape[] {s})[0];
      skipShapes.add(s);
    }
    int skip = skipShapes.size() - 2;
    for (int j = 0; j < decoder.size(); j++) {
      Block up = decoder.get(j);
      Shape sk = skipShapes.get(skip);
      Shape in = new Shape(s.get(0), s.get(1) + sk.get(1), sk.get(2), sk.get(3));
      up.initialize(manager, dataType, in);
      s = up.getOutputShapes(new Shape[] {in})[0];
      if (j == spec.refineAfter()) {
        refine.initialize(manager, dataType, s);
        // zero scale on the last batch norm: the block adds nothing until trained
        for (var p : refine.getChildren().get(2).getValue().getParameters()) {
          if (p.getValue().getType() == Parameter.Type.GAMMA) {
            p.getValue().getArray().set(new float[(int) p.getValue().getArray().size()]);
          }
        }
      }
      skip--;
    }
    if (skip + 1 != halfStage) {
      throw new IllegalStateException("Decoder of " + spec.variant() + " ends at stage "
          + (skip + 1) + ", expected " + halfStage);
    }
    head.initialize(manager, dataType, s);
  }
}
