package dev.openocr.geometry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One-to-one matching of ground-truth and predicted boxes by IoU. */
public final class BoxMatching {
  private BoxMatching() {}

  /** A matched pair: indices into the two lists and their IoU. */
  public record Pair(int gt, int pred, double iou) {}

  /**
   * Greedy matching: pairs with IoU at or above {@code threshold}, highest IoU first (ties by GT
   * then prediction index), each box used once. Same rule as the reference scorer's greedy mode.
   */
  public static List<Pair> greedy(List<Box> gt, List<Box> pred, double threshold) {
    List<Pair> cand = new ArrayList<>();
    for (int i = 0; i < gt.size(); i++) {
      for (int j = 0; j < pred.size(); j++) {
        double v = gt.get(i).iou(pred.get(j));
        if (v >= threshold && v > 0) {
          cand.add(new Pair(i, j, v));
        }
      }
    }
    cand.sort(Comparator.comparingDouble((Pair p) -> -p.iou()).thenComparingInt(Pair::gt)
        .thenComparingInt(Pair::pred));
    boolean[] g = new boolean[gt.size()];
    boolean[] p = new boolean[pred.size()];
    List<Pair> out = new ArrayList<>();
    for (Pair c : cand) {
      if (!g[c.gt()] && !p[c.pred()]) {
        g[c.gt()] = true;
        p[c.pred()] = true;
        out.add(c);
      }
    }
    return out;
  }

  /** Precision, recall and F1 of {@code matched} pairs among the two sets. */
  public static double[] prf(int matched, int gt, int pred) {
    double r = gt == 0 ? 0 : (double) matched / gt;
    double pr = pred == 0 ? 0 : (double) matched / pred;
    double f = pr + r == 0 ? 0 : 2 * pr * r / (pr + r);
    return new double[] {pr, r, f};
  }
}
