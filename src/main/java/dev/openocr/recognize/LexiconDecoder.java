package dev.openocr.recognize;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Corrects a greedy CTC reading towards a word list. A reading whose letters are not a lexicon
 * word is compared, by the CTC probability of the whole crop, with the lexicon words a few edits
 * away (in the reading's case, capitalized, upper and lower case; leading and trailing
 * punctuation kept). The best candidate replaces the reading when its log-probability is no more
 * than {@code margin} below the reading's own: the network still decides, the list only breaks
 * near ties in favour of real words. Numbers, codes (any token with a digit) and short tokens
 * are left alone.
 *
 * <p>With {@code names}, a reading of a word the list only has capitalized, with a small first
 * letter ("olaf" for "Olaf"), takes the capital when that is within {@code margin}, and one of a
 * word the list only has in capitals ("Kgb" for "KGB") takes the capitals; corrections towards
 * such words are only tried in their listed case.
 *
 * <p>With {@code endings} (Korean particles and the endings of 하다 verbs), a reading is also a
 * word when it is a listed word followed by one ending ("폴더" + "와"), as Korean writes a
 * noun and its particle as one word. Candidates are then also the listed words near the reading
 * without its ending, with the ending put back, and the listed word with another ending one
 * edit from the read one.
 */
public final class LexiconDecoder {
  /**
   * Settings: edits allowed by core length, the log-probability margin, candidate cap, whether
   * names keep their capital, and {@code alternatives}: when above 0, candidates are the reading
   * with one character replaced by one of the {@code alternatives} classes its frames found next
   * likeliest, instead of the list's words within edits of it (a search that is slow in a list
   * of thousands of Hangul syllables).
   */
  public record Settings(int minLength, int oneEditUpTo, double margin, int maxCandidates,
      boolean names, int alternatives) {
    public static final Settings DEFAULT = new Settings(3, 4, 6.0, 48, false);

    public Settings(int minLength, int oneEditUpTo, double margin, int maxCandidates,
        boolean names) {
      this(minLength, oneEditUpTo, margin, maxCandidates, names, 0);
    }
  }

  private final Lexicon lexicon;
  private final Charset charset;
  private final Settings settings;
  // longest first
  private final List<String> endings;

  public LexiconDecoder(Lexicon lexicon, Charset charset, Settings settings) {
    this(lexicon, charset, settings, List.of());
  }

  public LexiconDecoder(Lexicon lexicon, Charset charset, Settings settings,
      List<String> endings) {
    this.lexicon = lexicon;
    this.charset = charset;
    this.settings = settings;
    this.endings = endings.stream().map(String::strip).filter(e -> !e.isEmpty()).distinct()
        .sorted((a, b) -> b.length() - a.length()).toList();
  }

  /** The endings a listed word may carry, longest first; empty for most languages. */
  public List<String> endings() {
    return endings;
  }

  public Settings settings() {
    return settings;
  }

  public Lexicon lexicon() {
    return lexicon;
  }

  /**
   * The corrected reading of one crop, or {@code greedy} itself.
   *
   * @param probs softmax output {@code [T, K]} row-major from {@code offset}; class 0 is blank
   */
  public Recognition correct(Recognition greedy, float[] probs, int offset, int t, int k) {
    String text = greedy.text();
    int start = 0;
    while (start < text.length() && !Character.isLetter(text.charAt(start))) {
      start++;
    }
    int end = text.length();
    while (end > start && !Character.isLetter(text.charAt(end - 1))) {
      end--;
    }
    String core = text.substring(start, end);
    // a digit anywhere makes a code ("TTY-38244", "VOE92421"): its letters are not a word
    if (text.codePoints().anyMatch(Character::isDigit)
        || core.codePointCount(0, core.length()) < settings.minLength()
        || !core.codePoints().allMatch(Character::isLetter)) {
      return greedy;
    }
    boolean word = listed(core);
    String listed = word && settings.names() ? listedCase(core) : null;
    if (word && (listed == null || listed.equals(core))) {
      return greedy;
    }
    String prefix = text.substring(0, start);
    String suffix = text.substring(end);
    Set<String> words = Set.of();
    if (!word) {
      words = settings.alternatives() > 0
          ? alternatives(text, start, core, probs, offset, t, k) : null;
      if (words == null) {
        words = candidates(core, core.length() <= settings.oneEditUpTo() ? 1 : 2);
      }
      if (words.isEmpty()) {
        return greedy;
      }
    }
    float[] logProbs = CtcDecoder.logProbs(probs, offset, t, k);
    double own = CtcLoss.logLikelihood(logProbs, 0, t, k, charset.encode(text));
    String best = null;
    if (word) {
      String cand = prefix + listed + suffix;
      if (score(logProbs, t, k, cand) >= own - settings.margin()) {
        best = cand;
      }
    } else {
      double bestScore = Double.NEGATIVE_INFINITY;
      for (String near : words) {
        for (String form : forms(near, core)) {
          String cand = prefix + form + suffix;
          double score = score(logProbs, t, k, cand);
          if (score > bestScore) {
            bestScore = score;
            best = cand;
          }
        }
      }
      if (bestScore < own - settings.margin()) {
        best = null;
      }
    }
    if (best == null) {
      return greedy;
    }
    return CtcDecoder.aligned(best, charset.encode(best), logProbs, t, k, greedy);
  }

  /** Whether the word is listed, or is a listed word followed by one of the endings. */
  public boolean listed(String word) {
    if (lexicon.contains(word)) {
      return true;
    }
    for (String e : endings) {
      if (word.length() > e.length() && word.endsWith(e)
          && lexicon.contains(word.substring(0, word.length() - e.length()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Listed words (or listed words with an ending) within {@code edits} of the core, closest
   * first: the lexicon's own, then with each ending the core carries a stem near the rest, then
   * the core's stem with another ending one edit from its own.
   */
  private Set<String> candidates(String core, int edits) {
    Set<String> out = new LinkedHashSet<>();
    for (Lexicon.Match m : lexicon.near(core, edits, settings.maxCandidates())) {
      out.add(m.word());
    }
    for (String e : endings) {
      if (core.length() <= e.length() || !core.endsWith(e)) {
        continue;
      }
      String stem = core.substring(0, core.length() - e.length());
      for (Lexicon.Match m : lexicon.near(stem, edits, settings.maxCandidates())) {
        out.add(m.word() + e);
      }
    }
    for (String e : endings) {
      if (core.length() <= e.length()) {
        continue;
      }
      String stem = core.substring(0, core.length() - e.length());
      String own = core.substring(stem.length());
      if (!own.equals(e) && oneSubstitution(own, e) && lexicon.contains(stem)) {
        out.add(stem + e);
      }
    }
    return out;
  }

  /**
   * The core with one character replaced by one of its frames' next likeliest classes, where
   * that is a listed word; null when the text is not the best path's (a beam reading), so the
   * characters cannot be put to frames.
   */
  private Set<String> alternatives(String text, int start, String core, float[] probs,
      int offset, int t, int k) {
    int n = settings.alternatives();
    // per character of the best path, its n likeliest other classes over its frames
    int[][] alt = new int[text.length()][];
    float[][] altP = new float[text.length()][];
    int chars = 0;
    int prev = 0;
    for (int i = 0; i < t; i++) {
      int base = offset + i * k;
      int best = CtcDecoder.argMax(probs, base, k);
      if (best != 0 && best != prev) {
        if (chars == text.length() || charset.codePoint(best) != text.charAt(chars)) {
          return null;
        }
        alt[chars] = new int[n];
        altP[chars] = new float[n];
        chars++;
      }
      if (best != 0) {
        top(probs, base, k, best, alt[chars - 1], altP[chars - 1]);
      }
      prev = best;
    }
    if (chars != text.length()) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    char[] c = core.toCharArray();
    for (int i = 0; i < c.length; i++) {
      char own = c[i];
      for (int a : alt[start + i]) {
        if (a <= 0) {
          continue;
        }
        int cp = charset.codePoint(a);
        if (Character.charCount(cp) != 1 || !Character.isLetter(cp)) {
          continue;
        }
        c[i] = (char) cp;
        String cand = new String(c);
        if (listed(cand)) {
          out.add(cand);
        }
      }
      c[i] = own;
    }
    return out;
  }

  /**
   * Keeps in {@code ids}/{@code ps} (sorted by probability, 0 = empty) the likeliest classes of
   * one frame other than blank and {@code own}, merged with those already there.
   */
  private static void top(float[] probs, int base, int k, int own, int[] ids, float[] ps) {
    for (int c = 1; c < k; c++) {
      float p = probs[base + c];
      if (c == own || p <= ps[ps.length - 1]) {
        continue;
      }
      int at = -1;
      for (int j = 0; j < ids.length; j++) {
        if (ids[j] == c) {
          at = j;
          break;
        }
      }
      if (at >= 0) {
        if (p <= ps[at]) {
          continue;
        }
      } else {
        at = ids.length - 1;
      }
      // move c up to its place
      while (at > 0 && ps[at - 1] < p) {
        ids[at] = ids[at - 1];
        ps[at] = ps[at - 1];
        at--;
      }
      ids[at] = c;
      ps[at] = p;
    }
  }

  /** Whether two strings of one length differ in exactly one character. */
  private static boolean oneSubstitution(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    int diff = 0;
    for (int i = 0; i < a.length() && diff < 2; i++) {
      diff += a.charAt(i) == b.charAt(i) ? 0 : 1;
    }
    return diff == 1;
  }

  /** Log-likelihood of a candidate; minus infinity when the charset lacks one of its characters. */
  private double score(float[] logProbs, int t, int k, String cand) {
    if (!charset.covers(cand)) {
      return Double.NEGATIVE_INFINITY;
    }
    return CtcLoss.logLikelihood(logProbs, 0, t, k, charset.encode(cand));
  }

  /**
   * A listed word in the case the list gives it: in capitals for an acronym, with a capital first
   * letter for a name (the reading's own case otherwise kept); null for other words.
   */
  private String listedCase(String word) {
    if (lexicon.upper(word)) {
      return word.toUpperCase(Locale.ROOT);
    }
    if (lexicon.capitalized(word)) {
      int first = word.codePointAt(0);
      return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
          .append(word.substring(Character.charCount(first))).toString();
    }
    return null;
  }

  /** The casings tried for a lexicon word; with {@code names}, names and acronyms in their case. */
  private Set<String> forms(String word, String reading) {
    Set<String> all = casings(word, reading);
    if (!settings.names()) {
      return all;
    }
    if (lexicon.upper(word)) {
      all.removeIf(f -> f.codePoints().anyMatch(Character::isLowerCase));
    } else if (lexicon.capitalized(word)) {
      all.removeIf(f -> !Character.isUpperCase(f.codePointAt(0)));
    }
    return all;
  }

  /** The word in the reading's own case pattern, capitalized, upper and lower case. */
  static Set<String> casings(String word, String reading) {
    Set<String> out = new LinkedHashSet<>();
    if (word.length() == reading.length()) {
      StringBuilder sb = new StringBuilder(word.length());
      for (int i = 0; i < word.length(); i++) {
        char c = word.charAt(i);
        sb.append(Character.isUpperCase(reading.charAt(i)) ? Character.toUpperCase(c) : c);
      }
      out.add(sb.toString());
    }
    String lower = word.toLowerCase(Locale.ROOT);
    out.add(lower);
    out.add(lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1));
    out.add(lower.toUpperCase(Locale.ROOT));
    return out;
  }
}
