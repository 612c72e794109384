package dev.openocr.document;

import java.util.List;

/**
 * The script of a reading, named by the language whose models read it: {@code ko} for Hangul,
 * {@code en} for Latin letters, null for digits and punctuation alone.
 */
public final class Scripts {
  public static final String HANGUL = "ko";
  public static final String LATIN = "en";

  private Scripts() {}

  /** {@link #HANGUL} when the text holds a Hangul letter, else {@link #LATIN} with a Latin one. */
  public static String of(String text) {
    boolean latin = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      Character.UnicodeScript s = Character.UnicodeScript.of(c);
      if (s == Character.UnicodeScript.HANGUL) {
        return HANGUL;
      }
      latin |= s == Character.UnicodeScript.LATIN;
      i += Character.charCount(c);
    }
    return latin ? LATIN : null;
  }

  /** The script of most of the words that have one (Hangul on a tie), null when none has. */
  public static String main(List<Word> words) {
    int hangul = 0;
    int latin = 0;
    for (Word w : words) {
      String s = of(w.text());
      if (HANGUL.equals(s)) {
        hangul++;
      } else if (LATIN.equals(s)) {
        latin++;
      }
    }
    return hangul + latin == 0 ? null : hangul >= latin ? HANGUL : LATIN;
  }
}
