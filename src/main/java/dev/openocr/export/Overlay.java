package dev.openocr.export;

import dev.openocr.document.Page;
import dev.openocr.document.Word;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;

/**
 * Draws recognized words over their page image: each word's quad outlined in a colour running
 * from red (confidence 0) through yellow to green (confidence 1), and its text above the box.
 */
public final class Overlay {
  /** Outline width as a fraction of the longer image side, at least 1 pixel. */
  static final double STROKE_FRACTION = 0.0015;
  /** Label font size as a fraction of the word's text height. */
  static final double FONT_FRACTION = 0.6;
  /** Smallest label font in pixels. */
  static final int MIN_FONT = 8;
  /** Label background opacity 0..255. */
  static final int LABEL_ALPHA = 200;
  /** Hue of confidence 1 (green) on the 0..1 HSB hue circle; 0 is red. */
  static final float GREEN_HUE = 1f / 3;

  private Overlay() {}

  /**
   * A colour copy of the image with the words drawn on it.
   *
   * @param image the page image the words' coordinates refer to
   * @param minConfidence words below this confidence (0..1) are left out
   * @param showText whether to write each word's text above its box
   */
  public static BufferedImage draw(BufferedImage image, Page page, double minConfidence,
      boolean showText) {
    BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(),
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      float stroke = (float) Math.max(1, STROKE_FRACTION * Math.max(out.getWidth(), out.getHeight()));
      g.setStroke(new BasicStroke(stroke));
      for (Word w : page.words()) {
        if (w.confidence() < minConfidence) {
          continue;
        }
        Color c = colour(w.confidence());
        g.setColor(c);
        g.drawPolygon(polygon(w));
        if (showText && !w.text().isEmpty()) {
          label(g, w, c);
        }
      }
    } finally {
      g.dispose();
    }
    return out;
  }

  /** Red at 0, yellow at 0.5, green at 1 (values outside 0..1 are clamped). */
  public static Color colour(double confidence) {
    double c = Double.isNaN(confidence) ? 0 : Math.max(0, Math.min(1, confidence));
    return Color.getHSBColor((float) c * GREEN_HUE, 1f, 0.85f);
  }

  /** Writes the image as PNG; does not close {@code out}. */
  public static void writePng(BufferedImage image, OutputStream out) throws IOException {
    if (!ImageIO.write(image, "png", out)) {
      throw new IOException("No PNG writer in this JVM");
    }
  }

  private static Polygon polygon(Word w) {
    double[] c = w.quad().toArray();
    Polygon p = new Polygon();
    for (int i = 0; i < 8; i += 2) {
      p.addPoint((int) Math.round(c[i]), (int) Math.round(c[i + 1]));
    }
    return p;
  }

  private static void label(Graphics2D g, Word w, Color c) {
    // The shorter side is the text height also for vertical words (stamps, margin numbers).
    double textHeight = Math.min(w.box().height(), w.box().width());
    int size = (int) Math.max(MIN_FONT, FONT_FRACTION * textHeight);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
    FontMetrics fm = g.getFontMetrics();
    int x = (int) Math.round(w.box().left());
    int base = (int) Math.round(w.box().top()) - fm.getDescent() - 1;
    if (base - fm.getAscent() < 0) {
      base = (int) Math.round(w.box().bottom()) + fm.getAscent();
    }
    g.setColor(new Color(255, 255, 255, LABEL_ALPHA));
    g.fillRect(x, base - fm.getAscent(), fm.stringWidth(w.text()), fm.getAscent() + fm.getDescent());
    g.setColor(c.darker());
    g.drawString(w.text(), x, base);
  }
}
