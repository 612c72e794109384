package dev.openocr.engine;

/** Names of the model bundles shipped inside the jar under {@code models/}. */
public final class ModelCatalog {
  public static final String CLASSPATH_PREFIX = "classpath:";
  /**
   * The language that is not one: each page is read with the English pair unless its words are
   * Hangul, then with the Korean pair ({@link EngineOptions#forLanguage}).
   */
  public static final String AUTO = "auto";

  private ModelCatalog() {}

  /**
   * The detector bundle of a language. {@code craft-lean-ko} holds the weights of {@code
   * craft-lean-en} with the inference settings that suit Korean pages (the English bundle's
   * lower thresholds and larger scale lose Korean words: detection F1 0.848
   * against 0.890 on Korean tuning pages; model cards).
   */
  public static String defaultDetector(String lang) {
    checkLang(lang);
    return CLASSPATH_PREFIX + "models/craft-lean-" + lang;
  }

  /**
   * The recognizer bundle of a language. English reads with {@code crnn-fast-en}, the lighter
   * of the two English recognizers in the jar: about half the time a word of {@code crnn-lean-en}
   * (which stays in the jar, {@code --recognizer classpath:models/crnn-lean-en}) for about 0.01
   * less end-to-end F1 on FUNSD and the same on the print bench (model cards).
   */
  public static String defaultRecognizer(String lang) {
    checkLang(lang);
    return CLASSPATH_PREFIX + ("en".equals(lang) ? "models/crnn-fast-en" : "models/crnn-lean-ko");
  }

  private static void checkLang(String lang) {
    if (!"en".equals(lang) && !"ko".equals(lang)) {
      throw new IllegalArgumentException("Unsupported language: " + lang + " (en or ko)");
    }
  }
}
