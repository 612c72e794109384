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
import dev.openocr.nn.onnx.OnnxExport;
import java.util.ArrayList;
import java.util.List;

/**
 * Bidirectional LSTM built from two one-directional DJL LSTMs (the second reads the sequence
 * reversed), followed by a linear layer, as the benchmark's {@code BidirectionalLSTM}. DJL's own
 * bidirectional LSTM orders its parameters differently from what libtorch expects once biases are
 * on, so it is not used; {@code BiLstmTest} checks this block against an LSTM computed by hand.
 *
 * <p>Optional residual layers (the benchmark stacks two BiLSTMs): each is another BiLSTM with
 * its projection that reads the output so far and adds its own output to it. A residual layer's
 * projection starts at zero, so a block grown from a one-layer block ({@code ParamGrowth}:
 * the layers are children after {@code out}, the existing names do not change) computes what
 * it did until training moves the projection.
 *
 * <p>{@code [B, T, C] -> [B, T, out]}
 */
public final class BiLstm extends AbstractBlock implements OnnxExport.Custom {
  private final LSTM forward;
  private final LSTM backward;
  private final Linear out;
  private final int hidden;
  private final List<BiLstm> residual = new ArrayList<>();

  public BiLstm(int hidden, int outUnits) {
    this(hidden, outUnits, 0);
  }

  /** @param residualLayers BiLSTM layers after the first, each added to its input */
  public BiLstm(int hidden, int outUnits, int residualLayers) {
    if (residualLayers < 0) {
      throw new IllegalArgumentException("Invalid residual layers: " + residualLayers);
    }
    this.hidden = hidden;
    forward = addChildBlock("fw", lstm(hidden));
    backward = addChildBlock("bw", lstm(hidden));
    out = addChildBlock("out", Linear.builder().setUnits(outUnits).build());
    for (int i = 1; i <= residualLayers; i++) {
      residual.add(addChildBlock("res" + i, new BiLstm(hidden, outUnits)));
    }
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
    NDList y = out.forward(ps, new NDList(both), training);
    for (BiLstm r : residual) {
      NDArray in = y.singletonOrThrow();
      y = new NDList(in.add(r.forward(ps, y, training).singletonOrThrow()));
    }
    return y;
  }

  @Override
  public String export(OnnxExport e, String x) {
    String y = e.linear(out, e.biLstm(forward, backward, hidden, x));
    for (BiLstm r : residual) {
      y = e.add(y, r.export(e, y));
    }
    return y;
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
    Shape o = out.getOutputShapes(new Shape[] {new Shape(s.get(0), s.get(1), 2L * hidden)})[0];
    for (BiLstm r : residual) {
      r.initialize(manager, dataType, o);
      // zero projection: the layer adds nothing until trained
      for (var p : r.out.getParameters()) {
        p.getValue().getArray().set(new float[(int) p.getValue().getArray().size()]);
      }
    }
  }
}
