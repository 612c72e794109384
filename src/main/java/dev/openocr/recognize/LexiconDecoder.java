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
 */
public final class LexiconDecoder {
  /** Settings: edits allowed by core length, the log-probability margin, candidate cap. */
  public record Settings(int minLength, int oneEditUpTo, double margin, int maxCandidates) {
    public static final Settings DEFAULT = new Settings(3, 4, 6.0, 48);
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
        || !core.codePoints().allMatch(Character::isLetter) || lexicon.contains(core)) {
      return greedy;
    }
    String prefix = text.substring(0, start);
    String suffix = text.substring(end);
    int edits = core.length() <= settings.oneEditUpTo() ? 1 : 2;
    List<Lexicon.Match> near = lexicon.near(core, edits, settings.maxCandidates());
    if (near.isEmpty()) {
      return greedy;
    }
    float[] logProbs = new float[t * k];
    for (int i = 0; i < t * k; i++) {
      logProbs[i] = (float) Math.log(Math.max(probs[offset + i], 1e-30f));
    }
    double own = CtcLoss.logLikelihood(logProbs, 0, t, k, charset.encode(text));
    double bestScore = Double.NEGATIVE_INFINITY;
    String best = null;
    for (Lexicon.Match m : near) {
      for (String form : casings(m.word(), core)) {
        String cand = prefix + form + suffix;
        if (!charset.covers(cand)) {
          continue;
        }
        double score = CtcLoss.logLikelihood(logProbs, 0, t, k, charset.encode(cand));
        if (score > bestScore) {
          bestScore = score;
          best = cand;
        }
      }
    }
    if (best == null || bestScore < own - settings.margin()) {
      return greedy;
    }
    int[] labels = charset.encode(best);
    float[] charProbs = CtcLoss.alignedProbs(logProbs, 0, t, k, labels);
    if (charProbs == null) {
      return greedy;
    }
    double conf = 1.0;
    for (float p : charProbs) {
      conf *= p;
    }
    return new Recognition(best, conf, charProbs);
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
