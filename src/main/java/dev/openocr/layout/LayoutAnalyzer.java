package dev.openocr.layout;

import dev.openocr.document.Block;
import dev.openocr.document.Line;
import dev.openocr.document.Page;
import dev.openocr.document.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups words into lines and blocks in reading order. Works in an upright, deskewed frame (the
 * page turned back by its orientation and the dominant word skew), so turned and slightly skewed
 * scans group the same as straight ones; words keep their original quads. Columns are found at vertical whitespace gutters and read left to
 * right, top to bottom within each; full-width headers come before the columns below them.
 */
public final class LayoutAnalyzer {
  static final int FULL_TURN = 360;
  static final int QUARTER_TURN = 90;

  private LayoutAnalyzer() {}

  /**
   * Builds a page from unordered words.
   *
   * @param words recognized words, any order, in the original image's pixels with quad corners
   *     clockwise from the text's top-left (the image's top-left for words printed across it)
   * @param width page width in pixels
   * @param height page height in pixels
   * @param orientation clockwise degrees the scan was turned (0, 90, 180, 270): text runs in
   *     that direction in the image; reading order follows the upright page
   * @param orientationConfidence 0..1
   */
  public static Page assemble(List<Word> words, int width, int height, int orientation,
      double orientationConfidence) {
    if (words.isEmpty()) {
      return new Page(width, height, List.of(), orientation, orientationConfidence);
    }
    int turn = Math.floorMod(orientation, FULL_TURN);
    if (turn % QUARTER_TURN != 0) {
      throw new IllegalArgumentException("Invalid orientation: " + orientation
          + " (0, 90, 180 or 270)");
    }
    // Text runs along the orientation plus the page's small skew.
    double angle = turn + Skew.dominantSkew(words);
    List<LayoutItem> items = new ArrayList<>(words.size());
    for (Word w : words) {
      items.add(LayoutItem.of(w, angle));
    }
    RegionSplitter splitter = new RegionSplitter(Skew.medianHeight(items));
    List<Block> blocks = new ArrayList<>();
    for (List<LayoutItem> region : splitter.split(items)) {
      for (List<List<LayoutItem>> block : BlockGrouper.group(LineGrouper.group(region))) {
        List<Line> lines = new ArrayList<>(block.size());
        for (List<LayoutItem> line : block) {
          lines.add(new Line(line.stream().map(LayoutItem::word).toList()));
        }
        blocks.add(new Block(lines));
      }
    }
    return new Page(width, height, blocks, orientation, orientationConfidence);
  }
}
