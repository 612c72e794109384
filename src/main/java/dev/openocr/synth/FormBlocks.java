package dev.openocr.synth;

import java.awt.geom.Ellipse2D;

/**
 * Form and table blocks of a page: labels with values (underlined, boxed or in a column), check
 * boxes, and tables with or without rules. Sizes are output pixels.
 */
final class FormBlocks {
  /** Share of underlined fields drawn as dotted leaders instead. */
  private static final double DOTTED_PROB = 0.25;

  private final PageComposer page;
  private final InkCanvas canvas;
  private final Rng rng;
  private final TextSource text;
  private final double left;
  private final double right;
  private final double bottom;

  FormBlocks(PageComposer page, InkCanvas canvas, Rng rng, TextSource text, double left,
             double right, double bottom) {
    this.page = page;
    this.canvas = canvas;
    this.rng = rng;
    this.text = text;
    this.left = left;
    this.right = right;
    this.bottom = bottom;
  }

  /** Rows of label/value fields starting at {@code y}; returns the bottom of the block. */
  double form(double y) {
    double size = page.bodySize();
    TextStyle lab = page.style("DATE: 0123", size, rng.chance(0.35));
    TextStyle val = page.style("Sample 0123", size * rng.uniform(0.9, 1.1), false);
    if (lab == null || val == null) {
      return y;
    }
    int rows = rng.range(1, 6);
    double pitch = size * rng.uniform(1.6, 2.6);
    double base = y + lab.ascent();
    boolean underline = rng.chance(0.6);
    boolean boxed = !underline && rng.chance(0.3);
    boolean dotted = underline && rng.chance(DOTTED_PROB);
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
        double lw = page.put(lab, label, x, base, 0);
        if (lw < 0) {
          break;
        }
        double vx = (f == 0 && colX > x + lw) ? colX : x + lw + size * rng.uniform(0.5, 2);
        String v = rng.chance(0.5) ? text.token(rng) : text.text(rng, rng.range(4, 30));
        double span = Math.min(right - vx, val.width(v) + size * rng.uniform(1, 8));
        if (span <= 0) {
          break;
        }
        double vw = rng.chance(0.85)
            ? page.put(val, v, vx + size * rng.uniform(0, 0.8), base, 0) : 0;
        double end = vx + Math.max(span, vw);
        if (dotted) {
          leader(vx, Math.min(right, end), base + val.descent() * 0.6, lab.gray());
        } else if (underline) {
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

  /** A dotted leader line ("Name ........") from {@code x0} to {@code x1} at height {@code y}. */
  private void leader(double x0, double x1, double y, int gray) {
    double step = rng.uniform(2.5, 5);
    double r = rng.uniform(0.5, 0.9);
    for (double x = x0; x < x1; x += step) {
      canvas.shape(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r), 0, gray);
    }
  }

  /** A row of check boxes with options, some ticked; returns the x after the last one. */
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
      double w = page.put(st, opt, x + box + st.size() * 0.4, base, 0);
      x += box + st.size() * 1.5 + Math.max(0, w);
    }
    return x;
  }

  /** A table of words and tokens starting at {@code y}; returns its bottom. */
  double table(double y) {
    double size = page.bodySize() * rng.uniform(0.85, 1.0);
    TextStyle st = page.style("Total 0123", size, false);
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
        // first column and half the cells left-aligned, the others right-aligned (numbers)
        double x = c == 0 || rng.chance(0.5) ? left + c * colW + pad
            : left + (c + 1) * colW - pad - w;
        if (w < colW - 2 * pad) {
          page.put(st, fit, x, base, 0);
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
}
