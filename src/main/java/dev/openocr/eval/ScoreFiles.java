package dev.openocr.eval;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.openocr.geometry.Box;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads and writes the page JSON of the reference scorer:
 * {@code {"image", "width", "height", "words": [{"text", "box": [l, t, r, b], "confidence"}]}}.
 */
public final class ScoreFiles {
  private ScoreFiles() {}

  /** A page file: its image name, size and words. */
  public record PageFile(String image, int width, int height, List<ScoredWord> words) {}

  /** Every {@code *.json} of a folder (or of its {@code gt/} subfolder), by stem, sorted. */
  public static Map<String, PageFile> readDir(Path dir) {
    Path d = Files.isDirectory(dir.resolve("gt")) ? dir.resolve("gt") : dir;
    if (!Files.isDirectory(d)) {
      throw new IllegalArgumentException("Not a folder: " + dir);
    }
    Map<String, PageFile> out = new TreeMap<>();
    try (Stream<Path> s = Files.list(d)) {
      for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
        String name = p.getFileName().toString();
        out.put(name.substring(0, name.length() - 5), read(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + d, e);
    }
    return out;
  }

  public static PageFile read(Path p) {
    try {
      JsonObject o = JsonParser.parseString(Files.readString(p, StandardCharsets.UTF_8))
          .getAsJsonObject();
      List<ScoredWord> words = new ArrayList<>();
      JsonArray arr = o.has("words") ? o.getAsJsonArray("words") : new JsonArray();
      for (JsonElement e : arr) {
        JsonObject w = e.getAsJsonObject();
        JsonArray b = w.getAsJsonArray("box");
        double l = b.get(0).getAsDouble();
        double t = b.get(1).getAsDouble();
        double r = b.get(2).getAsDouble();
        double bt = b.get(3).getAsDouble();
        words.add(new ScoredWord(w.get("text").isJsonNull() ? "" : w.get("text").getAsString(),
            new Box(Math.min(l, r), Math.min(t, bt), Math.max(l, r), Math.max(t, bt)),
            w.has("confidence") ? w.get("confidence").getAsDouble() : 1.0));
      }
      return new PageFile(o.has("image") ? o.get("image").getAsString() : "",
          o.has("width") ? o.get("width").getAsInt() : 0,
          o.has("height") ? o.get("height").getAsInt() : 0, words);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + p, e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Malformed page JSON " + p + ": " + e.getMessage(), e);
    }
  }

  public static void write(Path p, PageFile page) {
    JsonObject o = new JsonObject();
    o.addProperty("image", page.image());
    o.addProperty("width", page.width());
    o.addProperty("height", page.height());
    JsonArray arr = new JsonArray();
    for (ScoredWord w : page.words()) {
      JsonObject j = new JsonObject();
      j.addProperty("text", w.text());
      JsonArray b = new JsonArray();
      b.add(Math.round(w.box().left() * 10) / 10.0);
      b.add(Math.round(w.box().top() * 10) / 10.0);
      b.add(Math.round(w.box().right() * 10) / 10.0);
      b.add(Math.round(w.box().bottom() * 10) / 10.0);
      j.add("box", b);
      j.addProperty("confidence", Math.round(w.confidence() * 1e4) / 1e4);
      arr.add(j);
    }
    o.add("words", arr);
    try {
      Files.createDirectories(p.toAbsolutePath().getParent());
      Files.writeString(p, dev.openocr.nn.ModelBundle.GSON.toJson(o) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + p, e);
    }
  }
}
