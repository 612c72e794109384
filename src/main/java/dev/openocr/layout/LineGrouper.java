package dev.openocr.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Groups the words of one region into lines, in the deskewed frame. */
final class LineGrouper {
  /** Vertical centres of words on one line differ by at most this fraction of the larger height. */
  static final double MAX_CENTER_SHIFT = 0.5;
  /** ... and the words overlap vertically by at least this fraction of the smaller height. */
  static final double MIN_OVERLAP = 0.5;
  /** Words lower than this fraction of the line's tallest (dashes, dots) never lead the match. */
  static final double SMALL_WORD = 0.5;
  /**
   * Words further apart than this many line heights start a new line on the same row; wide so a
   * form label and its value (no column gutter between them) stay one line.
   */
  static final double MAX_WORD_GAP_HEIGHTS = 10.0;
  /** A gap over this many heights ... */
  static final double WIDE_GAP_HEIGHTS = 2.0;
  /** ... and this many times the line's median word gap is a column break, not a space. */
  static final double COLUMN_GAP_FACTOR = 4.0;
  /** Smallest word gap assumed, as a fraction of the height (touching words have gap 0). */
  static final double MIN_SPACE = 0.25;

  private LineGrouper() {}

  /** A line being built: its words, the word new ones are matched against, the gaps so far. */
  private static final class Open {
    final List<LayoutItem> words = new ArrayList<>();
    final List<Double> gaps = new ArrayList<>();
    LayoutItem ref;
    double right = Double.NEGATIVE_INFINITY;

    void add(LayoutItem item) {
      if (!words.isEmpty()) {
        gaps.add(Math.max(0, item.box().left() - right));
      }
      words.add(item);
      right = Math.max(right, item.box().right());
      if (ref == null || item.box().height() >= SMALL_WORD * ref.box().height()) {
        ref = item;
      }
    }

    /** How far the item's centre is from the line's, or NaN when it does not continue it. */
    double shift(LayoutItem item) {
      double refH = ref.box().height();
      double h = item.box().height();
      double shift = Math.abs(ref.box().centerY() - item.box().centerY());
      double overlap = ref.box().verticalOverlap(item.box());
      double gap = item.box().left() - right;
      if (shift > MAX_CENTER_SHIFT * Math.max(refH, h) || overlap < MIN_OVERLAP * Math.min(refH, h)
          || gap > MAX_WORD_GAP_HEIGHTS * Math.max(refH, h)) {
        return Double.NaN;
      }
      if (gap > WIDE_GAP_HEIGHTS * refH && !gaps.isEmpty()) {
        double[] g = gaps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double space = Math.max(g[g.length / 2], MIN_SPACE * refH);
        if (gap > COLUMN_GAP_FACTOR * space) {
          return Double.NaN;
        }
      }
      return shift;
    }
  }

  /** Lines (words left to right), sorted top to bottom, then left to right on one row. */
  static List<List<LayoutItem>> group(List<LayoutItem> items) {
    List<LayoutItem> byLeft = new ArrayList<>(items);
    byLeft.sort(Comparator.comparingDouble(i -> i.box().left()));
    List<Open> open = new ArrayList<>();
    for (LayoutItem item : byLeft) {
      Open best = null;
      double bestShift = Double.MAX_VALUE;
      for (Open line : open) {
        double shift = line.shift(item);
        if (!Double.isNaN(shift) && shift < bestShift) {
          best = line;
          bestShift = shift;
        }
      }
      if (best == null) {
        best = new Open();
        open.add(best);
      }
      best.add(item);
    }
    List<List<LayoutItem>> lines = new ArrayList<>(open.size());
    for (Open o : open) {
      lines.add(o.words);
    }
    lines.sort(LineGrouper::compareRows);
    return lines;
  }

  /** Top to bottom; lines on the same row (overlapping vertically by half) left to right. */
  private static int compareRows(List<LayoutItem> a, List<LayoutItem> b) {
    double aTop = top(a);
    double aBottom = bottom(a);
    double bTop = top(b);
    double bBottom = bottom(b);
    double overlap = Math.min(aBottom, bBottom) - Math.max(aTop, bTop);
    double minH = Math.min(aBottom - aTop, bBottom - bTop);
    if (overlap >= MAX_CENTER_SHIFT * minH) {
      return Double.compare(a.get(0).box().left(), b.get(0).box().left());
    }
    return Double.compare((aTop + aBottom) / 2, (bTop + bBottom) / 2);
  }

  static double top(List<LayoutItem> line) {
    return line.stream().mapToDouble(i -> i.box().top()).min().orElse(0);
  }

  static double bottom(List<LayoutItem> line) {
    return line.stream().mapToDouble(i -> i.box().bottom()).max().orElse(0);
  }

  static double left(List<LayoutItem> line) {
    return line.get(0).box().left();
  }

  static double right(List<LayoutItem> line) {
    return line.get(line.size() - 1).box().right();
  }
}
