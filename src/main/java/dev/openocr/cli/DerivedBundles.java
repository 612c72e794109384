package dev.openocr.cli;

import com.google.gson.JsonObject;
import dev.openocr.nn.ModelBundle;
import dev.openocr.recognize.RecognizerModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the commands that make a bundle out of other bundles share ({@code average-weights},
 * {@code ensemble}): the output check, the recognizer files carried over from the first source,
 * and the manifest of the new bundle.
 */
final class DerivedBundles {
  private DerivedBundles() {}

  /** Refuses an output folder that already holds a bundle. */
  static void refuseExisting(Path output) {
    if (Files.exists(output.resolve(ModelBundle.MANIFEST))) {
      throw new IllegalArgumentException("Output already holds a bundle: " + output);
    }
  }

  /**
   * The files a recognizer bundle made from {@code in} carries: the charset every source must
   * share, and the first source's own word list (one named {@code classpath:...} stays in the
   * jar).
   */
  static Map<String, byte[]> recognizerFiles(List<ModelBundle> in) {
    ModelBundle first = in.get(0);
    byte[] charset = first.file(RecognizerModel.CHARSET_FILE);
    for (ModelBundle b : in) {
      if (!Arrays.equals(b.file(RecognizerModel.CHARSET_FILE), charset)) {
        throw new IllegalArgumentException("Charsets differ: " + b.location() + " and "
            + first.location());
      }
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(RecognizerModel.CHARSET_FILE, charset);
    JsonObject dec = first.manifest().getAsJsonObject(RecognizerModel.DECODING);
    if (dec != null && dec.has("lexicon")) {
      String lex = dec.get("lexicon").getAsString();
      if (!lex.startsWith(ModelBundle.CLASSPATH_PREFIX)) {
        files.put(lex, first.file(lex));
      }
    }
    return files;
  }

  /** A source as the new bundle's {@code training} section records it. */
  static JsonObject source(ModelBundle b) {
    JsonObject f = new JsonObject();
    f.addProperty("location", b.location());
    f.addProperty("sha256", b.expectedSha256());
    return f;
  }

  /**
   * The new bundle's manifest: the first source's, with {@code id} (if given) and
   * {@code training}, metrics empty (to be measured with {@code eval}) and no weights entry
   * ({@link ModelBundle#write} adds it).
   */
  static JsonObject manifest(ModelBundle first, String id, JsonObject training) {
    JsonObject m = first.manifest().deepCopy();
    if (id != null) {
      m.addProperty("id", id);
    }
    m.add("training", training);
    m.add("metrics", new JsonObject());
    m.remove("weights");
    return m;
  }
}
