package dev.openocr.document;

import java.util.ArrayList;
import java.util.List;

/**
 * The OCR result of one page: blocks of lines of words in reading order.
 *
 * @param width page width in pixels (of the original image)
 * @param height page height in pixels
 * @param blocks blocks in reading order
 * @param orientation clockwise rotation in degrees (0, 90, 180, 270) the scan had; words are
 *     always in the original image's coordinates
 * @param orientationConfidence 0..1
 */
public record Page(int width, int height, List<Block> blocks, int orientation,
                   double orientationConfidence) {

  public Page {
    blocks = List.copyOf(blocks);
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("Invalid page size: " + width + "x" + height);
    }
  }

  public static Page empty(int width, int height) {
    return new Page(width, height, List.of(), 0, 1.0);
  }

  /** All words in reading order. */
  public List<Word> words() {
    List<Word> out = new ArrayList<>();
    for (Block b : blocks) {
      for (Line l : b.lines()) {
        out.addAll(l.words());
      }
    }
    return out;
  }

  /** Page text: words separated by spaces, lines by newlines, blocks by a blank line. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (Block b : blocks) {
      if (sb.length() > 0) {
        sb.append("\n\n");
      }
      sb.append(b.text());
    }
    return sb.toString();
  }

  /** Mean recognition confidence of the words, 0 when there are none. */
  public double meanConfidence() {
    List<Word> ws = words();
    return ws.stream().mapToDouble(Word::confidence).average().orElse(0);
  }
}
