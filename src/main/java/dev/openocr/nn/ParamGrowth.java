package dev.openocr.nn;

import ai.djl.ndarray.NDArray;
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
      if (t == null || !t.getArray().getShape().equals(s.getValue().getArray().getShape())) {
        throw new IllegalArgumentException("Cannot grow: parameter " + s.getKey() + " "
            + s.getValue().getArray().getShape() + " has no counterpart"
            + (t == null ? "" : " (found " + t.getArray().getShape() + ")"));
      }
    }
    for (Pair<String, Parameter> s : source.getParameters()) {
      NDArray t = byName.remove(s.getKey()).getArray();
      t.set(s.getValue().getArray().toFloatArray());
    }
    return byName.size();
  }
}
