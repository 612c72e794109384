package dev.openocr.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

/**
 * Copies a trained network into one of the same architecture whose output layer has more
 * classes (a charset that gained characters at its end): every parameter is copied as it is,
 * except those of the larger output, whose first rows are copied. The new rows' weights start
 * at zero and a new class's bias at the lowest of the source's biases, so the network reads as
 * before until training teaches it the new classes, and runs grown from one bundle start from
 * the same weights (their means are worth taking, {@link WeightAverage}).
 */
public final class ClassGrowth {
  private ClassGrowth() {}

  /**
   * @throws IllegalArgumentException when the networks differ in anything but the number of
   *     output rows (checked before any parameter is changed)
   */
  public static void copyInto(Block target, Block source) {
    PairList<String, Parameter> tp = target.getParameters();
    PairList<String, Parameter> sp = source.getParameters();
    if (tp.size() != sp.size()) {
      throw new IllegalArgumentException("Networks differ: " + tp.size() + " against "
          + sp.size() + " parameters");
    }
    for (int i = 0; i < tp.size(); i++) {
      Pair<String, Parameter> t = tp.get(i);
      Pair<String, Parameter> s = sp.get(i);
      Shape ts = t.getValue().getArray().getShape();
      Shape ss = s.getValue().getArray().getShape();
      if (!t.getKey().equals(s.getKey()) || !(ts.equals(ss) || grows(ts, ss))) {
        throw new IllegalArgumentException("Networks differ at parameter " + t.getKey() + " "
            + ts + ": found " + s.getKey() + " " + ss);
      }
    }
    for (int i = 0; i < tp.size(); i++) {
      NDArray t = tp.get(i).getValue().getArray();
      float[] src = sp.get(i).getValue().getArray().toFloatArray();
      if (t.getShape().equals(sp.get(i).getValue().getArray().getShape())) {
        t.set(src);
        continue;
      }
      float[] out = new float[(int) t.getShape().size()];
      System.arraycopy(src, 0, out, 0, src.length);
      if (t.getShape().dimension() == 1) {
        float min = Float.POSITIVE_INFINITY;
        for (float v : src) {
          min = Math.min(min, v);
        }
        for (int j = src.length; j < out.length; j++) {
          out[j] = min;
        }
      }
      t.set(out);
    }
  }

  /** True when {@code t} is {@code s} with more rows (first dimension) and the same rest. */
  static boolean grows(Shape t, Shape s) {
    if (t.dimension() != s.dimension() || t.dimension() == 0 || t.get(0) <= s.get(0)) {
      return false;
    }
    for (int d = 1; d < t.dimension(); d++) {
      if (t.get(d) != s.get(d)) {
        return false;
      }
    }
    return true;
  }
}
