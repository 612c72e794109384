package dev.openocr.recognize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class LexiconTest {
  private static int levenshtein(String a, String b) {
    int[] d = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      d[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int diag = d[0];
      d[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int up = d[j];
        d[j] = Math.min(Math.min(d[j] + 1, d[j - 1] + 1),
            diag + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
        diag = up;
      }
    }
    return d[b.length()];
  }

  @Test
  void containsIgnoresCaseAndOnlyMatchesWholeWords() {
    Lexicon lex = Lexicon.of(List.of("Below", "bell", "", "  spaced  ", "bell"));
    assertThat(lex.size()).isEqualTo(3);
    assertThat(lex.contains("below")).isTrue();
    assertThat(lex.contains("BELOW")).isTrue();
    assertThat(lex.contains("spaced")).isTrue();
    assertThat(lex.contains("bel")).isFalse();
    assertThat(lex.contains("bells")).isFalse();
    assertThat(lex.contains("")).isFalse();
  }

  @Test
  void namesAreTheWordsListedOnlyWithACapital() {
    Lexicon lex = Lexicon.of(List.of("Olaf", "Status", "status", "linux", "Linux", "PARIS", "olden",
        "NASA", "Nasa"));
    assertThat(lex.capitalized("olaf")).isTrue();
    assertThat(lex.capitalized("OLAF")).isTrue();
    assertThat(lex.capitalized("paris")).isTrue();
    assertThat(lex.capitalized("nasa")).isTrue();
    // acronyms: listed in capitals only
    assertThat(lex.upper("paris")).isTrue();
    assertThat(lex.upper("nasa")).isFalse();
    assertThat(lex.upper("olaf")).isFalse();
    assertThat(lex.upper("status")).isFalse();
    // listed in small letters too, in either order
    assertThat(lex.capitalized("status")).isFalse();
    assertThat(lex.capitalized("Linux")).isFalse();
    assertThat(lex.capitalized("olden")).isFalse();
    // not words of the list
    assertThat(lex.capitalized("ola")).isFalse();
    assertThat(lex.capitalized("olafs")).isFalse();
  }

  @Test
  void nearFindsExactlyTheWordsWithinTheEditDistance() {
    Random r = new Random(4);
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      StringBuilder sb = new StringBuilder();
      int len = 1 + r.nextInt(7);
      for (int j = 0; j < len; j++) {
        sb.append((char) ('a' + r.nextInt(5)));
      }
      words.add(sb.toString());
    }
    Lexicon lex = Lexicon.of(words);
    Set<String> distinct = new TreeSet<>(words);
    for (String q : List.of("abc", "eeeee", "a", "badcab", "zzz", "abcdeab")) {
      for (int max = 0; max <= 2; max++) {
        Set<String> expected = new TreeSet<>();
        for (String w : distinct) {
          if (levenshtein(q, w) <= max) {
            expected.add(w);
          }
        }
        List<Lexicon.Match> got = lex.near(q.toUpperCase(), max, Integer.MAX_VALUE);
        Set<String> gotWords = new TreeSet<>();
        int prevEdits = 0;
        for (Lexicon.Match m : got) {
          assertThat(m.edits()).isEqualTo(levenshtein(q, m.word())).isGreaterThanOrEqualTo(prevEdits);
          prevEdits = m.edits();
          gotWords.add(m.word());
        }
        assertThat(gotWords).as("%s within %d", q, max).isEqualTo(expected);
        assertThat(got).hasSize(expected.size());
      }
    }
    assertThat(lex.near("abc", 2, 3)).hasSize(3);
  }

  @Test
  void readsOneWordPerLineAndRejectsAnEmptyList() {
    Lexicon lex = Lexicon.read(new ByteArrayInputStream(
        "über\nKäse\n".getBytes(StandardCharsets.UTF_8)), "test");
    assertThat(lex.contains("ÜBER")).isTrue();
    assertThat(lex.near("kase", 1, 5)).extracting(Lexicon.Match::word).containsExactly("käse");
    assertThatThrownBy(() -> Lexicon.read(new ByteArrayInputStream(new byte[0]), "empty.txt"))
        .hasMessageContaining("empty.txt");
  }

  @Test
  void readsRunningTextAsItsWordsOfLetters() {
    List<String> words = Lexicon.words(new ByteArrayInputStream(
        "대화 상자를 (Basic) 편집기에서, 3.0 버전\nF1 \"도움말\"\n".getBytes(StandardCharsets.UTF_8)),
        "text");
    assertThat(words).containsExactly("대화", "상자를", "Basic", "편집기에서", "버전", "도움말");
  }
}
