package dev.openocr.layout;

import dev.openocr.document.Block;
import dev.openocr.document.Line;
import dev.openocr.document.Page;
import dev.openocr.document.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Groups words into lines and blocks in reading order. */
public final class LayoutAnalyzer {
  private LayoutAnalyzer() {}

  /**
   * Builds a page from unordered words: lines join words that overlap vertically by more than
   * half the smaller height; each line is its own block (to be refined).
   */
  public static Page assemble(List<Word> words, int width, int height, int orientation,
      double orientationConfidence) {
    List<Word> sorted = new ArrayList<>(words);
    sorted.sort(Comparator.comparingDouble((Word w) -> w.box().centerY()));
    List<List<Word>> lines = new ArrayList<>();
    for (Word w : sorted) {
      List<Word> target = null;
      for (List<Word> l : lines) {
        Word last = l.get(l.size() - 1);
        double ov = last.box().verticalOverlap(w.box());
        if (ov > 0.5 * Math.min(last.box().height(), w.box().height())) {
          target = l;
          break;
        }
      }
      if (target == null) {
        target = new ArrayList<>();
        lines.add(target);
      }
      target.add(w);
    }
    List<Block> blocks = new ArrayList<>();
    for (List<Word> l : lines) {
      l.sort(Comparator.comparingDouble(w -> w.box().left()));
      blocks.add(new Block(List.of(new Line(l))));
    }
    return new Page(width, height, blocks, orientation, orientationConfidence);
  }
}
