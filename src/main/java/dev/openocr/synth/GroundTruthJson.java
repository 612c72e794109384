package dev.openocr.synth;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.openocr.geometry.Box;
import dev.openocr.geometry.Quad;

/**
 * A page's ground truth as JSON in the evaluation format ({@code image, width, height,
 * words[{text, box:[l,t,r,b]}]}) extended with each word's {@code quad} and {@code chars}
 * (8 numbers each, reading-order corners) and the page's {@code lines}. Coordinates are output
 * pixels rounded to 0.01; field order is fixed so the bytes are reproducible.
 */
public final class GroundTruthJson {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
  private static final double ROUND = 100.0;

  private GroundTruthJson() {}

  public static String toJson(String imageName, SynthPage page) {
    JsonObject o = new JsonObject();
    o.addProperty("image", imageName);
    o.addProperty("width", page.image().width());
    o.addProperty("height", page.image().height());
    JsonArray words = new JsonArray();
    for (SynthWord w : page.words()) {
      JsonObject jw = new JsonObject();
      jw.addProperty("text", w.text());
      jw.add("box", box(w.quad().bounds().clip(page.image().width(), page.image().height())));
      jw.add("quad", quad(w.quad()));
      JsonArray chars = new JsonArray();
      w.chars().forEach(c -> chars.add(quad(c)));
      jw.add("chars", chars);
      words.add(jw);
    }
    o.add("words", words);
    JsonArray lines = new JsonArray();
    for (SynthLine l : page.lines()) {
      JsonObject jl = new JsonObject();
      jl.addProperty("text", l.text());
      jl.add("quad", quad(l.quad()));
      jl.addProperty("first_word", l.firstWord());
      jl.addProperty("word_count", l.wordCount());
      lines.add(jl);
    }
    o.add("lines", lines);
    return GSON.toJson(o);
  }

  private static JsonArray box(Box b) {
    JsonArray a = new JsonArray();
    a.add((long) Math.floor(b.left()));
    a.add((long) Math.floor(b.top()));
    a.add((long) Math.ceil(b.right()));
    a.add((long) Math.ceil(b.bottom()));
    return a;
  }

  private static JsonArray quad(Quad q) {
    JsonArray a = new JsonArray();
    for (double v : q.toArray()) {
      a.add(Math.round(v * ROUND) / ROUND);
    }
    return a;
  }
}
