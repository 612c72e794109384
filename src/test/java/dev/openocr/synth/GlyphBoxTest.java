package dev.openocr.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.geometry.Quad;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Character quads against the ink each glyph really leaves on the canvas. */
class GlyphBoxTest {
  /** Ink level (0..255) counted as a glyph's own ink. */
  private static final int OWN_INK = 40;
  /** Ink level counted as clearly belonging to another glyph. */
  private static final int OTHER_INK = 128;
  /** Blank space around the line on the test canvas, pixels. */
  private static final int MARGIN = 40;

  @Test
  void charQuadsEncloseOwnInkAndNoOtherGlyphsInk() {
    for (Lang lang : Lang.values()) {
      FontBank bank = FontBank.defaults(lang);
      String text = lang == Lang.KO ? "한글 문서 AB-12 가격 $3.50" : "Invoice No. AB-1234/X $1,234.56";
      for (FontFace face : List.of(bank.faces().get(0), bank.faces().get(bank.faces().size() / 2))) {
        for (double angle : new double[] {0, 0.05, Math.PI / 2}) {
          check(TextStyle.of(face, 24, 0, 0), text, angle, 1);
        }
        // drawn at 300 dpi and averaged down to 100 dpi
        check(TextStyle.of(face, 14, 0, 0), text, 0.03, 3);
        // condensed glyphs (the font carries the transform)
        check(TextStyle.of(face, 20, 0, 0).withWidthScale(0.85), text, 0, 1);
      }
    }
  }

  @Test
  void gtTextEqualsTheDrawnString() {
    FontFace face = FontBank.defaults(Lang.EN).faces().get(0);
    TextStyle st = TextStyle.of(face, 20, 1.5, 0);
    String s = "TO:  J. Smith   (555) 123-4567";
    try (InkCanvas c = new InkCanvas(600, 60, 1)) {
      c.drawText(st.layout(s), s, AffineTransform.getTranslateInstance(5, 40), 0);
      assertThat(c.words()).extracting(SynthWord::text)
          .containsExactly("TO:", "J.", "Smith", "(555)", "123-4567");
      assertThat(c.lines()).singleElement().extracting(SynthLine::text)
          .isEqualTo("TO: J. Smith (555) 123-4567");
    }
  }

  private static void check(TextStyle st, String text, double angle, int scale) {
    // a canvas just large enough for the line (upright or turned by 90 degrees)
    int len = (int) Math.ceil(st.width(text)) + 2 * MARGIN;
    boolean vertical = angle > 1;
    int w = vertical ? 2 * MARGIN : len;
    int h = vertical ? len : 2 * MARGIN + (int) (len * Math.abs(Math.sin(angle)));
    AffineTransform at = vertical ? AffineTransform.getTranslateInstance(MARGIN / 2.0, MARGIN)
        : AffineTransform.getTranslateInstance(MARGIN, MARGIN);
    at.rotate(angle);
    List<Quad> quads;
    try (InkCanvas full = new InkCanvas(w, h, scale)) {
      full.drawText(st.layout(text), text, at, 0);
      quads = full.words().stream().flatMap(x -> x.chars().stream()).toList();
    }
    GlyphVector gv = st.layout(text);
    byte[][] alone = new byte[text.length()][];
    for (int k = 0; k < text.length(); k++) {
      if (text.charAt(k) == ' ') {
        continue;
      }
      Point2D p = gv.getGlyphPosition(k);
      AffineTransform ak = new AffineTransform(at);
      ak.translate(p.getX(), p.getY());
      String one = text.substring(k, k + 1);
      try (InkCanvas c = new InkCanvas(w, h, scale)) {
        c.drawText(st.layout(one), one, ak, 0);
        alone[k] = c.inkMap();
      }
    }
    int q = 0;
    for (int k = 0; k < text.length(); k++) {
      if (alone[k] == null) {
        continue;
      }
      Quad box = grow(quads.get(q++), 1.0);
      int own = 0;
      for (int i = 0; i < w * h; i++) {
        if ((alone[k][i] & 0xff) > OWN_INK) {
          own++;
          assertThat(box.contains(i % w + 0.5, i / w + 0.5))
              .as("ink of '%s' in %s at angle %s: pixel %d,%d ink %d outside %s", text.charAt(k),
                  st.face().name(), angle, i % w, i / w, alone[k][i] & 0xff, box)
              .isTrue();
        }
      }
      assertThat(own).as("'%s' leaves ink", text.charAt(k)).isPositive();
      Quad inner = grow(quads.get(q - 1), -1.0);
      for (int j = 0; j < text.length(); j++) {
        if (j == k || alone[j] == null) {
          continue;
        }
        int inside = 0;
        var b = inner.bounds().clip(w, h);
        for (int y = (int) b.top(); y < (int) Math.ceil(b.bottom()); y++) {
          for (int x = (int) b.left(); x < (int) Math.ceil(b.right()); x++) {
            if ((alone[j][y * w + x] & 0xff) > OTHER_INK && inner.contains(x + 0.5, y + 0.5)) {
              inside++;
            }
          }
        }
        assertThat(inside).as("ink of '%s' inside the box of '%s' (%s)", text.charAt(j),
            text.charAt(k), st.face().name()).isLessThanOrEqualTo(2);
      }
    }
  }

  /** Each edge of the (rectangular) quad moved out by {@code d} pixels (in if negative). */
  private static Quad grow(Quad q, double d) {
    double ux = q.x1() - q.x0();
    double uy = q.y1() - q.y0();
    double ul = Math.max(1e-9, Math.hypot(ux, uy));
    double vx = q.x3() - q.x0();
    double vy = q.y3() - q.y0();
    double vl = Math.max(1e-9, Math.hypot(vx, vy));
    ux *= d / ul;
    uy *= d / ul;
    vx *= d / vl;
    vy *= d / vl;
    return new Quad(q.x0() - ux - vx, q.y0() - uy - vy, q.x1() + ux - vx, q.y1() + uy - vy,
        q.x2() + ux + vx, q.y2() + uy + vy, q.x3() - ux + vx, q.y3() - uy + vy);
  }
}
