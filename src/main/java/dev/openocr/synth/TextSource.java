package dev.openocr.synth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Where rendered text comes from: corpus lines (one sentence a line), a word list, and generated
 * document strings ({@link DocStrings}). Korean sentences are built from the word list with
 * particles, Latin words and numbers mixed in. Only characters of the language charset are kept,
 * so every label can be encoded by the recognizer.
 */
public final class TextSource {
  private static final String[] KO_PARTICLES = {"은", "는", "이", "가", "을", "를", "의", "에",
      "에서", "으로", "로", "와", "과", "도", "만", "까지", "부터"};
  private static final String[] KO_ENDINGS = {"다.", "합니다.", "입니다.", "함.", "음.", "다"};
  /** How many English words may be mixed into composed Korean sentences. */
  private static final int LATIN_IN_KOREAN = 20000;
  /** Share of Korean text taken from corpus sentences rather than composed from the word list. */
  private static final double KO_CORPUS_SHARE = 0.6;
  /** Share of words taken from the word list rather than from corpus sentences. */
  private static final double WORD_LIST_SHARE = 0.35;
  /**
   * Share of English text set with typographic quotes and apostrophes (’ ‘ “ ”), as word
   * processors and typeset documents print them; the corpora have straight ones only.
   */
  static final double TYPOGRAPHIC_SHARE = 0.35;

  private final Lang lang;
  private final List<String> lines;
  private final List<String> corpusWords;
  private final List<String> wordList;
  private final List<String> latinWords;

  private TextSource(Lang lang, List<String> lines, List<String> wordList, List<String> latin) {
    this.lang = lang;
    this.lines = lines;
    this.wordList = wordList;
    this.latinWords = latin;
    List<String> cw = new ArrayList<>();
    for (String l : lines) {
      for (String w : l.split(" ")) {
        if (!w.isEmpty()) {
          cw.add(w);
        }
      }
    }
    this.corpusWords = cw.isEmpty() ? wordList : cw;
    if (this.corpusWords.isEmpty()) {
      throw new IllegalArgumentException("Text source for " + lang.code() + " has no words");
    }
  }

  private static final Object LOCK = new Object();
  private static TextSource enDefault;
  private static TextSource koDefault;

  /** The shipped corpus and word list of a language (loaded once per JVM). */
  public static TextSource defaults(Lang lang) {
    synchronized (LOCK) {
      if (lang == Lang.EN) {
        if (enDefault == null) {
          enDefault = new TextSource(lang, resource("/synth/corpus/en.txt", lang),
              resource("/synth/corpus/en-words.txt", lang), List.of());
        }
        return enDefault;
      }
      if (koDefault == null) {
        List<String> en = resource("/synth/corpus/en-words.txt", Lang.EN);
        koDefault = new TextSource(lang, resource("/synth/corpus/ko.txt", lang),
            resource("/synth/corpus/ko-words.txt", lang), en.subList(0, Math.min(en.size(),
            LATIN_IN_KOREAN)));
      }
      return koDefault;
    }
  }

  /** A user corpus (one sentence a line) and optional word list (one word a line). */
  public static TextSource fromFiles(Lang lang, Path corpus, Path words) throws IOException {
    BitSet cs = Charsets.asSet(lang);
    List<String> l = corpus == null ? List.of() : clean(Files.readAllLines(corpus,
        StandardCharsets.UTF_8), cs);
    List<String> w = words == null ? List.of() : clean(Files.readAllLines(words,
        StandardCharsets.UTF_8), cs);
    if (l.isEmpty() && w.isEmpty()) {
      throw new IllegalArgumentException("No usable text in " + corpus + " / " + words);
    }
    return new TextSource(lang, l, w, List.of());
  }

  public Lang lang() {
    return lang;
  }

  /** A single word as a detector would split it: mostly plain words, some tokens and labels. */
  public String word(Rng r) {
    double p = r.uniform(0, 1);
    if (p < 0.12) {
      return DocStrings.token(r, lang).split(" ")[0];
    }
    if (lang == Lang.KO) {
      return koEojeol(r);
    }
    String w = !wordList.isEmpty() && p < 0.12 + WORD_LIST_SHARE ? r.pick(wordList)
        : r.pick(corpusWords);
    return typographic(r, recase(r, w));
  }

  /**
   * With probability {@link #TYPOGRAPHIC_SHARE}, straight quotes made typographic: an apostrophe
   * (after a letter or digit) becomes ’, other single quotes ‘ or ’ by side, double quotes “ or ”.
   */
  static String typographic(Rng r, String s) {
    if ((s.indexOf('\'') < 0 && s.indexOf('"') < 0) || !r.chance(TYPOGRAPHIC_SHARE)) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean opens = i == 0 || Character.isWhitespace(s.charAt(i - 1))
          || "([{".indexOf(s.charAt(i - 1)) >= 0;
      if (c == '\'') {
        b.append(opens ? '\u2018' : '\u2019');
      } else if (c == '"') {
        b.append(opens ? '\u201C' : '\u201D');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** A run of text of about {@code maxChars} characters or fewer (never empty). */
  public String text(Rng r, int maxChars) {
    String s;
    if (lang == Lang.KO && (lines.isEmpty() || !r.chance(KO_CORPUS_SHARE))) {
      s = koSentence(r);
    } else if (lang == Lang.KO) {
      s = cut(r, r.pick(lines), maxChars);
    } else if (!lines.isEmpty() && r.chance(0.7)) {
      s = typographic(r, cut(r, r.pick(lines), maxChars));
    } else {
      StringBuilder sb = new StringBuilder();
      int n = r.range(2, 12);
      for (int i = 0; i < n; i++) {
        sb.append(i == 0 ? "" : " ").append(r.chance(0.15) ? DocStrings.token(r, lang) : word(r));
      }
      s = sb.toString();
    }
    return trimTo(s, maxChars);
  }

  /** A generated document token (number, amount, date, code...). */
  public String token(Rng r) {
    return DocStrings.token(r, lang);
  }

  /** A form label such as {@code DATE:}. */
  public String label(Rng r) {
    return DocStrings.label(r, lang);
  }

  /** A random stretch of a long line, starting at a word boundary. */
  private static String cut(Rng r, String s, int maxChars) {
    if (s.length() <= maxChars) {
      return s;
    }
    int start = r.nextInt(s.length() - maxChars + 1);
    int sp = s.indexOf(' ', start);
    return sp < 0 ? s : s.substring(sp + 1);
  }

  private String koEojeol(Rng r) {
    double p = r.uniform(0, 1);
    if (p < 0.08 && !latinWords.isEmpty()) {
      String w = r.pick(latinWords);
      return r.chance(0.5) ? w.toUpperCase(Locale.ROOT) : w;
    }
    if (p < 0.14) {
      return r.range(1, 2030) + r.pick(new String[] {"년", "개", "명", "일", "월", "번", "%", ""});
    }
    if (!lines.isEmpty() && r.chance(KO_CORPUS_SHARE)) {
      return r.pick(corpusWords);
    }
    String w = r.pick(wordList);
    if (r.chance(0.45)) {
      w += r.pick(KO_PARTICLES);
    }
    return w;
  }

  private String koSentence(Rng r) {
    StringBuilder sb = new StringBuilder();
    int n = r.range(2, 10);
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : " ").append(r.chance(0.07) ? DocStrings.token(r, lang)
          : koEojeol(r));
    }
    if (r.chance(0.5)) {
      sb.append(' ').append(r.pick(wordList)).append(r.pick(KO_ENDINGS));
    }
    return sb.toString();
  }

  private static String recase(Rng r, String w) {
    double p = r.uniform(0, 1);
    if (p < 0.12) {
      return w.toUpperCase(Locale.ROOT);
    }
    if (p < 0.25 && !w.isEmpty()) {
      return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
    return w;
  }

  /** Cuts at the last space before {@code max} chars (or hard, for one long word). */
  static String trimTo(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int sp = s.lastIndexOf(' ', max);
    return sp > 0 ? s.substring(0, sp) : s.substring(0, Math.max(1, max));
  }

  private static List<String> resource(String name, Lang lang) {
    try (InputStream in = TextSource.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing corpus resource " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return clean(List.of(text.split("\n")), Charsets.asSet(lang));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read corpus resource " + name, e);
    }
  }

  /** Keeps non-empty lines whose characters are all in the charset (spaces normalised). */
  private static List<String> clean(List<String> in, BitSet charset) {
    List<String> out = new ArrayList<>();
    for (String raw : in) {
      String s = raw.strip().replaceAll("\\s+", " ");
      boolean ok = !s.isEmpty();
      for (int i = 0; ok && i < s.length(); i++) {
        char c = s.charAt(i);
        ok = c == ' ' || charset.get(c);
      }
      if (ok) {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }
}
