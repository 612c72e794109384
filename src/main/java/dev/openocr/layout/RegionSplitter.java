package dev.openocr.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts a page into regions in reading order, in the deskewed frame. A region with a vertical
 * whitespace gutter splits into columns (left before right); otherwise it splits at horizontal
 * gaps into bands, and consecutive bands that share a gutter and whose columns stop and start
 * together are merged and split again, so a full-width header comes first and two columns under
 * it read column by column even when their paragraph gaps line up.
 */
final class RegionSplitter {
  /** A gutter is at least this many median word heights wide. */
  static final double MIN_GUTTER_HEIGHTS = 1.0;
  /** Each column beside a gutter covers at least this many median heights vertically. */
  static final double MIN_COLUMN_ROWS = 2.0;
  /** Each column averages at least this many words per row (keeps form label/value together). */
  static final double MIN_WORDS_PER_ROW = 2.0;
  /** Columns whose ends differ by more than this many median heights end a section. */
  static final double BALANCE_HEIGHTS = 1.0;
  /** A row steps over a candidate gutter with at most this many times its own word spaces. */
  static final double CROSSING_SPACE_FACTOR = 2.0;
  /** Words within this many median heights of a candidate gutter are checked for crossing. */
  static final double NEAR_GAP_HEIGHTS = 3.0;
  /** A horizontal gap of at least this many median heights separates bands. */
  static final double MIN_BAND_GAP_HEIGHTS = 1.0;

  private final double medianHeight;

  /** @param medianHeight median word height of the page in pixels */
  RegionSplitter(double medianHeight) {
    this.medianHeight = medianHeight;
  }

  /** Leaf regions (each without gutters or band gaps) in reading order. */
  List<List<LayoutItem>> split(List<LayoutItem> items) {
    List<List<LayoutItem>> out = new ArrayList<>();
    split(items, out);
    return out;
  }

  private void split(List<LayoutItem> items, List<List<LayoutItem>> out) {
    if (items.size() <= 1) {
      if (!items.isEmpty()) {
        out.add(items);
      }
      return;
    }
    double gutter = findGutter(items);
    if (!Double.isNaN(gutter)) {
      List<LayoutItem> left = new ArrayList<>();
      List<LayoutItem> right = new ArrayList<>();
      for (LayoutItem i : items) {
        (i.box().centerX() < gutter ? left : right).add(i);
      }
      split(left, out);
      split(right, out);
      return;
    }
    List<List<LayoutItem>> bands = bands(items);
    if (bands.size() == 1) {
      out.add(items);
      return;
    }
    List<LayoutItem> group = new ArrayList<>(bands.get(0));
    for (int b = 1; b < bands.size(); b++) {
      List<LayoutItem> merged = new ArrayList<>(group);
      merged.addAll(bands.get(b));
      double shared = findGutter(merged);
      if (!Double.isNaN(shared) && balanced(bands.get(b - 1), bands.get(b), shared)) {
        group = merged;
      } else {
        split(group, out);
        group = new ArrayList<>(bands.get(b));
      }
    }
    split(group, out);
  }

  /**
   * True when both columns stop together above the gap and start together below it: paragraph
   * gaps that happen to line up in continuous columns. A column that stops clearly earlier
   * marks the end of a two-column section, read before what follows.
   */
  private boolean balanced(List<LayoutItem> above, List<LayoutItem> below, double gutter) {
    double[] ends = extremes(above, gutter, false);
    double[] starts = extremes(below, gutter, true);
    double tolerance = BALANCE_HEIGHTS * medianHeight;
    return ends != null && starts != null && Math.abs(ends[0] - ends[1]) <= tolerance
        && Math.abs(starts[0] - starts[1]) <= tolerance;
  }

  /** Top-most tops (or bottom-most bottoms) left and right of x; null if a side is empty. */
  private static double[] extremes(List<LayoutItem> items, double x, boolean tops) {
    double[] e = {Double.NaN, Double.NaN};
    for (LayoutItem i : items) {
      int side = i.box().centerX() < x ? 0 : 1;
      double v = tops ? i.box().top() : i.box().bottom();
      if (Double.isNaN(e[side]) || (tops ? v < e[side] : v > e[side])) {
        e[side] = v;
      }
    }
    return Double.isNaN(e[0]) || Double.isNaN(e[1]) ? null : e;
  }

  /**
   * The x (deskewed pixels) of the widest valid vertical gutter running through the whole region,
   * or NaN when there is none.
   */
  double findGutter(List<LayoutItem> items) {
    List<LayoutItem> byLeft = new ArrayList<>(items);
    byLeft.sort(Comparator.comparingDouble(i -> i.box().left()));
    double bestWidth = 0;
    double best = Double.NaN;
    double reach = byLeft.get(0).box().right();
    for (int k = 1; k < byLeft.size(); k++) {
      double left = byLeft.get(k).box().left();
      double gap = left - reach;
      if (gap >= MIN_GUTTER_HEIGHTS * medianHeight && gap > bestWidth) {
        double x = (reach + left) / 2;
        List<LayoutItem> leftSide = byLeft.subList(0, k);
        List<LayoutItem> rightSide = byLeft.subList(k, byLeft.size());
        if (isColumn(leftSide) && isColumn(rightSide) && !lineCrosses(leftSide, rightSide)) {
          bestWidth = gap;
          best = x;
        }
      }
      reach = Math.max(reach, byLeft.get(k).box().right());
    }
    return best;
  }

  /**
   * True when some row runs across the gap: the step over it is no wider than
   * {@link #CROSSING_SPACE_FACTOR} times that row's own word spaces next to it (a heading whose
   * word space happens to line up with a gutter).
   */
  private boolean lineCrosses(List<LayoutItem> left, List<LayoutItem> right) {
    double leftEdge = left.stream().mapToDouble(i -> i.box().right()).max().orElse(0);
    double rightEdge = right.stream().mapToDouble(i -> i.box().left()).min().orElse(0);
    // Only words near the gap can be the two ends of a crossing step.
    double reach = NEAR_GAP_HEIGHTS * medianHeight;
    List<LayoutItem> nearL = left.stream().filter(i -> i.box().right() >= leftEdge - reach).toList();
    List<LayoutItem> nearR = right.stream().filter(i -> i.box().left() <= rightEdge + reach)
        .toList();
    for (LayoutItem r : nearR) {
      LayoutItem l = neighbour(left, r, true);
      if (l == null || !nearL.contains(l) || neighbour(right, r, true) != null) {
        continue;
      }
      double step = r.box().left() - l.box().right();
      double space = 0;
      LayoutItem ll = neighbour(left, l, true);
      LayoutItem rr = neighbour(right, r, false);
      if (ll != null) {
        space = Math.max(space, l.box().left() - ll.box().right());
      }
      if (rr != null) {
        space = Math.max(space, rr.box().left() - r.box().right());
      }
      if (space > 0 && step <= CROSSING_SPACE_FACTOR * space) {
        return true;
      }
    }
    return false;
  }

  /** The nearest item of {@code side} on the same row as {@code of}, to its left or right. */
  private static LayoutItem neighbour(List<LayoutItem> side, LayoutItem of, boolean toLeft) {
    LayoutItem best = null;
    for (LayoutItem i : side) {
      if (i == of) {
        continue;
      }
      double minH = Math.min(i.box().height(), of.box().height());
      if (i.box().verticalOverlap(of.box()) < LineGrouper.MIN_OVERLAP * minH) {
        continue;
      }
      boolean before = i.box().right() <= of.box().left() + 1e-9;
      boolean after = i.box().left() >= of.box().right() - 1e-9;
      if (toLeft && before && (best == null || i.box().right() > best.box().right())) {
        best = i;
      } else if (!toLeft && after && (best == null || i.box().left() < best.box().left())) {
        best = i;
      }
    }
    return best;
  }

  private boolean isColumn(List<LayoutItem> side) {
    double rows = verticalCoverage(side) / medianHeight;
    return rows >= MIN_COLUMN_ROWS && side.size() >= MIN_WORDS_PER_ROW * rows;
  }

  /** Length in pixels of the union of the items' vertical extents. */
  private static double verticalCoverage(List<LayoutItem> items) {
    List<LayoutItem> byTop = new ArrayList<>(items);
    byTop.sort(Comparator.comparingDouble(i -> i.box().top()));
    double total = 0;
    double start = byTop.get(0).box().top();
    double end = byTop.get(0).box().bottom();
    for (LayoutItem i : byTop) {
      if (i.box().top() > end) {
        total += end - start;
        start = i.box().top();
      }
      end = Math.max(end, i.box().bottom());
    }
    return total + end - start;
  }

  /** Splits at horizontal whitespace gaps, top to bottom. */
  private List<List<LayoutItem>> bands(List<LayoutItem> items) {
    List<LayoutItem> byTop = new ArrayList<>(items);
    byTop.sort(Comparator.comparingDouble(i -> i.box().top()));
    List<List<LayoutItem>> out = new ArrayList<>();
    List<LayoutItem> cur = new ArrayList<>();
    double reach = Double.NEGATIVE_INFINITY;
    for (LayoutItem i : byTop) {
      if (!cur.isEmpty() && i.box().top() - reach >= MIN_BAND_GAP_HEIGHTS * medianHeight) {
        out.add(cur);
        cur = new ArrayList<>();
      }
      cur.add(i);
      reach = Math.max(reach, i.box().bottom());
    }
    out.add(cur);
    return out;
  }
}
