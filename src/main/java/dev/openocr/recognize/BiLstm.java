package dev.openocr.recognize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Bidirectional LSTM built from two one-directional DJL LSTMs (the second reads the sequence
 * reversed), followed by a linear layer, as the benchmark's {@code BidirectionalLSTM}. DJL's own
 * bidirectional LSTM orders its parameters differently from what libtorch expects once biases are
 * on, so it is not used; {@code BiLstmTest} checks this block against an LSTM computed by hand.
 *
 * <p>{@code [B, T, C] -> [B, T, out]}
 */
public final class BiLstm extends AbstractBlock {
  private final LSTM forward;
  private final LSTM backward;
  private final Linear out;
  private final int hidden;

  public BiLstm(int hidden, int outUnits) {
    this.hidden = hidden;
    forward = addChildBlock("fw", lstm(hidden));
    backward = addChildBlock("bw", lstm(hidden));
    out = addChildBlock("out", Linear.builder().setUnits(outUnits).build());
  }

  private static LSTM lstm(int hidden) {
    return LSTM.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true)
        .optReturnState(false).build();
  }

  /** The forward-direction LSTM (for tests). */
  LSTM forwardLstm() {
    return forward;
  }

  /** The backward-direction LSTM (for tests). */
  LSTM backwardLstm() {
    return backward;
  }

  /** The output projection (for tests). */
  Linear output() {
    return out;
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow(); // [B, T, C]
    NDArray f = forward.forward(ps, new NDList(x), training).singletonOrThrow(); // [B, T, H]
    NDArray b = backward.forward(ps, new NDList(x.flip(1)), training).singletonOrThrow().flip(1);
    NDArray both = NDArrays.concat(new NDList(f, b), 2); // [B, T, 2H]
    return out.forward(ps, new NDList(both), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return out.getOutputShapes(new Shape[] {new Shape(s.get(0), s.get(1), 2L * hidden)});
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    Shape s = shapes[0];
    forward.initialize(manager, dataType, s);
    backward.initialize(manager, dataType, s);
    out.initialize(manager, dataType, new Shape(s.get(0), s.get(1), 2L * hidden));
  }
}
