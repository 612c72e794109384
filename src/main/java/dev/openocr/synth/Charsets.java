package dev.openocr.synth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * Recognizer charsets shipped under {@code src/main/resources/charsets/}: UTF-8, one character
 * per line, no comments, the line order being the class order. {@code en.txt} has digits,
 * upper- and lower-case letters, ASCII punctuation and common document symbols; {@code ko.txt}
 * has the 2,350 KS X 1001 Hangul syllables followed by the English set. Space is not listed.
 */
public final class Charsets {
  private Charsets() {}

  /** All characters of a language's charset, in file order, as one string. */
  public static String load(Lang lang) {
    try (InputStream in = Charsets.class.getResourceAsStream(lang.charsetResource())) {
      if (in == null) {
        throw new IllegalStateException("Missing charset resource " + lang.charsetResource());
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      StringBuilder sb = new StringBuilder();
      for (String line : text.split("\n", -1)) {
        if (line.length() == 1) {
          sb.append(line.charAt(0));
        } else if (!line.isEmpty()) {
          throw new IllegalStateException("Charset " + lang.charsetResource()
              + " has a line that is not one character: '" + line + "'");
        }
      }
      return sb.toString();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + lang.charsetResource(), e);
    }
  }

  /** The charset as a set of chars, for membership tests. */
  public static BitSet asSet(Lang lang) {
    String s = load(lang);
    BitSet b = new BitSet(0x10000);
    for (int i = 0; i < s.length(); i++) {
      b.set(s.charAt(i));
    }
    return b;
  }
}
