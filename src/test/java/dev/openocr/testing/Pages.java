package dev.openocr.testing;

import dev.openocr.document.Page;
import dev.openocr.document.Word;
import dev.openocr.geometry.Quad;
import dev.openocr.layout.LayoutAnalyzer;
import java.util.ArrayList;
import java.util.List;

/** Sample pages for export tests: several blocks and lines, text that needs XML escaping. */
public final class Pages {
  public static final int WIDTH = 800;
  public static final int HEIGHT = 600;

  private Pages() {}

  /** Two blocks in two columns plus a header; confidences vary per word. */
  public static Page sample() {
    List<Word> words = new ArrayList<>();
    words.addAll(Words.line("Report <draft> & \"notes\"", 40, 20));
    words.addAll(Words.paragraph(40, 80, 28, "left one two three", "left four five six",
        "O'Neil said hi"));
    words.addAll(Words.paragraph(420, 80, 28, "right alpha beta gamma", "한국어 텍스트 here now",
        "bell\u0007char ok ok"));
    // One word with fractional, slightly tilted corners to check rounding.
    words.add(new Word("tilted", new Quad(40.4, 300.6, 120.2, 302.1, 119.9, 321.7, 40.1, 320.2),
        0.5, 0.6, null));
    List<Word> varied = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      Word w = words.get(i);
      varied.add(new Word(w.text(), w.quad(), (i % 10) / 9.0, w.detScore(), null));
    }
    return LayoutAnalyzer.assemble(varied, WIDTH, HEIGHT, 0, 1.0);
  }
}
