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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page as JSON, a superset of the evaluation format ({@code image, width, height, words[{text,
 * box, confidence}]}): {@code source, page, orientation, orientationConfidence, text,
 * meanConfidence}, and each word also has {@code detScore, quad, block, line} (0-based indices
 * on the page); {@code blocks[{box, lines[{box, text, words[first, end)}]}]} gives the structure.
 * Boxes are {@code [left, top, right, bottom]} and quads {@code [x0,y0,..,x3,y3]} clockwise from
 * top-left, in page pixels; confidences 0..1. Words are in reading order. {@link #read} parses it
 * back, also from the plain evaluation format.
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
    o.addProperty("image", source);
    o.addProperty("source", source);
    o.addProperty("page", pageIndex);
    o.addProperty("width", page.width());
    o.addProperty("height", page.height());
    o.addProperty("orientation", page.orientation());
    o.addProperty("orientationConfidence", page.orientationConfidence());
    o.addProperty("text", page.text());
    o.addProperty("meanConfidence", page.meanConfidence());
    JsonArray words = new JsonArray();
    JsonArray blocks = new JsonArray();
    int lineNo = 0;
    for (int b = 0; b < page.blocks().size(); b++) {
      Block block = page.blocks().get(b);
      JsonArray lines = new JsonArray();
      for (Line l : block.lines()) {
        int first = words.size();
        for (Word w : l.words()) {
          words.add(word(w, b, lineNo));
        }
        JsonObject lo = new JsonObject();
        lo.add("box", box(l.box()));
        lo.addProperty("text", l.text());
        JsonArray range = new JsonArray();
        range.add(first);
        range.add(words.size());
        lo.add("words", range);
        lines.add(lo);
        lineNo++;
      }
      JsonObject bo = new JsonObject();
      bo.add("box", box(block.box()));
      bo.add("lines", lines);
      blocks.add(bo);
    }
    o.add("words", words);
    o.add("blocks", blocks);
    return o;
  }

  private static JsonObject word(Word w, int block, int line) {
    JsonObject wo = new JsonObject();
    wo.addProperty("text", w.text());
    wo.add("box", box(w.box()));
    wo.addProperty("confidence", w.confidence());
    wo.addProperty("detScore", w.detScore());
    JsonArray q = new JsonArray();
    for (double c : w.quad().toArray()) {
      q.add(c);
    }
    wo.add("quad", q);
    wo.addProperty("block", block);
    wo.addProperty("line", line);
    return wo;
  }

  /**
   * Parses a page written by {@link #write}, or an evaluation-format page (words without
   * {@code block}/{@code line} become one line each, in one block; without {@code quad} a word
   * takes its {@code box}).
   *
   * @param what names the input in error messages (file name)
   */
  public static Page read(Reader in, String what) {
    try {
      JsonObject o = JsonParser.parseReader(in).getAsJsonObject();
      // block -> line -> words, in first-seen order.
      Map<Integer, Map<Integer, List<Word>>> tree = new LinkedHashMap<>();
      int n = 0;
      for (JsonElement e : o.getAsJsonArray("words")) {
        JsonObject w = e.getAsJsonObject();
        int block = w.has("block") ? w.get("block").getAsInt() : 0;
        int line = w.has("line") ? w.get("line").getAsInt() : n;
        tree.computeIfAbsent(block, k -> new LinkedHashMap<>())
            .computeIfAbsent(line, k -> new ArrayList<>()).add(word(w));
        n++;
      }
      List<Block> blocks = new ArrayList<>();
      for (Map<Integer, List<Word>> lines : tree.values()) {
        blocks.add(new Block(lines.values().stream().map(Line::new).toList()));
      }
      int orientation = o.has("orientation") ? o.get("orientation").getAsInt() : 0;
      double oc = o.has("orientationConfidence") ? o.get("orientationConfidence").getAsDouble() : 1;
      return new Page(o.get("width").getAsInt(), o.get("height").getAsInt(), blocks, orientation,
          oc);
    } catch (JsonParseException | IllegalStateException | NullPointerException
        | UnsupportedOperationException | IllegalArgumentException
        | IndexOutOfBoundsException e) {
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
