package dev.openocr.eval;

import dev.openocr.geometry.Box;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One-to-one matching of a page's ground-truth and predicted boxes, the reference scorer's
 * default: maximum total IoU over the pairs with IoU at or above the threshold, solved exactly per
 * connected component of the "IoU >= threshold" graph.
 */
public final class PageMatcher {
  private PageMatcher() {}

  /** A matched pair: ground-truth index, prediction index, IoU. */
  public record Match(int gt, int pred, double iou) {}

  public static List<Match> match(List<Box> gt, List<Box> pred, double threshold) {
    List<Match> edges = new ArrayList<>();
    for (int i = 0; i < gt.size(); i++) {
      for (int j = 0; j < pred.size(); j++) {
        double v = gt.get(i).iou(pred.get(j));
        if (v >= threshold && v > 0) {
          edges.add(new Match(i, j, v));
        }
      }
    }
    // union-find over GT nodes (i) and prediction nodes (-j-1)
    Map<Integer, Integer> parent = new HashMap<>();
    for (Match e : edges) {
      union(parent, e.gt(), -e.pred() - 1);
    }
    Map<Integer, List<Match>> comps = new TreeMap<>();
    for (Match e : edges) {
      comps.computeIfAbsent(find(parent, e.gt()), k -> new ArrayList<>()).add(e);
    }
    List<Match> out = new ArrayList<>();
    for (List<Match> ce : comps.values()) {
      if (ce.size() == 1) {
        out.add(ce.get(0));
        continue;
      }
      List<Integer> gi = ce.stream().map(Match::gt).distinct().sorted().toList();
      List<Integer> pj = ce.stream().map(Match::pred).distinct().sorted().toList();
      double[][] w = new double[gi.size()][pj.size()];
      for (Match e : ce) {
        w[gi.indexOf(e.gt())][pj.indexOf(e.pred())] = e.iou();
      }
      for (int[] rc : Assignment.maxWeight(w)) {
        double v = w[rc[0]][rc[1]];
        if (v > 0) {
          out.add(new Match(gi.get(rc[0]), pj.get(rc[1]), v));
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
}
