package dev.openocr.recognize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The benchmark's attention decoder (Bahdanau attention over the encoder's sequence, an LSTM
 * cell fed the glimpse and the previous character, a linear generator). The LSTM cell is written
 * out from two linear layers because DJL has no single-step LSTM.
 *
 * <p>Class 0 doubles as the start token fed at the first step and the end token the decoder emits
 * after the last character (it is CTC's blank in the other head, so charsets are shared).
 *
 * <p>Inputs: {@code [B, T, C]} encoder features, and in training the teacher-forced input tokens
 * {@code [B, L]} (int32, start token first). Output: logits {@code [B, L, K]} (training) or, for
 * greedy decoding, {@code [B, S, K]} with S up to {@code maxSteps} (decoding stops once every
 * word has emitted the end token).
 */
public final class AttentionDecoder extends AbstractBlock {
  /** The start and end token. */
  public static final int END = 0;

  private final int hidden;
  private final int classes;
  private final int maxSteps;
  private final Linear keys;
  private final Linear query;
  private final Linear score;
  private final Linear inputGates;
  private final Linear stateGates;
  private final Linear generator;

  /**
   * @param hidden LSTM cell size and attention size
   * @param classes output classes, including the end token
   * @param maxSteps longest greedy decoding
   */
  public AttentionDecoder(int hidden, int classes, int maxSteps) {
    this.hidden = hidden;
    this.classes = classes;
    this.maxSteps = maxSteps;
    keys = addChildBlock("keys", Linear.builder().setUnits(hidden).optBias(false).build());
    query = addChildBlock("query", Linear.builder().setUnits(hidden).build());
    score = addChildBlock("score", Linear.builder().setUnits(1).optBias(false).build());
    inputGates = addChildBlock("input_gates", Linear.builder().setUnits(4L * hidden).build());
    stateGates = addChildBlock("state_gates",
        Linear.builder().setUnits(4L * hidden).optBias(false).build());
    generator = addChildBlock("generator", Linear.builder().setUnits(classes).build());
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray feats = inputs.get(0); // [B, T, C]
    NDManager m = feats.getManager();
    long b = feats.getShape().get(0);
    NDArray k = keys.forward(ps, new NDList(feats), training).singletonOrThrow(); // [B, T, H]
    NDArray h = m.zeros(new Shape(b, hidden), feats.getDataType(), feats.getDevice());
    NDArray c = m.zeros(new Shape(b, hidden), feats.getDataType(), feats.getDevice());
    NDList steps = new NDList();
    NDArray classIds = m.arange(0, classes, 1, DataType.INT32, feats.getDevice());
    if (inputs.size() > 1) {
      NDArray tokens = inputs.get(1); // [B, L]
      long len = tokens.getShape().get(1);
      NDArray onehot = oneHot(tokens, classIds, feats); // [B, L, K]
      for (long s = 0; s < len; s++) {
        NDArray prev = onehot.get(":, {}, :", s);
        NDArray[] hc = cell(ps, training, feats, k, h, c, prev);
        h = hc[0];
        c = hc[1];
        steps.add(generator.forward(ps, new NDList(h), training).singletonOrThrow());
      }
    } else {
      NDArray prev = oneHot(m.zeros(new Shape(b), DataType.INT32, feats.getDevice()), classIds,
          feats);
      boolean[] ended = new boolean[(int) b];
      for (int s = 0; s < maxSteps; s++) {
        NDArray[] hc = cell(ps, training, feats, k, h, c, prev);
        h = hc[0];
        c = hc[1];
        NDArray logits = generator.forward(ps, new NDList(h), training).singletonOrThrow();
        steps.add(logits);
        NDArray best = logits.argMax(1).toType(DataType.INT32, false);
        int[] ids = best.toIntArray();
        boolean all = true;
        for (int i = 0; i < ids.length; i++) {
          ended[i] |= ids[i] == END;
          all &= ended[i];
        }
        if (all) {
          break;
        }
        prev = oneHot(best, classIds, feats);
      }
    }
    return new NDList(NDArrays.stack(steps, 1));
  }

  /**
   * One-hot vectors of integer tokens (the PyTorch engine has no {@code oneHot}), against the
   * class indices {@code 0..K-1}, in {@code like}'s data type.
   */
  private static NDArray oneHot(NDArray tokens, NDArray classIds, NDArray like) {
    return tokens.toType(DataType.INT32, false).expandDims(-1).eq(classIds)
        .toType(like.getDataType(), false);
  }

  /** One step: attention glimpse, then the LSTM cell; returns the new {h, c}. */
  private NDArray[] cell(ParameterStore ps, boolean training, NDArray feats, NDArray k,
      NDArray h, NDArray c, NDArray prev) {
    NDArray q = query.forward(ps, new NDList(h), training).singletonOrThrow().expandDims(1);
    NDArray e = score.forward(ps, new NDList(k.add(q).tanh()), training).singletonOrThrow();
    NDArray alpha = e.softmax(1); // [B, T, 1]
    NDArray glimpse = alpha.transpose(0, 2, 1).batchMatMul(feats).squeeze(1); // [B, C]
    NDArray x = NDArrays.concat(new NDList(glimpse, prev), 1);
    NDArray gates = inputGates.forward(ps, new NDList(x), training).singletonOrThrow()
        .add(stateGates.forward(ps, new NDList(h), training).singletonOrThrow());
    NDList g = gates.split(4, 1);
    NDArray i = Activation.sigmoid(g.get(0));
    NDArray f = Activation.sigmoid(g.get(1));
    NDArray cand = g.get(2).tanh();
    NDArray o = Activation.sigmoid(g.get(3));
    NDArray c2 = f.mul(c).add(i.mul(cand));
    NDArray h2 = o.mul(c2.tanh());
    return new NDArray[] {h2, c2};
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long b = inputShapes[0].get(0);
    long len = inputShapes.length > 1 ? inputShapes[1].get(1) : maxSteps;
    return new Shape[] {new Shape(b, len, classes)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    Shape s = shapes[0];
    long b = s.get(0);
    long channels = s.get(2);
    keys.initialize(manager, dataType, s);
    query.initialize(manager, dataType, new Shape(b, hidden));
    score.initialize(manager, dataType, new Shape(b, s.get(1), hidden));
    inputGates.initialize(manager, dataType, new Shape(b, channels + classes));
    stateGates.initialize(manager, dataType, new Shape(b, hidden));
    generator.initialize(manager, dataType, new Shape(b, hidden));
  }
}
