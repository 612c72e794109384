package dev.openocr.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Groups the words of one region into lines, in the deskewed frame. */
final class LineGrouper {
  /** Vertical centres of words on one line differ by at most this fraction of the smaller height. */
  static final double MAX_CENTER_SHIFT = 0.5;
  /**
   * Words further apart than this many line heights start a new line on the same row; wide so a
   * form label and its value (no column gutter between them) stay one line.
   */
  static final double MAX_WORD_GAP_HEIGHTS = 10.0;

  private LineGrouper() {}

  /** Lines (words left to right), sorted top to bottom, then left to right on one row. */
  static List<List<LayoutItem>> group(List<LayoutItem> items) {
    List<LayoutItem> byLeft = new ArrayList<>(items);
    byLeft.sort(Comparator.comparingDouble(i -> i.box().left()));
    List<List<LayoutItem>> lines = new ArrayList<>();
    for (LayoutItem item : byLeft) {
      List<LayoutItem> best = null;
      double bestShift = Double.MAX_VALUE;
      for (List<LayoutItem> line : lines) {
        LayoutItem last = line.get(line.size() - 1);
        double minH = Math.min(last.box().height(), item.box().height());
        double maxH = Math.max(last.box().height(), item.box().height());
        double shift = Math.abs(last.box().centerY() - item.box().centerY());
        double gap = item.box().left() - last.box().right();
        if (shift <= MAX_CENTER_SHIFT * minH && gap <= MAX_WORD_GAP_HEIGHTS * maxH
            && shift < bestShift) {
          best = line;
          bestShift = shift;
        }
      }
      if (best == null) {
        best = new ArrayList<>();
        lines.add(best);
      }
      best.add(item);
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
