package dev.openocr.document;

import dev.openocr.geometry.Box;
import java.util.List;

/** A line of words in reading order. */
public record Line(List<Word> words) {

  public Line {
    words = List.copyOf(words);
    if (words.isEmpty()) {
      throw new IllegalArgumentException("A line needs at least one word");
    }
  }

  public Box box() {
    Box b = words.get(0).box();
    for (Word w : words) {
      b = b.union(w.box());
    }
    return b;
  }

  public String text() {
    StringBuilder sb = new StringBuilder();
    for (Word w : words) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(w.text());
    }
    return sb.toString();
  }
}
