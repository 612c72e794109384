package dev.openocr.recognize;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The characters a recognizer can emit. Index 0 is reserved for the CTC blank; character
 * {@code i} of the set has label {@code i + 1}. Whitespace is never part of a charset; a
 * recognizer that reads several words in one crop has the word-space symbol {@link #WORD_SPACE}
 * in its set, which stands for the space between words: {@link #encode} maps {@code ' '} to it
 * and {@link #codePoint} gives {@code ' '} back.
 */
public final class Charset {
  /** U+2420 SYMBOL FOR SPACE: the class of the space between two words of one crop. */
  public static final int WORD_SPACE = 0x2420;
  private final int[] codePoints;
  private final Map<Integer, Integer> labels = new HashMap<>();

  public Charset(List<Integer> chars) {
    List<Integer> uniq = new ArrayList<>();
    for (int cp : chars) {
      if (!Character.isWhitespace(cp) && !labels.containsKey(cp)) {
        labels.put(cp, uniq.size() + 1);
        uniq.add(cp);
      }
    }
    if (uniq.isEmpty()) {
      throw new IllegalArgumentException("Empty charset");
    }
    codePoints = uniq.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Every code point of the text (one or many per line) is a character; whitespace is skipped. */
  public static Charset parse(String text) {
    List<Integer> cps = new ArrayList<>();
    text.codePoints().forEach(cps::add);
    return new Charset(cps);
  }

  public static Charset read(InputStream in, String name) {
    try {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Cannot read charset " + name + ": " + e.getMessage(), e);
    }
  }

  /** A shipped charset from {@code charsets/<name>.txt} on the classpath. */
  public static Charset builtin(String name) {
    String res = "charsets/" + name + ".txt";
    try (InputStream in = Charset.class.getClassLoader().getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalArgumentException("No charset resource " + res);
      }
      return read(in, res);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read charset " + res, e);
    }
  }

  /** Number of classes including the blank. */
  public int numClasses() {
    return codePoints.length + 1;
  }

  public boolean contains(int codePoint) {
    return labels.containsKey(codePoint == ' ' ? WORD_SPACE : codePoint);
  }

  /** The label of the word space, or -1 when this set reads one word per crop. */
  public int wordSpaceLabel() {
    return labels.getOrDefault(WORD_SPACE, -1);
  }

  /** This set with the word space added after its characters (itself when it has it). */
  public Charset withWordSpace() {
    if (wordSpaceLabel() > 0) {
      return this;
    }
    List<Integer> cps = new ArrayList<>();
    for (int cp : codePoints) {
      cps.add(cp);
    }
    cps.add(WORD_SPACE);
    return new Charset(cps);
  }

  /** True when every character of the text is in the set. */
  public boolean covers(String text) {
    return text.codePoints().allMatch(this::contains);
  }

  /** Labels of the text; characters outside the set are dropped (callers check {@link #covers}). */
  public int[] encode(String text) {
    return text.codePoints().map(cp -> cp == ' ' ? WORD_SPACE : cp)
        .filter(labels::containsKey).map(labels::get).toArray();
  }

  /** The character of a label (1..n); {@code ' '} for the word space. */
  public int codePoint(int label) {
    int cp = codePoints[label - 1];
    return cp == WORD_SPACE ? ' ' : cp;
  }

  /** All characters as one string, in label order. */
  public String chars() {
    return new String(codePoints, 0, codePoints.length);
  }
}
