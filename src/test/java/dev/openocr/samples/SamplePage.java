package dev.openocr.samples;

import com.google.gson.stream.JsonWriter;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A document page drawn with java.awt that remembers every word it drew and its ink box, so the
 * page comes with its exact text and evaluation ground truth.
 */
final class SamplePage {
  /** A drawn word: text and ink box in pixels. */
  record DrawnWord(String text, Rectangle2D box) {}

  private final BufferedImage image;
  private final Graphics2D g;
  /** Drawn runs of words keyed by baseline y, then left x. */
  private final java.util.TreeMap<Integer, java.util.TreeMap<Integer, List<DrawnWord>>> lines =
      new java.util.TreeMap<>();

  SamplePage(int width, int height) {
    image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
  }

  /** Draws one line of text with its left edge at x and baseline at y. */
  SamplePage text(String family, int style, int size, int x, int y, String line) {
    Font font = new Font(family, style, size);
    g.setFont(font);
    g.setColor(new Color(25, 25, 25));
    g.drawString(line, x, y);
    FontRenderContext frc = g.getFontRenderContext();
    List<DrawnWord> words = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      if (line.charAt(i) == ' ') {
        i++;
        continue;
      }
      int end = line.indexOf(' ', i);
      end = end < 0 ? line.length() : end;
      double x0 = x + font.getStringBounds(line.substring(0, i), frc).getWidth();
      Rectangle2D ink = font.createGlyphVector(frc, line.substring(i, end)).getVisualBounds();
      words.add(new DrawnWord(line.substring(i, end),
          new Rectangle2D.Double(x0 + ink.getX(), y + ink.getY(), ink.getWidth(), ink.getHeight())));
      i = end;
    }
    lines.computeIfAbsent(y, k -> new java.util.TreeMap<>()).put(x, words);
    return this;
  }

  /** A horizontal rule (form lines, table borders), 1-2 px, light gray. */
  SamplePage rule(int x0, int y, int x1, float width) {
    g.setColor(new Color(120, 120, 120));
    g.setStroke(new BasicStroke(width));
    g.drawLine(x0, y, x1, y);
    return this;
  }

  /** An empty box (form field, checkbox). */
  SamplePage box(int x, int y, int w, int h) {
    g.setColor(new Color(90, 90, 90));
    g.setStroke(new BasicStroke(1.5f));
    g.drawRect(x, y, w, h);
    return this;
  }

  BufferedImage image() {
    g.dispose();
    return image;
  }

  /** The words in reading order: by baseline, then left to right. */
  private List<DrawnWord> ordered(java.util.TreeMap<Integer, List<DrawnWord>> line) {
    List<DrawnWord> out = new ArrayList<>();
    line.values().forEach(out::addAll);
    return out;
  }

  /** The page text: words of a line (same baseline) joined by spaces, lines by newlines. */
  String text() {
    StringBuilder sb = new StringBuilder();
    for (java.util.TreeMap<Integer, List<DrawnWord>> line : lines.values()) {
      List<DrawnWord> l = ordered(line);
      for (int i = 0; i < l.size(); i++) {
        sb.append(i > 0 ? " " : "").append(l.get(i).text());
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Ground truth in the evaluation JSON format (shared/eval/score.py). */
  void writeGroundTruth(Writer out, String imageName) throws IOException {
    JsonWriter w = new JsonWriter(out);
    w.setIndent(" ");
    w.beginObject().name("image").value(imageName).name("width").value(image.getWidth())
        .name("height").value(image.getHeight()).name("words").beginArray();
    for (java.util.TreeMap<Integer, List<DrawnWord>> line : lines.values()) {
      for (DrawnWord d : ordered(line)) {
        Rectangle2D b = d.box();
        w.beginObject().name("text").value(d.text()).name("box").beginArray()
            .value(Math.floor(b.getMinX())).value(Math.floor(b.getMinY()))
            .value(Math.ceil(b.getMaxX())).value(Math.ceil(b.getMaxY())).endArray().endObject();
      }
    }
    w.endArray().endObject().flush();
  }
}
