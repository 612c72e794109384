package dev.openocr.testing;

import dev.openocr.document.Word;
import dev.openocr.geometry.Quad;
import java.util.ArrayList;
import java.util.List;

/** Builds words laid out like typeset text, for layout and export tests. */
public final class Words {
  /** Pixel width of one character of the fixture font. */
  public static final double CHAR_WIDTH = 10;
  /** Pixel height of a word box. */
  public static final double WORD_HEIGHT = 20;
  /** Pixel gap between words on a line. */
  public static final double SPACE = 8;

  private Words() {}

  /** An axis-aligned word with confidence 0.9 and detection score 0.8. */
  public static Word word(String text, double left, double top, double right, double bottom) {
    return new Word(text, new Quad(left, top, right, top, right, bottom, left, bottom), 0.9, 0.8,
        null);
  }

  /** The words of one line of text starting at (left, top), spaced like a typewriter. */
  public static List<Word> line(String text, double left, double top) {
    List<Word> out = new ArrayList<>();
    double x = left;
    for (String t : text.split(" ")) {
      double w = t.length() * CHAR_WIDTH;
      out.add(word(t, x, top, x + w, top + WORD_HEIGHT));
      x += w + SPACE;
    }
    return out;
  }

  /** Lines of text one under the other, {@code pitch} pixels apart. */
  public static List<Word> paragraph(double left, double top, double pitch, String... lines) {
    List<Word> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      out.addAll(line(lines[i], left, top + i * pitch));
    }
    return out;
  }

  /** The words turned clockwise by {@code degrees} around (cx, cy), quads rotated exactly. */
  public static List<Word> rotate(List<Word> words, double degrees, double cx, double cy) {
    double rad = Math.toRadians(degrees);
    double cos = Math.cos(rad);
    double sin = Math.sin(rad);
    List<Word> out = new ArrayList<>();
    for (Word w : words) {
      double[] c = w.quad().toArray();
      for (int i = 0; i < 8; i += 2) {
        double x = c[i] - cx;
        double y = c[i + 1] - cy;
        c[i] = cx + x * cos - y * sin;
        c[i + 1] = cy + x * sin + y * cos;
      }
      out.add(w.withQuad(Quad.of(c)));
    }
    return out;
  }
}
