package dev.openocr.recognize;

import java.util.LinkedHashSet;
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
 */
public final class LexiconDecoder {
  /**
   * Settings: edits allowed by core length, the log-probability margin, candidate cap, and
   * whether names keep their capital.
   */
  public record Settings(int minLength, int oneEditUpTo, double margin, int maxCandidates,
      boolean names) {
    public static final Settings DEFAULT = new Settings(3, 4, 6.0, 48, false);
  }

  private final Lexicon lexicon;
  private final Charset charset;
  private final Settings settings;

  public LexiconDecoder(Lexicon lexicon, Charset charset, Settings settings) {
    this.lexicon = lexicon;
    this.charset = charset;
    this.settings = settings;
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
    boolean word = lexicon.contains(core);
    String listed = word && settings.names() ? listedCase(core) : null;
    if (word && (listed == null || listed.equals(core))) {
      return greedy;
    }
    String prefix = text.substring(0, start);
    String suffix = text.substring(end);
    float[] logProbs = CtcDecoder.logProbs(probs, offset, t, k);
    double own = CtcLoss.logLikelihood(logProbs, 0, t, k, charset.encode(text));
    String best = null;
    if (word) {
      String cand = prefix + listed + suffix;
      if (score(logProbs, t, k, cand) >= own - settings.margin()) {
        best = cand;
      }
    } else {
      int edits = core.length() <= settings.oneEditUpTo() ? 1 : 2;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (Lexicon.Match m : lexicon.near(core, edits, settings.maxCandidates())) {
        for (String form : forms(m.word(), core)) {
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
