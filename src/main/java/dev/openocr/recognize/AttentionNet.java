package dev.openocr.recognize;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * An encoder (transformation, features, sequence) followed by the {@link AttentionDecoder}.
 * Inputs: the crops {@code [B, 1, 32, W]}, and in training the teacher-forced tokens
 * {@code [B, L]}; output: logits per decoding step.
 */
final class AttentionNet extends AbstractBlock {
  private final Block encoder;
  private final AttentionDecoder decoder;

  AttentionNet(Block encoder, AttentionDecoder decoder) {
    this.encoder = addChildBlock("encoder", encoder);
    this.decoder = addChildBlock("decoder", decoder);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDList enc = encoder.forward(ps, new NDList(inputs.get(0)), training);
    NDList dec = new NDList(enc.singletonOrThrow());
    if (inputs.size() > 1) {
      dec.add(inputs.get(1));
    }
    return decoder.forward(ps, dec, training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] enc = encoder.getOutputShapes(new Shape[] {inputShapes[0]});
    Shape[] dec = inputShapes.length > 1 ? new Shape[] {enc[0], inputShapes[1]} : enc;
    return decoder.getOutputShapes(dec);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    encoder.initialize(manager, dataType, shapes[0]);
    decoder.initialize(manager, dataType, encoder.getOutputShapes(new Shape[] {shapes[0]}));
  }
}
