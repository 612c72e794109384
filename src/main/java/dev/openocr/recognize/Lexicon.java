package dev.openocr.recognize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A word list as a compact trie of lower-case code points, searched for the words within a few
 * edits (Levenshtein) of a reading. Built once per bundle load; immutable and thread-safe.
 */
public final class Lexicon {
  /** A lexicon word and its edit distance from the query. */
  public record Match(String word, int edits) {}

  // Node i's children are edges [first[i], first[i + 1]), sorted by code point.
  private final int[] first;
  private final int[] edgeChar;
  private final int[] edgeTarget;
  private final boolean[] terminal;
  // a word whose every entry in the list starts with a capital letter ("Olaf", "KGB")
  private final boolean[] capitalized;
  // a word whose every entry in the list is in capitals ("KGB")
  private final boolean[] upper;
  private final int size;

  private Lexicon(int[] first, int[] edgeChar, int[] edgeTarget, boolean[] terminal,
      boolean[] capitalized, boolean[] upper, int size) {
    this.first = first;
    this.edgeChar = edgeChar;
    this.edgeTarget = edgeTarget;
    this.terminal = terminal;
    this.capitalized = capitalized;
    this.upper = upper;
    this.size = size;
  }

  /**
   * Builds a lexicon from words (lower-cased; blanks and duplicates ignored). A word listed only
   * with a capital first letter, a name, is remembered as such ({@link #capitalized}), and one
   * listed only in capitals, an acronym, too ({@link #upper}).
   */
  public static Lexicon of(Iterable<String> words) {
    Node root = new Node();
    int n = 0;
    for (String w : words) {
      String stripped = w.strip();
      String s = stripped.toLowerCase(Locale.ROOT);
      if (s.isEmpty()) {
        continue;
      }
      boolean capital = Character.isUpperCase(stripped.codePointAt(0));
      boolean caps = stripped.codePoints().noneMatch(Character::isLowerCase);
      Node cur = root;
      for (int i = 0; i < s.length(); ) {
        int cp = s.codePointAt(i);
        i += Character.charCount(cp);
        cur = cur.children.computeIfAbsent(cp, c -> new Node());
      }
      if (!cur.terminal) {
        cur.terminal = true;
        cur.capitalized = capital;
        cur.upper = caps;
        n++;
      } else {
        cur.capitalized &= capital;
        cur.upper &= caps;
      }
    }
    // Flatten breadth-first so each node's children are contiguous.
    List<Node> order = new ArrayList<>();
    order.add(root);
    for (int i = 0; i < order.size(); i++) {
      order.get(i).id = i;
      order.addAll(order.get(i).children.values());
    }
    int nodes = order.size();
    int[] first = new int[nodes + 1];
    int[] edgeChar = new int[nodes - 1];
    int[] edgeTarget = new int[nodes - 1];
    boolean[] terminal = new boolean[nodes];
    boolean[] capitalized = new boolean[nodes];
    boolean[] upper = new boolean[nodes];
    int e = 0;
    for (int i = 0; i < nodes; i++) {
      Node node = order.get(i);
      first[i] = e;
      terminal[i] = node.terminal;
      capitalized[i] = node.terminal && node.capitalized;
      upper[i] = capitalized[i] && node.upper;
      for (var c : node.children.entrySet()) {
        edgeChar[e] = c.getKey();
        edgeTarget[e] = c.getValue().id;
        e++;
      }
    }
    first[nodes] = e;
    return new Lexicon(first, edgeChar, edgeTarget, terminal, capitalized, upper, n);
  }

  /** Reads one word a line (UTF-8); see {@link #words}. */
  public static Lexicon read(InputStream in, String name) {
    List<String> words = words(in, name);
    if (words.isEmpty()) {
      throw new IllegalArgumentException("Lexicon " + name + " is empty");
    }
    return of(words);
  }

  /**
   * The words of a UTF-8 file: one a line, or running text. Each line is split at whitespace,
   * leading and trailing punctuation is dropped from each token, and tokens with a character
   * that is not a letter (digits, inner punctuation) are skipped: corrections only ever look up
   * readings made of letters.
   */
  public static List<String> words(InputStream in, String name) {
    List<String> words = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        for (String token : line.split("\\s+")) {
          String w = letters(token);
          if (w != null) {
            words.add(w);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read lexicon " + name, e);
    }
    return words;
  }

  /**
   * The token without leading and trailing punctuation, or null unless the rest is all letters.
   */
  private static String letters(String token) {
    int start = 0;
    int end = token.length();
    while (start < end && !Character.isLetterOrDigit(token.charAt(start))) {
      start++;
    }
    while (end > start && !Character.isLetterOrDigit(token.charAt(end - 1))) {
      end--;
    }
    String core = token.substring(start, end);
    return !core.isEmpty() && core.codePoints().allMatch(Character::isLetter) ? core : null;
  }

  /** Number of distinct words. */
  public int size() {
    return size;
  }

  /** Whether the lower-cased word is in the list. */
  public boolean contains(String word) {
    int node = find(word);
    return node >= 0 && terminal[node];
  }

  /** Whether the word is in the list and every entry of it starts with a capital letter. */
  public boolean capitalized(String word) {
    int node = find(word);
    return node >= 0 && capitalized[node];
  }

  /** Whether the word is in the list and every entry of it is in capitals. */
  public boolean upper(String word) {
    int node = find(word);
    return node >= 0 && upper[node];
  }

  /** The trie node the lower-cased word ends at, or -1. */
  private int find(String word) {
    String s = word.toLowerCase(Locale.ROOT);
    int node = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      node = child(node, cp);
      if (node < 0) {
        return -1;
      }
    }
    return node;
  }

  /**
   * The words within {@code maxEdits} insertions, deletions or substitutions of the lower-cased
   * query, closest first (ties in list order), at most {@code limit} of them.
   */
  public List<Match> near(String query, int maxEdits, int limit) {
    int[] q = query.toLowerCase(Locale.ROOT).codePoints().toArray();
    int[] row = new int[q.length + 1];
    for (int j = 0; j <= q.length; j++) {
      row[j] = j;
    }
    List<Match> out = new ArrayList<>();
    search(0, row, q, maxEdits, new StringBuilder(), out);
    out.sort(Comparator.comparingInt(Match::edits));
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
  }

  private void search(int node, int[] prev, int[] q, int max, StringBuilder prefix,
      List<Match> out) {
    for (int e = first[node]; e < first[node + 1]; e++) {
      int c = edgeChar[e];
      int[] row = new int[q.length + 1];
      row[0] = prev[0] + 1;
      int best = row[0];
      for (int j = 1; j <= q.length; j++) {
        int sub = prev[j - 1] + (q[j - 1] == c ? 0 : 1);
        row[j] = Math.min(sub, Math.min(prev[j] + 1, row[j - 1] + 1));
        best = Math.min(best, row[j]);
      }
      if (best > max) {
        continue;
      }
      int len = prefix.length();
      prefix.appendCodePoint(c);
      int target = edgeTarget[e];
      if (terminal[target] && row[q.length] <= max) {
        out.add(new Match(prefix.toString(), row[q.length]));
      }
      search(target, row, q, max, prefix, out);
      prefix.setLength(len);
    }
  }

  private int child(int node, int cp) {
    int lo = first[node];
    int hi = first[node + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = edgeChar[mid];
      if (c < cp) {
        lo = mid + 1;
      } else if (c > cp) {
        hi = mid - 1;
      } else {
        return edgeTarget[mid];
      }
    }
    return -1;
  }

  private static final class Node {
    final TreeMap<Integer, Node> children = new TreeMap<>();
    boolean terminal;
    boolean capitalized;
    boolean upper;
    int id;
  }
}
