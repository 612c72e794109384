package dev.openocr.imageio;

/**
 * A file could not be turned into pages. The message names the file and the cause; {@link #cause}
 * lets callers count failures by category.
 */
public final class DecodeException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why decoding failed. */
  public enum Cause {
    /** Zero bytes. */
    EMPTY,
    /** The data ends early (cut download, partial copy). */
    TRUNCATED,
    /** The format is recognized but the data is damaged. */
    CORRUPT,
    /**
     * The content is not a format read ({@link ImageFormat#NAMES}), whatever the name says, or
     * an image inside it needs a decoder this build lacks.
     */
    UNSUPPORTED_FORMAT,
    /** Bytes, pixels or pages over the configured limits. */
    TOO_LARGE,
    /** A PDF that needs a password. */
    ENCRYPTED
  }

  private final Cause cause;

  public DecodeException(Cause cause, String message) {
    this(cause, message, null);
  }

  public DecodeException(Cause cause, String message, Throwable source) {
    super(message, source);
    this.cause = cause;
  }

  /** The failure category. */
  public Cause cause() {
    return cause;
  }
}
