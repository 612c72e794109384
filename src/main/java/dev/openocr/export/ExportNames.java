package dev.openocr.export;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * File names for exported pages: the source's stem ({@code scan.png} -> {@code scan.json}; page
 * k > 0 -> {@code scan-p<k>.json}). Names come from input data, so they are sanitized: no
 * separators, no {@code ..}, no control characters, bounded length, never hidden. Two sources
 * with the same stem get {@code -2}, {@code -3}... instead of overwriting each other.
 */
public final class ExportNames {
  /** Longest stem kept, in characters (file systems allow 255 bytes). */
  static final int MAX_STEM = 120;

  private final Set<String> used = new HashSet<>();

  /** The source file's name: the last path segment of the URI, %-escapes decoded. */
  public static String imageName(String source) {
    String s = source;
    int q = s.indexOf('?');
    if (q >= 0 && s.contains("://")) {
      s = s.substring(0, q);
    }
    String last = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
    if (last.contains("%")) {
      try {
        last = URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        // Not an escape sequence after all: keep the name as it is.
      }
    }
    return last;
  }

  /** A safe stem from a file name: extension removed, unsafe characters replaced by '_'. */
  public static String stem(String imageName) {
    String n = imageName;
    int dot = n.lastIndexOf('.');
    if (dot > 0) {
      n = n.substring(0, dot);
    }
    StringBuilder sb = new StringBuilder();
    n.codePoints().forEach(c -> {
      boolean unsafe = c < 0x20 || c == 0x7f || "/\\:*?\"<>|".indexOf(c) >= 0;
      sb.appendCodePoint(unsafe ? '_' : c);
    });
    String s = sb.toString().strip();
    while (s.startsWith(".")) {
      s = s.substring(1);
    }
    if (s.codePointCount(0, s.length()) > MAX_STEM) {
      s = s.substring(0, s.offsetByCodePoints(0, MAX_STEM));
    }
    return s.isEmpty() ? "page" : s;
  }

  /** The unique output file name of page {@code page} of {@code source}. */
  public String fileName(String source, int page, String extension) {
    String base = stem(imageName(source)) + (page > 0 ? "-p" + page : "");
    String name = base;
    for (int i = 2; !used.add(name); i++) {
      name = base + "-" + i;
    }
    return name + "." + extension;
  }
}
