package dev.openocr.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts a page into regions in reading order, in the deskewed frame. A region with a vertical
 * whitespace gutter splits into columns (left before right); otherwise it splits at horizontal
 * gaps into bands, and consecutive bands that share a gutter are merged and split again, so a
 * full-width header comes first and two columns under it read column by column even when their
 * paragraph gaps line up.
 */
final class RegionSplitter {
  /** A gutter is at least this many median word heights wide. */
  static final double MIN_GUTTER_HEIGHTS = 1.0;
  /** Each column beside a gutter covers at least this many median heights vertically. */
  static final double MIN_COLUMN_ROWS = 2.0;
  /** Each column averages at least this many words per row (keeps form label/value together). */
  static final double MIN_WORDS_PER_ROW = 2.0;
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
      if (!Double.isNaN(findGutter(merged))) {
        group = merged;
      } else {
        split(group, out);
        group = new ArrayList<>(bands.get(b));
      }
    }
    split(group, out);
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
        if (isColumn(byLeft.subList(0, k)) && isColumn(byLeft.subList(k, byLeft.size()))) {
          bestWidth = gap;
          best = x;
        }
      }
      reach = Math.max(reach, byLeft.get(k).box().right());
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
