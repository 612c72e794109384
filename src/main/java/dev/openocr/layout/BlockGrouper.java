package dev.openocr.layout;

import java.util.ArrayList;
import java.util.List;

/** Groups the lines of one region into blocks (paragraphs, form fields). */
final class BlockGrouper {
  /** A line joins the block above when the gap is at most this many line heights. */
  static final double MAX_LINE_GAP_HEIGHTS = 0.8;
  /** ... and it overlaps that block's last line horizontally by this fraction of the narrower. */
  static final double MIN_HORIZONTAL_OVERLAP = 0.1;

  private BlockGrouper() {}

  /**
   * Blocks in reading order, from lines already in reading order: each line joins the most recent
   * block whose last line sits directly above it, else it opens a new block.
   */
  static List<List<List<LayoutItem>>> group(List<List<LayoutItem>> lines) {
    List<List<List<LayoutItem>>> blocks = new ArrayList<>();
    for (List<LayoutItem> line : lines) {
      List<List<LayoutItem>> target = null;
      for (int b = blocks.size() - 1; b >= 0 && target == null; b--) {
        List<List<LayoutItem>> block = blocks.get(b);
        if (continues(block.get(block.size() - 1), line)) {
          target = block;
        }
      }
      if (target == null) {
        target = new ArrayList<>();
        blocks.add(target);
      }
      target.add(line);
    }
    return blocks;
  }

  private static boolean continues(List<LayoutItem> above, List<LayoutItem> line) {
    double aboveH = LineGrouper.bottom(above) - LineGrouper.top(above);
    double lineH = LineGrouper.bottom(line) - LineGrouper.top(line);
    double gap = LineGrouper.top(line) - LineGrouper.bottom(above);
    if (gap < -0.5 * Math.min(aboveH, lineH) || gap > MAX_LINE_GAP_HEIGHTS * Math.max(aboveH, lineH)) {
      return false;
    }
    double overlap = Math.min(LineGrouper.right(above), LineGrouper.right(line))
        - Math.max(LineGrouper.left(above), LineGrouper.left(line));
    double narrower = Math.min(LineGrouper.right(above) - LineGrouper.left(above),
        LineGrouper.right(line) - LineGrouper.left(line));
    return overlap >= MIN_HORIZONTAL_OVERLAP * narrower;
  }
}
