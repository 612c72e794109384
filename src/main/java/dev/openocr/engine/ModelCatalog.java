package dev.openocr.engine;

/** Names of the model bundles shipped inside the jar under {@code models/}. */
public final class ModelCatalog {
  public static final String CLASSPATH_PREFIX = "classpath:";

  private ModelCatalog() {}

  public static String defaultDetector(String lang) {
    checkLang(lang);
    return CLASSPATH_PREFIX + "models/craft-lean-en";
  }

  public static String defaultRecognizer(String lang) {
    checkLang(lang);
    return CLASSPATH_PREFIX + "models/crnn-lean-" + lang;
  }

  private static void checkLang(String lang) {
    if (!"en".equals(lang) && !"ko".equals(lang)) {
      throw new IllegalArgumentException("Unsupported language: " + lang + " (en or ko)");
    }
  }
}
