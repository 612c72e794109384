package dev.openocr.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Safe, unique output file names for exported pages. */
public final class ExportFiles {
  /** Longest stem kept from the source name, in characters. */
  static final int MAX_STEM = 80;
  /** Hex digits of the source's SHA-256 that keep same-named files from different folders apart. */
  static final int HASH_HEX = 8;

  private ExportFiles() {}

  /**
   * {@code <stem>-<hash>-p<page>.<ext>}: the stem is the source's last path segment without its
   * extension, reduced to {@code [A-Za-z0-9._-]}; never a path, never hidden, never empty.
   */
  public static String fileName(String source, int pageIndex, ExportFormat format) {
    if (pageIndex < 0) {
      throw new IllegalArgumentException("Invalid page index " + pageIndex + " for " + source);
    }
    String s = source == null ? "" : source;
    String last = s.replaceAll("[/\\\\]+$", "");
    last = last.substring(Math.max(last.lastIndexOf('/'), last.lastIndexOf('\\')) + 1);
    int dot = last.lastIndexOf('.');
    String stem = dot > 0 ? last.substring(0, dot) : last;
    stem = stem.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[._-]+", "");
    if (stem.length() > MAX_STEM) {
      stem = stem.substring(0, MAX_STEM);
    }
    if (stem.isEmpty()) {
      stem = "page";
    }
    return String.format("%s-%s-p%04d.%s", stem, hash(s), pageIndex, format.extension());
  }

  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, HASH_HEX);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
