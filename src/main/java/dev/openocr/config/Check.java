package dev.openocr.config;

/** Boundary validation with messages that include the bad value. */
public final class Check {
  private Check() {}

  /** Throws {@link IllegalArgumentException} with {@code String.format(message, args)}. */
  public static void checkArgument(boolean ok, String message, Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(message, args));
    }
  }
}
