package dev.openocr.export;

import dev.openocr.document.Block;
import dev.openocr.document.Line;
import dev.openocr.document.Page;
import dev.openocr.document.Word;
import dev.openocr.geometry.Quad;
import java.io.IOException;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * The invisible text of a page (render mode 3): each word set along its quad's baseline,
 * rotated with it, scaled across so it spans the box, and as tall as the box from the font's
 * descent to its ascent, so a viewer's selection covers the word on the scan. Words go in reading
 * order with a space between the words of a line, so extractors copy lines as they read.
 */
final class PdfTextLayer {
  /** Narrowest space, as a share of the font size, where boxes touch or overlap. */
  static final double MIN_SPACE = 0.05;

  private PdfTextLayer() {}

  /**
   * Where a word's text starts and how it is set, in PDF points (y up).
   *
   * @param x baseline start, points from the page's left
   * @param y baseline start, points from the page's bottom
   * @param angle direction of the baseline, radians counterclockwise
   * @param fontSize points
   * @param horizontalScale stretch along the baseline, percent (PDF's Tz)
   */
  record Placement(double x, double y, double angle, double fontSize, double horizontalScale) {}

  /**
   * The placement of a text whose advance is {@code advance} em in a font of the given ascent
   * and descent (em, descent negative) over {@code q}, a quad in pixels (y down), on a page
   * {@code pageHeight} points tall at {@code scale} points per pixel.
   */
  static Placement place(Quad q, double advance, double ascent, double descent, double scale,
      double pageHeight) {
    // Corners in points, y up: the text's top edge runs p0 -> p1, its bottom edge p3 -> p2.
    double[] c = q.toArray();
    double[] px = new double[4];
    double[] py = new double[4];
    for (int i = 0; i < 4; i++) {
      px[i] = c[2 * i] * scale;
      py[i] = pageHeight - c[2 * i + 1] * scale;
    }
    double ux = (px[1] - px[0]) + (px[2] - px[3]);
    double uy = (py[1] - py[0]) + (py[2] - py[3]);
    double angle = Math.atan2(uy, ux);
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double height = q.height() * scale;
    double width = q.width() * scale;
    double fontSize = height / (ascent - descent);
    // From the middle of the left edge down to the box bottom, then up by the descent.
    double rise = -descent * fontSize - height / 2;
    double x = (px[0] + px[3]) / 2 - sin * rise;
    double y = (py[0] + py[3]) / 2 + cos * rise;
    double stretch = advance > 0 ? 100 * width / (advance * fontSize) : 100;
    return new Placement(x, y, angle, fontSize, stretch);
  }

  /**
   * Writes the words of {@code page} into {@code cs} (in a text object of its own).
   *
   * @param fonts the document's font of each {@link PdfFonts} index
   * @param scale points per pixel of the page
   * @param pageHeight points
   */
  static void write(PDPageContentStream cs, Page page, PdfFonts choice, IntFunction<PDFont> fonts,
      double scale, double pageHeight) throws IOException {
    cs.beginText();
    cs.setRenderingMode(RenderingMode.NEITHER);
    for (Block b : page.blocks()) {
      for (Line l : b.lines()) {
        List<Word> words = l.words();
        for (int i = 0; i < words.size(); i++) {
          Word next = i + 1 < words.size() ? words.get(i + 1) : null;
          word(cs, words.get(i), next, choice, fonts, scale, pageHeight);
        }
      }
    }
    cs.endText();
  }

  private static void word(PDPageContentStream cs, Word w, Word next, PdfFonts choice,
      IntFunction<PDFont> fonts, double scale, double pageHeight) throws IOException {
    String text = printable(w.text());
    if (text.isEmpty() || w.quad().height() <= 0 || w.quad().width() <= 0) {
      return;
    }
    PdfFonts.Choice chosen = choice.choose(text);
    PDFont font = fonts.apply(chosen.font());
    double ascent = font.getFontDescriptor().getAscent() / 1000;
    double descent = font.getFontDescriptor().getDescent() / 1000;
    double advance = font.getStringWidth(chosen.text()) / 1000;
    Placement p = place(w.quad(), advance, ascent, descent, scale, pageHeight);
    cs.setFont(font, (float) p.fontSize());
    cs.setHorizontalScaling((float) p.horizontalScale());
    cs.setTextMatrix(new Matrix((float) Math.cos(p.angle()), (float) Math.sin(p.angle()),
        (float) -Math.sin(p.angle()), (float) Math.cos(p.angle()), (float) p.x(), (float) p.y()));
    cs.showText(chosen.text());
    int spaceFont = choice.covering(" ");
    if (next != null && spaceFont >= 0) {
      // The space fills the gap to the next word, so extractors see one word break, no more.
      double gap = Math.max(gapAlong(w.quad(), next.quad(), p.angle(), scale, pageHeight),
          MIN_SPACE * p.fontSize());
      // A font whose space has a Unicode mapping: a CJK font's may extract as U+0000.
      PDFont sf = fonts.apply(spaceFont);
      double space = sf.getStringWidth(" ") / 1000 * p.fontSize();
      cs.setFont(sf, (float) p.fontSize());
      cs.setHorizontalScaling((float) (space > 0 ? 100 * gap / space : 100));
      cs.showText(" ");
    }
  }

  /** Points along the baseline from the end of {@code a} to the start of {@code b}. */
  static double gapAlong(Quad a, Quad b, double angle, double scale, double pageHeight) {
    double endX = (a.x1() + a.x2()) / 2 * scale;
    double endY = pageHeight - (a.y1() + a.y2()) / 2 * scale;
    double startX = (b.x0() + b.x3()) / 2 * scale;
    double startY = pageHeight - (b.y0() + b.y3()) / 2 * scale;
    return (startX - endX) * Math.cos(angle) + (startY - endY) * Math.sin(angle);
  }

  /** The text without control characters, which no font draws and no reader wants copied. */
  static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().filter(cp -> !Character.isISOControl(cp)).forEach(sb::appendCodePoint);
    return sb.toString().strip();
  }
}
