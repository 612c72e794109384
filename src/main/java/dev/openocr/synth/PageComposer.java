package dev.openocr.synth;

import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
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

  PageComposer(InkCanvas canvas, Rng rng, SynthConfig cfg, TextSource text, FontBank fonts) {
    this.canvas = canvas;
    this.rng = rng;
    this.cfg = cfg;
    this.text = text;
    this.fonts = fonts;
    double w = canvas.width();
    this.left = w * rng.uniform(MARGIN_MIN, MARGIN_MAX);
    this.right = w - w * rng.uniform(MARGIN_MIN, MARGIN_MAX);
    this.bottom = canvas.height() - canvas.height() * rng.uniform(0.03, 0.1);
  }

  /** Fills the page with blocks. */
  void compose() {
    double y = canvas.height() * rng.uniform(0.03, 0.12);
    double[] weights = {cfg.headingWeight, cfg.paragraphWeight, cfg.formWeight, cfg.tableWeight};
    int guard = 0;
    while (y < bottom - cfg.fontMin * 2 && guard++ < 200) {
      int kind = rng.weighted(weights);
      double end = switch (kind) {
        case 0 -> heading(y);
        case 1 -> rng.chance(cfg.twoColumnProb) ? twoColumns(y) : paragraph(y, left, right);
        case 2 -> form(y);
        default -> table(y);
      };
      y = Math.max(end, y + cfg.fontMin) + cfg.fontMin * rng.uniform(0.3, BLOCK_GAP_MAX);
    }
    rotatedWords();
  }

  private TextStyle style(String sample, double size, boolean bold) {
    FontFace face = fonts.pick(rng, sample, cfg.monoWeight, bold);
    if (face == null) {
      return null;
    }
    double tracking = rng.chance(cfg.trackingProb) ? rng.uniform(0, cfg.trackingMax) * size : 0;
    double dark = cfg.inkDarkness * (1 - rng.uniform(0, cfg.inkJitter));
    return TextStyle.of(face, size, tracking, (int) Math.round(255 * (1 - dark)));
  }

  private double bodySize() {
    return rng.uniform(cfg.fontMin, cfg.fontMax);
  }

  private double angle() {
    return rng.chance(cfg.smallAngleProb) ? Math.toRadians(rng.signed(rng.uniform(0.3,
        cfg.smallAngleMax))) : 0;
  }

  /** Draws {@code s} with its baseline starting at (x, baseline); returns its advance or -1. */
  private double put(TextStyle st, String s, double x, double baseline, double angle) {
    if (st == null || s.isBlank() || !st.face().canDraw(s)) {
      return -1;
    }
    GlyphVector gv = st.layout(s);
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
    double size = cfg.fontMax * rng.uniform(HEADING_MIN, HEADING_MAX);
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
    for (String l : ls) {
      double w = st.width(l);
      double x = align == 0 ? left : align == 1 ? (left + right - w) / 2 : right - w;
      put(st, l, x, base, 0);
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

  private double form(double y) {
    double size = bodySize();
    TextStyle lab = style("DATE: 0123", size, rng.chance(0.35));
    TextStyle val = style("Sample 0123", size * rng.uniform(0.9, 1.1), false);
    if (lab == null || val == null) {
      return y;
    }
    int rows = rng.range(1, 6);
    double pitch = size * rng.uniform(1.6, 2.6);
    double base = y + lab.ascent();
    boolean underline = rng.chance(0.6);
    boolean boxed = !underline && rng.chance(0.3);
    double colX = rng.chance(0.5) ? left + (right - left) * rng.uniform(0.15, 0.35) : -1;
    for (int r = 0; r < rows && base + lab.descent() < bottom; r++) {
      double x = left;
      int fields = rng.range(1, 3);
      for (int f = 0; f < fields && x < right; f++) {
        if (rng.chance(0.12)) {
          x = checkBoxes(lab, x, base);
          continue;
        }
        String label = text.label(rng);
        double lw = put(lab, label, x, base, 0);
        if (lw < 0) {
          break;
        }
        double vx = (f == 0 && colX > x + lw) ? colX : x + lw + size * rng.uniform(0.5, 2);
        String v = rng.chance(0.5) ? text.token(rng) : text.text(rng, rng.range(4, 30));
        double span = Math.min(right - vx, val.width(v) + size * rng.uniform(1, 8));
        if (span <= 0) {
          break;
        }
        double vw = rng.chance(0.85) ? put(val, v, vx + size * rng.uniform(0, 0.8), base, 0) : 0;
        double end = vx + Math.max(span, vw);
        if (underline) {
          canvas.line(vx, base + val.descent() * rng.uniform(0.4, 1.3), Math.min(right, end),
              base + val.descent() * 0.9, rng.uniform(0.6, 1.6), lab.gray());
        } else if (boxed) {
          canvas.rect(vx - 2, base - val.ascent() - 2, Math.min(right, end) - vx + 4,
              val.ascent() + val.descent() + 4, rng.uniform(0.6, 1.4), lab.gray());
        }
        x = end + size * rng.uniform(1, 4);
      }
      base += pitch;
    }
    return base - pitch + lab.descent() + 3;
  }

  private double checkBoxes(TextStyle st, double x, double base) {
    int n = rng.range(2, 4);
    double box = st.size() * rng.uniform(0.6, 0.9);
    for (int i = 0; i < n; i++) {
      if (x + box > right) {
        break;
      }
      canvas.rect(x, base - box, box, box, rng.uniform(0.6, 1.3), st.gray());
      if (rng.chance(0.35)) {
        canvas.line(x + 1, base - box + 1, x + box - 1, base - 1, 1.2, st.gray());
        canvas.line(x + box - 1, base - box + 1, x + 1, base - 1, 1.2, st.gray());
      }
      String opt = rng.chance(0.6) ? rng.pick(new String[] {"Yes", "No", "N/A", "Other"})
          : text.word(rng);
      double w = put(st, opt, x + box + st.size() * 0.4, base, 0);
      x += box + st.size() * 1.5 + Math.max(0, w);
    }
    return x;
  }

  private double table(double y) {
    double size = bodySize() * rng.uniform(0.85, 1.0);
    TextStyle st = style("Total 0123", size, false);
    if (st == null) {
      return y;
    }
    int cols = rng.range(2, 5);
    int rows = rng.range(2, 7);
    double rowH = size * rng.uniform(1.5, 2.2);
    double colW = (right - left) / cols;
    boolean grid = rng.chance(0.6);
    double bottomY = Math.min(bottom, y + rows * rowH);
    rows = (int) ((bottomY - y) / rowH);
    if (rows < 1) {
      return y;
    }
    for (int r = 0; r < rows; r++) {
      double base = y + r * rowH + (rowH + st.ascent() - st.descent()) / 2;
      for (int c = 0; c < cols; c++) {
        String cell = r == 0 || c == 0 ? text.word(rng) : rng.chance(0.6) ? text.token(rng)
            : text.word(rng);
        String fit = TextSource.trimTo(cell, Math.max(1, (int) (colW / (size * 0.6))));
        double w = st.width(fit);
        double pad = size * 0.3;
        double x = c == 0 || rng.chance(0.5) ? left + c * colW + pad : left + (c + 1) * colW - pad - w;
        if (w < colW - 2 * pad) {
          put(st, fit, x, base, 0);
        }
      }
    }
    if (grid) {
      double t = rng.uniform(0.6, 1.4);
      for (int r = 0; r <= rows; r++) {
        canvas.line(left, y + r * rowH, right, y + r * rowH, t, st.gray());
      }
      for (int c = 0; c <= cols; c++) {
        canvas.line(left + c * colW, y, left + c * colW, y + rows * rowH, t, st.gray());
      }
    }
    return y + rows * rowH;
  }

  /** A few words rotated by 90 degrees in the side margins, and sometimes a stamped number. */
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
      canvas.drawText(st.layout(w), w, at, st.gray());
    }
  }
}
