package dev.openocr.synth;

import java.util.Locale;

/** Languages the generator renders, with their resources. */
public enum Lang {
  EN, KO;

  /** Lower-case code used in file names and on the command line ({@code en}, {@code ko}). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Classpath resource of the default corpus. */
  public String corpusResource() {
    return "/synth/corpus/" + code() + ".txt";
  }

  /** Classpath resource of the recognizer charset. */
  public String charsetResource() {
    return "/charsets/" + code() + ".txt";
  }

  public static Lang parse(String s) {
    for (Lang l : values()) {
      if (l.code().equalsIgnoreCase(s.trim())) {
        return l;
      }
    }
    throw new IllegalArgumentException("Unknown language: " + s + " (expected en or ko)");
  }
}
