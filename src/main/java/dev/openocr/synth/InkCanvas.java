package dev.openocr.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where text and rules are drawn: a white 8-bit canvas of {@code width*scale x height*scale}
 * pixels addressed in output pixels (the scale is applied by Java2D). Ink is drawn as gray
 * levels (0 = full ink); {@link #inkMap()} turns it into coverage at output resolution. Every
 * drawn word's characters are recorded from the glyph outlines, in output pixels.
 */
final class InkCanvas implements AutoCloseable {
  /** Glyph layout context: no device transform, antialiased, fractional metrics. */
  static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  private final int width;
  private final int height;
  private final int scale;
  private final BufferedImage image;
  private final Graphics2D g;
  private final List<SynthWord> words = new ArrayList<>();
  private final List<SynthLine> lines = new ArrayList<>();

  InkCanvas(int width, int height, int scale) {
    if (width <= 0 || height <= 0 || scale < 1) {
      throw new IllegalArgumentException("Invalid canvas " + width + "x" + height + " @" + scale);
    }
    this.width = width;
    this.height = height;
    this.scale = scale;
    this.image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_BYTE_GRAY);
    Arrays.fill(((DataBufferByte) image.getRaster().getDataBuffer()).getData(), (byte) 255);
    this.g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS,
        RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  List<SynthWord> words() {
    return words;
  }

  List<SynthLine> lines() {
    return lines;
  }

  /** Lays out {@code text} (no ligatures: one glyph per char) with extra spacing in pixels. */
  static GlyphVector layout(Font font, String text, double tracking) {
    GlyphVector gv = font.createGlyphVector(FRC, text.toCharArray());
    if (tracking != 0) {
      for (int i = 1; i <= text.length(); i++) {
        Point2D p = gv.getGlyphPosition(i);
        gv.setGlyphPosition(i, new Point2D.Double(p.getX() + tracking * i, p.getY()));
      }
    }
    return gv;
  }

  /** Advance width of a laid-out string in pixels. */
  static double advance(GlyphVector gv) {
    return gv.getGlyphPosition(gv.getNumGlyphs()).getX();
  }

  /**
   * Draws one line of text with its baseline origin mapped by {@code at} (output pixels) and
   * records its words and line. {@code gray} is the ink level, 0 darkest.
   *
   * @return the index of the first recorded word, or -1 if the line had no visible characters
   */
  int drawText(GlyphVector gv, String text, AffineTransform at, int gray) {
    AffineTransform saved = g.getTransform();
    AffineTransform t = AffineTransform.getScaleInstance(scale, scale);
    t.concatenate(at);
    g.setTransform(t);
    g.setColor(new Color(gray, gray, gray));
    if (at.getType() == AffineTransform.TYPE_TRANSLATION || at.isIdentity()) {
      g.drawGlyphVector(gv, 0, 0); // glyph cache: fast
    } else {
      // rotated glyph images are placed on whole pixels; filling outlines keeps ink in the quads
      g.fill(gv.getOutline());
    }
    g.setTransform(saved);
    return record(gv, text, at);
  }

  private int record(GlyphVector gv, String text, AffineTransform at) {
    int first = words.size();
    double lineL = Double.MAX_VALUE;
    double lineT = Double.MAX_VALUE;
    double lineR = -Double.MAX_VALUE;
    double lineB = -Double.MAX_VALUE;
    StringBuilder lineText = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) == ' ') {
        i++;
        continue;
      }
      int end = text.indexOf(' ', i);
      end = end < 0 ? text.length() : end;
      List<Rectangle2D> boxes = new ArrayList<>();
      double l = Double.MAX_VALUE;
      double t = Double.MAX_VALUE;
      double r = -Double.MAX_VALUE;
      double b = -Double.MAX_VALUE;
      for (int k = i; k < end; k++) {
        Rectangle2D box = glyphBox(gv, k);
        boxes.add(box);
        l = Math.min(l, box.getMinX());
        t = Math.min(t, box.getMinY());
        r = Math.max(r, box.getMaxX());
        b = Math.max(b, box.getMaxY());
      }
      List<dev.openocr.geometry.Quad> chars = new ArrayList<>(boxes.size());
      for (Rectangle2D box : boxes) {
        chars.add(Quads.of(at, box));
      }
      String w = text.substring(i, end);
      words.add(new SynthWord(w, Quads.of(at, l, t, r, b), chars));
      lineText.append(lineText.length() == 0 ? "" : " ").append(w);
      lineL = Math.min(lineL, l);
      lineT = Math.min(lineT, t);
      lineR = Math.max(lineR, r);
      lineB = Math.max(lineB, b);
      i = end;
    }
    if (words.size() == first) {
      return -1;
    }
    lines.add(new SynthLine(lineText.toString(), Quads.of(at, lineL, lineT, lineR, lineB), first,
        words.size() - first));
    return first;
  }

  /** Tight outline bounds of glyph {@code k}; a tiny box at its origin if it has no outline. */
  private static Rectangle2D glyphBox(GlyphVector gv, int k) {
    Rectangle2D box = gv.getGlyphVisualBounds(k).getBounds2D();
    if (box.isEmpty()) {
      Point2D p = gv.getGlyphPosition(k);
      double adv = gv.getGlyphMetrics(k).getAdvance();
      return new Rectangle2D.Double(p.getX(), p.getY() - 1, Math.max(1, adv), 1);
    }
    return box;
  }

  /** A straight rule of {@code thickness} pixels. */
  void line(double x1, double y1, double x2, double y2, double thickness, int gray) {
    AffineTransform saved = g.getTransform();
    g.setTransform(AffineTransform.getScaleInstance(scale, scale));
    g.setColor(new Color(gray, gray, gray));
    g.setStroke(new BasicStroke((float) thickness, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
    g.draw(new Line2D.Double(x1, y1, x2, y2));
    g.setTransform(saved);
  }

  /** Strokes ({@code thickness > 0}) or fills ({@code thickness <= 0}) a shape in output pixels. */
  void shape(Shape shape, double thickness, int gray) {
    AffineTransform saved = g.getTransform();
    g.setTransform(AffineTransform.getScaleInstance(scale, scale));
    g.setColor(new Color(gray, gray, gray));
    if (thickness > 0) {
      g.setStroke(new BasicStroke((float) thickness, BasicStroke.CAP_ROUND,
          BasicStroke.JOIN_ROUND));
      g.draw(shape);
    } else {
      g.fill(shape);
    }
    g.setTransform(saved);
  }

  /** An outlined rectangle. */
  void rect(double x, double y, double w, double h, double thickness, int gray) {
    line(x, y, x + w, y, thickness, gray);
    line(x + w, y, x + w, y + h, thickness, gray);
    line(x + w, y + h, x, y + h, thickness, gray);
    line(x, y + h, x, y, thickness, gray);
  }

  /**
   * Ink coverage at output resolution, 0 (paper) .. 255 (full ink), row-major
   * {@code width x height}: the canvas averaged over {@code scale x scale} blocks.
   */
  byte[] inkMap() {
    byte[] src = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    int sw = width * scale;
    byte[] out = new byte[width * height];
    if (scale == 1) {
      for (int i = 0; i < out.length; i++) {
        out[i] = (byte) (255 - (src[i] & 0xff));
      }
      return out;
    }
    int n = scale * scale;
    int[] acc = new int[width];
    for (int y = 0; y < height; y++) {
      Arrays.fill(acc, 0);
      for (int dy = 0; dy < scale; dy++) {
        int row = (y * scale + dy) * sw;
        for (int x = 0; x < width; x++) {
          int base = row + x * scale;
          int s = 0;
          for (int dx = 0; dx < scale; dx++) {
            s += src[base + dx] & 0xff;
          }
          acc[x] += s;
        }
      }
      int o = y * width;
      for (int x = 0; x < width; x++) {
        out[o + x] = (byte) (255 - (acc[x] + n / 2) / n);
      }
    }
    return out;
  }

  /** The raw canvas bytes (gray, {@code width*scale} wide), for ink effects at full resolution. */
  byte[] raw() {
    return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
  }

  int scale() {
    return scale;
  }

  @Override
  public void close() {
    g.dispose();
  }
}
