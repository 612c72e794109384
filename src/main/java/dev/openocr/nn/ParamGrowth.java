package dev.openocr.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.HashMap;
import java.util.Map;

/**
 * Copies a trained network into a larger one that holds all of its parameters under the same
 * names and shapes, plus new ones (blocks added after the source's last child). The new
 * parameters keep their initial values; a network whose new blocks start as identities (a
 * residual block whose last batch norm has zero scale) then computes what the source did.
 *
 * <p>A parameter whose first dimension is {@code n} times the source's (the rest equal) takes
 * the source's values {@code n} times over: an output layer that reads each time step as {@code
 * n} frames ({@link dev.openocr.recognize.RecognizerSpec#frameWidth}) then gives each of them the
 * source's distribution, which CTC collapses to the source's reading.
 */
public final class ParamGrowth {
  private ParamGrowth() {}

  /**
   * @return the number of parameter arrays of {@code target} that were not in {@code source}
   * @throws IllegalArgumentException when a source parameter has no counterpart of the same
   *     name and shape in {@code target} (checked before any parameter is changed)
   */
  public static int copyInto(Block target, Block source) {
    Map<String, Parameter> byName = new HashMap<>();
    for (Pair<String, Parameter> t : target.getParameters()) {
      byName.put(t.getKey(), t.getValue());
    }
    for (Pair<String, Parameter> s : source.getParameters()) {
      Parameter t = byName.get(s.getKey());
      if (t == null || repeats(t.getArray().getShape(), s.getValue().getArray().getShape()) < 1) {
        throw new IllegalArgumentException("Cannot grow: parameter " + s.getKey() + " "
            + s.getValue().getArray().getShape() + " has no counterpart"
            + (t == null ? "" : " (found " + t.getArray().getShape() + ")"));
      }
    }
    for (Pair<String, Parameter> s : source.getParameters()) {
      NDArray t = byName.remove(s.getKey()).getArray();
      float[] v = s.getValue().getArray().toFloatArray();
      int n = repeats(t.getShape(), s.getValue().getArray().getShape());
      float[] all = new float[v.length * n];
      for (int i = 0; i < n; i++) {
        System.arraycopy(v, 0, all, i * v.length, v.length);
      }
      t.set(all);
    }
    return byName.size();
  }

  /**
   * Copies every parameter of {@code source} that {@code target} has under the same name and
   * shape (a network of another width in some stages keeps the rest at their initial values).
   *
   * @return the number of parameter arrays copied
   */
  public static int copyMatching(Block target, Block source) {
    Map<String, Parameter> byName = new HashMap<>();
    for (Pair<String, Parameter> s : source.getParameters()) {
      byName.put(s.getKey(), s.getValue());
    }
    int copied = 0;
    for (Pair<String, Parameter> t : target.getParameters()) {
      Parameter s = byName.get(t.getKey());
      if (s != null && s.getArray().getShape().equals(t.getValue().getArray().getShape())) {
        t.getValue().getArray().set(s.getArray().toFloatArray());
        copied++;
      }
    }
    return copied;
  }

  /** How many copies of {@code source} make {@code target} along the first axis; 0: none. */
  static int repeats(Shape target, Shape source) {
    if (target.equals(source)) {
      return 1;
    }
    if (target.dimension() != source.dimension() || target.dimension() == 0 || source.get(0) == 0
        || target.get(0) % source.get(0) != 0) {
      return 0;
    }
    for (int i = 1; i < target.dimension(); i++) {
      if (target.get(i) != source.get(i)) {
        return 0;
      }
    }
    return (int) (target.get(0) / source.get(0));
  }
}
