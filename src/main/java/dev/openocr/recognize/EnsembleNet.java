package dev.openocr.recognize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * CTC recognizers of one charset read as one, for inference only: the members' per-frame class
 * distributions are combined. Members must share the output geometry (width W/4), which every
 * CTC network here does, and be trained from one another (fine-tuned, grown or averaged from one
 * bundle) so that their frames align. {@link DjlRecognizer} reads every crop with the first
 * member alone and gives the ensemble only the crops it is unsure of.
 *
 * <p>Output: per-frame log-probabilities {@code [B, T, classes]}, so a softmax of it (as the
 * translator takes) gives the combined distribution back.
 */
public final class EnsembleNet extends AbstractBlock {
  /** How the members' per-frame distributions are combined. */
  public enum Combine {
    /** Arithmetic mean of the probabilities. */
    MEAN,
    /** Normalized geometric mean (mean of the log-probabilities, renormalized). */
    GEOMETRIC
  }

  private final List<Block> members = new ArrayList<>();
  private final Combine combine;

  EnsembleNet(List<Block> members, Combine combine) {
    if (members.size() < 2) {
      throw new IllegalArgumentException("An ensemble needs two members or more, not "
          + members.size());
    }
    for (int i = 0; i < members.size(); i++) {
      this.members.add(addChildBlock("member" + i, members.get(i)));
    }
    this.combine = combine;
  }

  /** The first member, which reads every crop alone first. */
  Block first() {
    return members.get(0);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    if (training) {
      throw new UnsupportedOperationException("An ensemble is not trained; train its members");
    }
    NDArray acc = null;
    for (Block m : members) {
      NDArray lp = m.forward(ps, inputs, false).singletonOrThrow().logSoftmax(2);
      NDArray c = toCombined(lp);
      acc = acc == null ? c : acc.add(c);
    }
    NDArray mean = acc.div(members.size());
    return new NDList(combine == Combine.MEAN ? mean.log() : mean.logSoftmax(2));
  }

  /** A member's log-probabilities in the space the combination sums in. */
  private NDArray toCombined(NDArray logProbs) {
    return combine == Combine.MEAN ? logProbs.exp() : logProbs;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return members.get(0).getOutputShapes(inputShapes);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    for (Block m : members) {
      m.initialize(manager, dataType, shapes);
    }
  }
}
