package dev.openocr.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * Element-wise mean of the weights of networks of one architecture: checkpoints of one run, or
 * runs fine-tuned from one starting point (a "model soup"). Batch-norm running statistics are
 * parameters too and are averaged with the rest.
 */
public final class WeightAverage {
  private WeightAverage() {}

  /**
   * Replaces every parameter of {@code target} with the mean of its own value and the values of
   * the same parameter in {@code others}.
   *
   * @throws IllegalArgumentException when the blocks' parameters differ in number, name or shape
   */
  public static void averageInto(Block target, List<Block> others) {
    PairList<String, Parameter> tp = target.getParameters();
    List<PairList<String, Parameter>> ops = new ArrayList<>();
    for (Block b : others) {
      PairList<String, Parameter> p = b.getParameters();
      if (p.size() != tp.size()) {
        throw new IllegalArgumentException("Networks differ: " + tp.size() + " against "
            + p.size() + " parameters");
      }
      ops.add(p);
    }
    // check every parameter before changing any, so a refused call leaves the target as it was
    for (int i = 0; i < tp.size(); i++) {
      Pair<String, Parameter> t = tp.get(i);
      Shape shape = t.getValue().getArray().getShape();
      for (PairList<String, Parameter> o : ops) {
        Pair<String, Parameter> q = o.get(i);
        if (!q.getKey().equals(t.getKey()) || !q.getValue().getArray().getShape().equals(shape)) {
          throw new IllegalArgumentException("Networks differ at parameter " + t.getKey() + " "
              + shape + ": found " + q.getKey() + " " + q.getValue().getArray().getShape());
        }
      }
    }
    for (int i = 0; i < tp.size(); i++) {
      NDArray a = tp.get(i).getValue().getArray();
      float[] first = a.toFloatArray();
      double[] sum = new double[first.length];
      for (int j = 0; j < first.length; j++) {
        sum[j] = first[j];
      }
      for (PairList<String, Parameter> o : ops) {
        float[] v = o.get(i).getValue().getArray().toFloatArray();
        for (int j = 0; j < v.length; j++) {
          sum[j] += v[j];
        }
      }
      int n = ops.size() + 1;
      float[] mean = new float[sum.length];
      for (int j = 0; j < mean.length; j++) {
        mean[j] = (float) (sum[j] / n);
      }
      a.set(mean);
    }
  }
}
