package dev.openocr.synth;

import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays a document out on an {@link InkCanvas} from top to bottom: headings, paragraphs (one or
 * two columns), forms (labels with values, underlines, boxes, check boxes), tables, words rotated
 * by 90 degrees in the margins and a stamped number. Sizes are output pixels.
 */
final class PageComposer {
  /** Line pitch as a multiple of the em size. */
  private static final double LINE_PITCH_MIN = 1.15;
  private static final double LINE_PITCH_MAX = 1.7;
  /** Gap between blocks as a multiple of the em size. */
  private static final double BLOCK_GAP_MAX = 3.0;
  /** Share of block gaps that are wide (sparse forms leave much paper blank), and their size. */
  private static final double WIDE_GAP_PROB = 0.15;
  private static final double WIDE_GAP_MAX = 9.0;
  /** Tallest graphic block, pixels. */
  private static final double GRAPHIC_MAX_H = 70;
  /** Words on rubber stamps. */
  private static final String[] STAMP_WORDS = {"RECEIVED", "APPROVED", "CONFIDENTIAL", "COPY",
      "PAID", "FILED", "URGENT", "DRAFT", "VOID", "ORIGINAL", "CHECKED", "POSTED"};
  /** Stamp ink is lighter than typed ink: gray levels. */
  private static final int STAMP_GRAY_MIN = 30;
  private static final int STAMP_GRAY_MAX = 130;
  /** Largest stamp tilt in degrees. */
  private static final double STAMP_ANGLE_MAX = 25;
  /** Heading sizes as multiples of the largest body size. */
  private static final double HEADING_MIN = 1.0;
  private static final double HEADING_MAX = 2.2;
  /** Page margins as a fraction of the page width. */
  private static final double MARGIN_MIN = 0.04;
  private static final double MARGIN_MAX = 0.13;

  private final InkCanvas canvas;
  private final Rng rng;
  private final SynthConfig cfg;
  private final TextSource text;
  private final FontBank fonts;
  private final double left;
  private final double right;
  private final double bottom;

  private final boolean typed;
  private final FormBlocks forms;
  private final double fontMin;
  private final double fontMax;

  PageComposer(InkCanvas canvas, Rng rng, SynthConfig cfg, TextSource text, FontBank fonts,
               boolean typed) {
    this.typed = typed;
    this.fontMin = cfg.fontMin(text.lang());
    this.fontMax = cfg.fontMax(text.lang());
    this.canvas = canvas;
    this.rng = rng;
    this.cfg = cfg;
    this.text = text;
    this.fonts = fonts;
    double w = canvas.width();
    this.left = w * rng.uniform(MARGIN_MIN, MARGIN_MAX);
    this.right = w - w * rng.uniform(MARGIN_MIN, MARGIN_MAX);
    this.bottom = canvas.height() - canvas.height() * rng.uniform(0.03, 0.1);
    this.forms = new FormBlocks(this, canvas, rng, text, left, right, bottom);
  }

  /** Fills the page with blocks. */
  void compose() {
    double y = canvas.height() * rng.uniform(0.03, 0.12);
    double[] weights = {cfg.headingWeight, cfg.paragraphWeight, cfg.formWeight, cfg.tableWeight,
        cfg.graphicWeight};
    int guard = 0;
    while (y < bottom - fontMin * 2 && guard++ < 200) {
      int kind = rng.weighted(weights);
      double end = switch (kind) {
        case 0 -> heading(y);
        case 1 -> rng.chance(cfg.twoColumnProb) ? twoColumns(y) : paragraph(y, left, right);
        case 2 -> forms.form(y);
        case 3 -> forms.table(y);
        default -> y + Graphics.draw(canvas, rng, left, right, y, Math.min(GRAPHIC_MAX_H,
            bottom - y));
      };
      double gap = rng.chance(WIDE_GAP_PROB) ? rng.uniform(BLOCK_GAP_MAX, WIDE_GAP_MAX)
          : rng.uniform(0.3, BLOCK_GAP_MAX);
      y = Math.max(end, y + fontMin) + fontMin * gap;
    }
    rotatedWords();
    if (rng.chance(cfg.stampProb)) {
      stamp();
    }
  }

  /** A rubber stamp: a boxed, tilted, lighter word (and sometimes a date) anywhere on the page. */
  private void stamp() {
    String word = rng.pick(STAMP_WORDS);
    TextStyle st = style(word, fontMax * rng.uniform(1.0, 1.8), true);
    if (st == null) {
      return;
    }
    int gray = rng.range(STAMP_GRAY_MIN, STAMP_GRAY_MAX);
    String date = rng.chance(0.5) ? DocStrings.date(rng, text.lang()) : null;
    TextStyle small = date == null ? null : style(date, st.size() * 0.6, false);
    double w = Math.max(st.width(word), small == null ? 0 : small.width(date));
    double lineH = st.ascent() + st.descent();
    double h = lineH + (small == null ? 0 : small.ascent() + small.descent());
    if (w > canvas.width() * 0.8) {
      return;
    }
    double angle = Math.toRadians(rng.uniform(-STAMP_ANGLE_MAX, STAMP_ANGLE_MAX));
    double x = rng.uniform(left, Math.max(left + 1, right - w));
    double y = rng.uniform(h + 10, canvas.height() - h - 10);
    AffineTransform at = AffineTransform.getTranslateInstance(x, y);
    at.rotate(angle);
    canvas.drawText(st.layout(word, rng), word, at, gray);
    if (small != null) {
      AffineTransform at2 = new AffineTransform(at);
      at2.translate((w - small.width(date)) / 2, st.descent() + small.ascent());
      canvas.drawText(small.layout(date, rng), date, at2, gray);
    }
    double pad = st.size() * 0.25;
    canvas.shape(at.createTransformedShape(new Rectangle2D.Double(-pad, -st.ascent() - pad,
        w + 2 * pad, h + 2 * pad)), rng.uniform(1, 2.5), gray);
  }

  TextStyle style(String sample, double size, boolean bold) {
    FontFace face = fonts.pick(rng, sample, cfg.monoWeight, bold);
    if (face == null) {
      return null;
    }
    double tracking = rng.chance(cfg.trackingProb) ? rng.uniform(0, cfg.trackingMax) * size : 0;
    double dark = cfg.inkDarkness * (1 - rng.uniform(0, cfg.inkJitter));
    TextStyle st = TextStyle.of(face, size, tracking, (int) Math.round(255 * (1 - dark)));
    if (rng.chance(cfg.widthScaleProb)) {
      st = st.withWidthScale(1 + rng.uniform(-cfg.widthScaleMax, cfg.widthScaleMax));
    }
    return typed && face.mono() ? st.withJitter(cfg.typewriterJitter * size) : st;
  }

  double bodySize() {
    return rng.uniform(fontMin, fontMax);
  }

  private double angle() {
    return rng.chance(cfg.smallAngleProb) ? Math.toRadians(rng.signed(rng.uniform(0.3,
        cfg.smallAngleMax))) : 0;
  }

  /** Draws {@code s} with its baseline starting at (x, baseline); returns its advance or -1. */
  double put(TextStyle st, String s, double x, double baseline, double angle) {
    if (st == null || s.isBlank() || !st.face().canDraw(s)) {
      return -1;
    }
    GlyphVector gv = st.layout(s, rng);
    double adv = InkCanvas.advance(gv);
    double top = baseline - st.ascent();
    double bot = baseline + st.descent();
    if (x < 0 || x + adv > canvas.width() || top < 0 || bot > canvas.height()) {
      return -1;
    }
    AffineTransform at = AffineTransform.getTranslateInstance(x, baseline);
    if (angle != 0) {
      at.rotate(angle);
    }
    canvas.drawText(gv, s, at, st.gray());
    return adv;
  }

  /** Greedy wrap of {@code words} into {@code width}; returns the lines. */
  private static List<String> wrap(TextStyle st, List<String> words, double width, int maxLines) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String w : words) {
      String cand = cur.length() == 0 ? w : cur + " " + w;
      if (st.width(cand) <= width) {
        cur.setLength(0);
        cur.append(cand);
      } else {
        if (cur.length() > 0) {
          out.add(cur.toString());
        }
        if (out.size() >= maxLines) {
          return out;
        }
        cur.setLength(0);
        if (st.width(w) <= width) {
          cur.append(w);
        }
      }
    }
    if (cur.length() > 0 && out.size() < maxLines) {
      out.add(cur.toString());
    }
    return out;
  }

  private List<String> words(int minChars) {
    List<String> ws = new ArrayList<>();
    int n = 0;
    while (n < minChars) {
      for (String w : text.text(rng, 200).split(" ")) {
        if (!w.isEmpty()) {
          ws.add(w);
          n += w.length() + 1;
        }
      }
    }
    return ws;
  }

  private double heading(double y) {
    double size = fontMax * rng.uniform(HEADING_MIN, HEADING_MAX);
    String s = text.text(rng, rng.range(8, 40));
    if (rng.chance(0.6)) {
      s = s.toUpperCase(Locale.ROOT);
    }
    TextStyle st = style(s, size, rng.chance(0.6));
    if (st == null) {
      return y;
    }
    List<String> ls = wrap(st, List.of(s.split(" ")), right - left, 2);
    double pitch = size * rng.uniform(LINE_PITCH_MIN, 1.4);
    double base = y + st.ascent();
    int align = rng.nextInt(3);
    boolean underlined = rng.chance(cfg.headingUnderlineProb);
    for (String l : ls) {
      double w = st.width(l);
      double x = align == 0 ? left : align == 1 ? (left + right - w) / 2 : right - w;
      if (put(st, l, x, base, 0) > 0 && underlined) {
        canvas.line(x, base + st.descent() * 0.5, x + w, base + st.descent() * 0.5,
            Math.max(0.8, size / 14), st.gray());
      }
      base += pitch;
    }
    return base - pitch + st.descent();
  }

  private double twoColumns(double y) {
    double gap = (right - left) * rng.uniform(0.04, 0.1);
    double mid = (left + right) / 2;
    double a = paragraph(y, left, mid - gap / 2);
    double b = paragraph(y, mid + gap / 2, right);
    return Math.max(a, b);
  }

  private double paragraph(double y, double x0, double x1) {
    double size = bodySize();
    List<String> ws = words(rng.range(40, 400));
    TextStyle st = style(String.join(" ", ws), size, rng.chance(cfg.boldProb));
    if (st == null) {
      return y;
    }
    double pitch = size * rng.uniform(LINE_PITCH_MIN, LINE_PITCH_MAX);
    int maxLines = (int) Math.max(1, Math.min(rng.range(1, 12), (bottom - y) / pitch));
    double indent = rng.chance(0.3) ? size * rng.uniform(1, 4) : 0;
    List<String> ls = wrap(st, ws, x1 - x0 - indent, maxLines);
    int align = rng.weighted(new double[] {6, 1, 1});
    double angle = angle();
    double base = y + st.ascent();
    for (int i = 0; i < ls.size(); i++) {
      String l = ls.get(i);
      double w = st.width(l);
      double xl = x0 + (i == 0 ? indent : 0);
      double x = align == 0 ? xl : align == 1 ? (x0 + x1 - w) / 2 : x1 - w;
      double dy = angle == 0 ? 0 : Math.tan(angle) * (x - x0);
      put(st, l, x, base + dy, angle);
      base += pitch;
    }
    return base - pitch + st.descent() + Math.abs(Math.tan(angle)) * (x1 - x0);
  }

  /** A few words rotated by 90 degrees in the side margins. */
  private void rotatedWords() {
    double expected = cfg.rotated90PerPage;
    int n = 0;
    while (rng.chance(expected / (expected + 1)) && n < 4) {
      n++;
      double size = bodySize();
      String w = rng.chance(0.5) ? text.token(rng) : text.word(rng);
      TextStyle st = style(w, size, false);
      if (st == null) {
        continue;
      }
      double adv = st.width(w);
      boolean leftSide = rng.chance(0.5);
      double marginW = leftSide ? left : canvas.width() - right;
      if (marginW < st.ascent() + st.descent() + 2 || adv > canvas.height() * 0.8) {
        continue;
      }
      double yy = rng.uniform(10, canvas.height() - adv - 10);
      AffineTransform at;
      if (leftSide) {
        // reads bottom to top: rotate 90 degrees anticlockwise
        double x = rng.uniform(st.ascent() + 1, marginW - st.descent() - 1);
        at = AffineTransform.getTranslateInstance(x, yy + adv);
        at.rotate(-Math.PI / 2);
      } else {
        double x = right + rng.uniform(st.descent() + 1, marginW - st.ascent() - 1);
        at = AffineTransform.getTranslateInstance(x, yy);
        at.rotate(Math.PI / 2);
      }
      canvas.drawText(st.layout(w, rng), w, at, st.gray());
    }
  }
}
