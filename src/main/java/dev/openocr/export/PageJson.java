package dev.openocr.export;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.openocr.document.Block;
import dev.openocr.document.Line;
import dev.openocr.document.Page;
import dev.openocr.document.Word;
import dev.openocr.geometry.Box;
import dev.openocr.geometry.Quad;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A page as JSON: {@code source, page, width, height, orientation, orientationConfidence, text,
 * meanConfidence, blocks[{box, lines[{box, text, words[{text, confidence, detScore, box,
 * quad}]}]}]}. Boxes are {@code [left, top, right, bottom]} and quads {@code [x0,y0,..,x3,y3]}
 * clockwise from top-left, in page pixels; confidences 0..1. {@link #read} parses it back.
 */
public final class PageJson implements Exporter {

  @Override
  public ExportFormat format() {
    return ExportFormat.JSON;
  }

  @Override
  public void write(String source, int pageIndex, Page page, OutputStream out) throws IOException {
    out.write(toJson(source, pageIndex, page).toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The page as a JSON tree (the server embeds it in its responses). */
  public static JsonObject toJson(String source, int pageIndex, Page page) {
    JsonObject o = new JsonObject();
    o.addProperty("source", source);
    o.addProperty("page", pageIndex);
    o.addProperty("width", page.width());
    o.addProperty("height", page.height());
    o.addProperty("orientation", page.orientation());
    o.addProperty("orientationConfidence", page.orientationConfidence());
    o.addProperty("text", page.text());
    o.addProperty("meanConfidence", page.meanConfidence());
    JsonArray blocks = new JsonArray();
    for (Block b : page.blocks()) {
      JsonObject bo = new JsonObject();
      bo.add("box", box(b.box()));
      JsonArray lines = new JsonArray();
      for (Line l : b.lines()) {
        JsonObject lo = new JsonObject();
        lo.add("box", box(l.box()));
        lo.addProperty("text", l.text());
        JsonArray words = new JsonArray();
        for (Word w : l.words()) {
          JsonObject wo = new JsonObject();
          wo.addProperty("text", w.text());
          wo.addProperty("confidence", w.confidence());
          wo.addProperty("detScore", w.detScore());
          wo.add("box", box(w.box()));
          JsonArray q = new JsonArray();
          for (double c : w.quad().toArray()) {
            q.add(c);
          }
          wo.add("quad", q);
          words.add(wo);
        }
        lo.add("words", words);
        lines.add(lo);
      }
      bo.add("lines", lines);
      blocks.add(bo);
    }
    o.add("blocks", blocks);
    return o;
  }

  /**
   * Parses a page written by {@link #write}; a word without {@code quad} takes its {@code box}.
   *
   * @param what names the input in error messages (file name)
   */
  public static Page read(Reader in, String what) {
    try {
      JsonObject o = JsonParser.parseReader(in).getAsJsonObject();
      List<Block> blocks = new ArrayList<>();
      for (JsonElement be : o.getAsJsonArray("blocks")) {
        List<Line> lines = new ArrayList<>();
        for (JsonElement le : be.getAsJsonObject().getAsJsonArray("lines")) {
          List<Word> words = new ArrayList<>();
          for (JsonElement we : le.getAsJsonObject().getAsJsonArray("words")) {
            words.add(word(we.getAsJsonObject()));
          }
          lines.add(new Line(words));
        }
        blocks.add(new Block(lines));
      }
      int orientation = o.has("orientation") ? o.get("orientation").getAsInt() : 0;
      double oc = o.has("orientationConfidence") ? o.get("orientationConfidence").getAsDouble() : 1;
      return new Page(o.get("width").getAsInt(), o.get("height").getAsInt(), blocks, orientation,
          oc);
    } catch (JsonParseException | IllegalStateException | NullPointerException
        | UnsupportedOperationException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a page JSON: " + what + ": " + e.getMessage(), e);
    }
  }

  private static Word word(JsonObject w) {
    double[] c = new double[8];
    if (w.has("quad")) {
      JsonArray q = w.getAsJsonArray("quad");
      for (int i = 0; i < 8; i++) {
        c[i] = q.get(i).getAsDouble();
      }
    } else {
      JsonArray b = w.getAsJsonArray("box");
      c = new Box(b.get(0).getAsDouble(), b.get(1).getAsDouble(), b.get(2).getAsDouble(),
          b.get(3).getAsDouble()).toQuad().toArray();
    }
    double conf = w.has("confidence") ? w.get("confidence").getAsDouble() : 0;
    double det = w.has("detScore") ? w.get("detScore").getAsDouble() : 0;
    return new Word(w.get("text").getAsString(), Quad.of(c), conf, det, null);
  }

  private static JsonArray box(Box b) {
    JsonArray a = new JsonArray();
    a.add(b.left());
    a.add(b.top());
    a.add(b.right());
    a.add(b.bottom());
    return a;
  }
}
