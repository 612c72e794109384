package dev.openocr.imageio;

/**
 * Measures how deep PDF syntax nests, byte by byte, before PDFBox parses it: PDFBox parses arrays
 * and dictionaries recursively (a stream nested 100,000 deep overflows the stack) and copies the
 * graphics state on every {@code q} (a million unclosed ones fill the heap). Strings, comments,
 * stream data (in a file) and inline image data (in a content stream) are skipped.
 */
final class PdfNesting {
  /** Deepest arrays and dictionaries accepted; real files stay under a dozen. */
  static final int MAX_DEPTH = 256;
  /** Most unclosed {@code q} accepted; the PDF reference suggests 28. */
  static final int MAX_SAVES = 4096;
  private static final byte[] END_STREAM = "endstream".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] END_IMAGE = "EI".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private enum State { CODE, STRING, HEX, COMMENT, SKIP }

  private final boolean content;
  private State state = State.CODE;
  private int depth;
  private int maxDepth;
  private int saves;
  private int maxSaves;
  private int parens;
  private boolean escape;
  private int pending;
  private final StringBuilder token = new StringBuilder();
  private byte[] skipUntil;
  private int matched;
  private long position;
  private long deepestAt = -1;

  /** @param content a content stream (operators, inline images) rather than a whole file */
  PdfNesting(boolean content) {
    this.content = content;
  }

  /** The deepest nesting of arrays and dictionaries seen. */
  int maxDepth() {
    return maxDepth;
  }

  /** The most unclosed {@code q} seen. */
  int maxSaves() {
    return maxSaves;
  }

  /** Byte offset where the nesting first went past {@link #MAX_DEPTH}, or -1. */
  long deepestAt() {
    return deepestAt;
  }

  /** Whether the limits hold so far. */
  boolean withinLimits() {
    return maxDepth <= MAX_DEPTH && maxSaves <= MAX_SAVES;
  }

  void accept(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      accept(b[i] & 0xff);
    }
  }

  void accept(int c) {
    position++;
    switch (state) {
      case STRING -> string(c);
      case HEX -> state = c == '>' ? State.CODE : State.HEX;
      case COMMENT -> state = c == '\n' || c == '\r' ? State.CODE : State.COMMENT;
      case SKIP -> skip(c);
      default -> code(c);
    }
  }

  private void code(int c) {
    if (pending == '<') {
      pending = 0;
      if (c == '<') {
        open();
        return;
      }
      state = State.HEX;
      accept(c);
      position--;
      return;
    }
    if (pending == '>') {
      pending = 0;
      if (c == '>') {
        close();
        return;
      }
    }
    boolean delimiter = c <= ' ' || "()<>[]{}/%".indexOf(c) >= 0;
    if (delimiter) {
      endToken();
    }
    switch (c) {
      case '(' -> {
        state = State.STRING;
        parens = 1;
      }
      case '%' -> state = State.COMMENT;
      case '<', '>' -> pending = c;
      case '[' -> open();
      case ']' -> close();
      default -> {
        if (!delimiter && token.length() < END_STREAM.length) {
          token.append((char) c);
        }
      }
    }
  }

  private void endToken() {
    String t = token.toString();
    token.setLength(0);
    if (content && t.equals("q")) {
      saves++;
      maxSaves = Math.max(maxSaves, saves);
    } else if (content && t.equals("Q")) {
      saves = Math.max(0, saves - 1);
    } else if (content && t.equals("ID")) {
      startSkip(END_IMAGE);
    } else if (!content && t.equals("stream")) {
      startSkip(END_STREAM);
    }
  }

  private void startSkip(byte[] marker) {
    state = State.SKIP;
    skipUntil = marker;
    matched = 0;
  }

  private void skip(int c) {
    if (c == (skipUntil[matched] & 0xff)) {
      matched++;
      if (matched == skipUntil.length) {
        state = State.CODE;
      }
    } else {
      matched = c == (skipUntil[0] & 0xff) ? 1 : 0;
    }
  }

  private void string(int c) {
    if (escape) {
      escape = false;
    } else if (c == '\\') {
      escape = true;
    } else if (c == '(') {
      parens++;
    } else if (c == ')' && --parens == 0) {
      state = State.CODE;
    }
  }

  private void open() {
    depth++;
    if (depth > maxDepth) {
      maxDepth = depth;
      if (depth > MAX_DEPTH && deepestAt < 0) {
        deepestAt = position;
      }
    }
  }

  private void close() {
    depth = Math.max(0, depth - 1);
  }

  /** "nested 100000 deep (limit 256) at byte 42", for messages. */
  String describe() {
    if (maxDepth > MAX_DEPTH) {
      return "arrays and dictionaries nested " + maxDepth + " deep (limit " + MAX_DEPTH
          + ") from byte " + deepestAt;
    }
    return maxSaves + " graphics states saved (q) without restoring (limit " + MAX_SAVES + ")";
  }
}
