package dev.openocr.layout;

import dev.openocr.document.Block;
import dev.openocr.document.Line;
import dev.openocr.document.Page;
import dev.openocr.document.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups words into lines and blocks in reading order. Works in a deskewed frame (the page turned
 * by the dominant word angle), so slightly skewed scans group the same as straight ones; words
 * keep their original quads. Columns are found at vertical whitespace gutters and read left to
 * right, top to bottom within each; full-width headers come before the columns below them.
 */
public final class LayoutAnalyzer {
  private LayoutAnalyzer() {}

  /**
   * Builds a page from unordered words.
   *
   * @param words recognized words, page pixels, any order
   * @param width page width in pixels
   * @param height page height in pixels
   * @param orientation clockwise degrees the scan was turned (0, 90, 180, 270)
   * @param orientationConfidence 0..1
   */
  public static Page assemble(List<Word> words, int width, int height, int orientation,
      double orientationConfidence) {
    if (words.isEmpty()) {
      return new Page(width, height, List.of(), orientation, orientationConfidence);
    }
    double angle = Skew.dominantAngle(words);
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
