package dev.openocr.document;

import dev.openocr.geometry.Box;
import java.util.List;

/** A block (paragraph, form field, column piece) of lines in reading order. */
public record Block(List<Line> lines) {

  public Block {
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("A block needs at least one line");
    }
  }

  public Box box() {
    Box b = lines.get(0).box();
    for (Line l : lines) {
      b = b.union(l.box());
    }
    return b;
  }

  public String text() {
    StringBuilder sb = new StringBuilder();
    for (Line l : lines) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(l.text());
    }
    return sb.toString();
  }
}
