package dev.openocr.geometry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One-to-one matching of a page's ground-truth and predicted boxes by IoU, as the reference
 * scorer does it (used by evaluation and by the detector's validation during training alike).
 */
public final class BoxMatching {
  private BoxMatching() {}

  /** A matched pair: indices into the two lists and their IoU. */
  public record Pair(int gt, int pred, double iou) {}

  /**
   * The reference scorer's matching: maximum total IoU over the pairs with IoU at or above
   * {@code threshold}, solved exactly (Hungarian) per connected component of the
   * "IoU >= threshold" graph; pairs sorted by ground-truth then prediction index.
   */
  public static List<Pair> match(List<Box> gt, List<Box> pred, double threshold) {
    List<Pair> edges = new ArrayList<>();
    for (int i = 0; i < gt.size(); i++) {
      for (int j = 0; j < pred.size(); j++) {
        double v = gt.get(i).iou(pred.get(j));
        if (v >= threshold && v > 0) {
          edges.add(new Pair(i, j, v));
        }
      }
    }
    // union-find over GT nodes (i) and prediction nodes (-j-1)
    Map<Integer, Integer> parent = new HashMap<>();
    for (Pair e : edges) {
      union(parent, e.gt(), -e.pred() - 1);
    }
    Map<Integer, List<Pair>> comps = new TreeMap<>();
    for (Pair e : edges) {
      comps.computeIfAbsent(find(parent, e.gt()), k -> new ArrayList<>()).add(e);
    }
    List<Pair> out = new ArrayList<>();
    for (List<Pair> ce : comps.values()) {
      if (ce.size() == 1) {
        out.add(ce.get(0));
        continue;
      }
      List<Integer> gi = ce.stream().map(Pair::gt).distinct().sorted().toList();
      List<Integer> pj = ce.stream().map(Pair::pred).distinct().sorted().toList();
      double[][] w = new double[gi.size()][pj.size()];
      for (Pair e : ce) {
        w[gi.indexOf(e.gt())][pj.indexOf(e.pred())] = e.iou();
      }
      for (int[] rc : Assignment.maxWeight(w)) {
        double v = w[rc[0]][rc[1]];
        if (v > 0) {
          out.add(new Pair(gi.get(rc[0]), pj.get(rc[1]), v));
        }
      }
    }
    out.removeIf(m -> m.iou() < threshold);
    out.sort((a, b) -> a.gt() != b.gt() ? Integer.compare(a.gt(), b.gt())
        : Integer.compare(a.pred(), b.pred()));
    return out;
  }

  private static int find(Map<Integer, Integer> parent, int x) {
    while (parent.getOrDefault(x, x) != x) {
      int p = parent.get(x);
      parent.put(x, parent.getOrDefault(p, p));
      x = p;
    }
    return x;
  }

  private static void union(Map<Integer, Integer> parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent.put(Math.max(ra, rb), Math.min(ra, rb));
    }
  }
  /** Precision, recall and F1 of {@code matched} pairs among the two sets. */
  public static double[] prf(int matched, int gt, int pred) {
    double r = gt == 0 ? 0 : (double) matched / gt;
    double pr = pred == 0 ? 0 : (double) matched / pred;
    double f = pr + r == 0 ? 0 : 2 * pr * r / (pr + r);
    return new double[] {pr, r, f};
  }
}
