package dev.openocr.detect;

import dev.openocr.geometry.Quad;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns region and affinity heatmaps into word quads, as CRAFT's reference does. Pure functions:
 * every threshold is a parameter, coordinates stay in heatmap pixels (see {@link #toPage}).
 */
public final class HeatmapPostProcessor {
  private HeatmapPostProcessor() {}

  /**
   * Thresholds of the post-processing.
   *
   * @param textThreshold a component is kept only if its peak region score reaches this (0..1)
   * @param linkThreshold affinity above this links characters into words (0..1)
   * @param lowText region above this is text (0..1)
   * @param minSize components with fewer heatmap pixels are dropped
   */
  public record Thresholds(double textThreshold, double linkThreshold, double lowText, int minSize)
      implements java.io.Serializable {
    public Thresholds {
      check(textThreshold, "text threshold");
      check(linkThreshold, "link threshold");
      check(lowText, "low text");
      if (minSize < 0) {
        throw new IllegalArgumentException("Invalid min size: " + minSize);
      }
    }

    private static void check(double v, String name) {
      if (!(v > 0 && v < 1)) {
        throw new IllegalArgumentException("Invalid " + name + ": " + v);
      }
    }

    /** CRAFT's defaults. */
    public static Thresholds defaults() {
      return new Thresholds(0.7, 0.4, 0.4, 10);
    }
  }

  /**
   * How a word's box is grown from its thresholded region pixels. The region map is above
   * {@code lowText} only in the middle of each character's Gaussian, so the box must grow back to
   * the character edges. A fixed fraction of the component's thickness does that the same way at
   * every scale, for maps whose targets fill the characters' slices of the word box (what
   * {@code CraftTargets} makes now); {@code null} instead keeps CRAFT's reference dilation
   * ({@code 2 sqrt(pixels * short side / area)} pixels, less than proportional to size), which
   * bundles trained on ink-shaped character targets were tuned with.
   *
   * @param along fraction of the component's thickness added at each end of the text line
   * @param across fraction of the thickness added above and below the line
   */
  public record BoxGrowth(double along, double across) implements java.io.Serializable {
    public BoxGrowth {
      if (!(along >= 0 && along <= 2 && across >= 0 && across <= 2)) {
        throw new IllegalArgumentException("Invalid box growth: " + along + ", " + across
            + " (each 0..2)");
      }
    }

    /**
     * Chosen on perfect maps of held-out synthetic pages (the training targets fed through this
     * post-processing): 0.982 detection F1 at magnification 1.5, where CRAFT's dilation gets 0.822.
     */
    public static BoxGrowth defaults() {
      return new BoxGrowth(0.25, 0.35);
    }

    /** {@code "A,C"} or {@code craft} (null: the reference dilation). */
    public static BoxGrowth parse(String s) {
      if (s.equalsIgnoreCase("craft")) {
        return null;
      }
      String[] p = s.split(",");
      try {
        if (p.length == 2) {
          return new BoxGrowth(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()));
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("Box growth must be ALONG,ACROSS or craft: " + s);
    }
  }

  /** Word quads with CRAFT's reference dilation. */
  public static List<DetectedWord> boxes(float[] region, float[] affinity, int w, int h,
      Thresholds t) {
    return boxes(region, affinity, w, h, t, null);
  }

  /**
   * Word quads (heatmap pixel coordinates) with their peak region score; {@code growth} null
   * dilates as CRAFT's reference does.
   */
  public static List<DetectedWord> boxes(float[] region, float[] affinity, int w, int h,
      Thresholds t, BoxGrowth growth) {
    // threshold both maps and join them: characters linked by affinity form one word
    byte[] text = new byte[w * h];
    byte[] mask = new byte[w * h];
    for (int i = 0; i < w * h; i++) {
      boolean isText = region[i] > t.lowText();
      text[i] = (byte) (isText ? 1 : 0);
      mask[i] = (byte) (isText || affinity[i] > t.linkThreshold() ? 1 : 0);
    }
    int[] labels = new int[w * h];
    int n = ConnectedComponents.label(mask, w, h, labels);
    int[] count = new int[n + 1];
    float[] peak = new float[n + 1];
    int[] minX = new int[n + 1];
    int[] minY = new int[n + 1];
    int[] maxX = new int[n + 1];
    int[] maxY = new int[n + 1];
    java.util.Arrays.fill(minX, Integer.MAX_VALUE);
    java.util.Arrays.fill(minY, Integer.MAX_VALUE);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int l = labels[y * w + x];
        if (l == 0) {
          continue;
        }
        count[l]++;
        peak[l] = Math.max(peak[l], region[y * w + x]);
        minX[l] = Math.min(minX[l], x);
        minY[l] = Math.min(minY[l], y);
        maxX[l] = Math.max(maxX[l], x);
        maxY[l] = Math.max(maxY[l], y);
      }
    }
    List<DetectedWord> out = new ArrayList<>();
    for (int l = 1; l <= n; l++) {
      // size filtering, then the peak score decides whether this is text at all
      if (count[l] < t.minSize() || peak[l] < t.textThreshold()) {
        continue;
      }
      int bw = maxX[l] - minX[l] + 1;
      int bh = maxY[l] - minY[l] + 1;
      // dilate in proportion to the component's size, as the reference does, unless the
      // rectangle is grown afterwards
      int niter = growth != null ? 0
          : (int) (Math.sqrt(count[l] * Math.min(bw, bh) / (double) (bw * bh)) * 2);
      List<double[]> pts = segmentPoints(labels, text, w, h, l, minX[l], minY[l], maxX[l], maxY[l],
          niter);
      if (pts.isEmpty()) {
        continue;
      }
      double[][] rect = MinAreaRect.of(pts);
      rect = squareToAxisAligned(rect, pts);
      if (growth != null) {
        rect = grow(rect, growth);
      }
      out.add(new DetectedWord(Quad.ordered(rect), Math.min(1.0, peak[l])));
    }
    return out;
  }

  /**
   * The component's pixels minus the link-only ones, dilated by {@code niter} with a square
   * kernel, as pixel-corner points (so a one-pixel component still has an area).
   */
  static List<double[]> segmentPoints(int[] labels, byte[] text, int w, int h, int l, int x0, int y0,
      int x1, int y1, int niter) {
    int sx = Math.max(0, x0 - niter);
    int sy = Math.max(0, y0 - niter);
    int ex = Math.min(w - 1, x1 + niter);
    int ey = Math.min(h - 1, y1 + niter);
    int bw = ex - sx + 1;
    int bh = ey - sy + 1;
    boolean[] seg = new boolean[bw * bh];
    boolean any = false;
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        int i = y * w + x;
        // link-only pixels are dropped: the word box hugs the characters
        if (labels[i] == l && text[i] == 1) {
          seg[(y - sy) * bw + (x - sx)] = true;
          any = true;
        }
      }
    }
    if (!any) {
      for (int y = y0; y <= y1; y++) {
        for (int x = x0; x <= x1; x++) {
          if (labels[y * w + x] == l) {
            seg[(y - sy) * bw + (x - sx)] = true;
          }
        }
      }
    }
    boolean[] dil = niter > 0 ? dilate(seg, bw, bh, niter) : seg;
    List<double[]> pts = new ArrayList<>();
    // only boundary pixels matter for the hull
    for (int y = 0; y < bh; y++) {
      for (int x = 0; x < bw; x++) {
        if (!dil[y * bw + x]) {
          continue;
        }
        boolean edge = x == 0 || y == 0 || x == bw - 1 || y == bh - 1 || !dil[y * bw + x - 1]
            || !dil[y * bw + x + 1] || !dil[(y - 1) * bw + x] || !dil[(y + 1) * bw + x];
        if (edge) {
          double px = x + sx;
          double py = y + sy;
          pts.add(new double[] {px, py});
          pts.add(new double[] {px + 1, py});
          pts.add(new double[] {px, py + 1});
          pts.add(new double[] {px + 1, py + 1});
        }
      }
    }
    return pts;
  }

  /**
   * A rectangle (corners in order around it) grown along its own axes: the long axis is taken as
   * the text line, and both margins are fractions of the short side.
   */
  static double[][] grow(double[][] r, BoxGrowth g) {
    double ux = r[1][0] - r[0][0];
    double uy = r[1][1] - r[0][1];
    double vx = r[3][0] - r[0][0];
    double vy = r[3][1] - r[0][1];
    double lu = Math.hypot(ux, uy);
    double lv = Math.hypot(vx, vy);
    if (lu < 1e-9 || lv < 1e-9) {
      return r;
    }
    boolean uLong = lu >= lv;
    double thick = Math.min(lu, lv);
    double du = (uLong ? g.along() : g.across()) * thick / lu;
    double dv = (uLong ? g.across() : g.along()) * thick / lv;
    return new double[][] {
        {r[0][0] - ux * du - vx * dv, r[0][1] - uy * du - vy * dv},
        {r[1][0] + ux * du - vx * dv, r[1][1] + uy * du - vy * dv},
        {r[2][0] + ux * du + vx * dv, r[2][1] + uy * du + vy * dv},
        {r[3][0] - ux * du + vx * dv, r[3][1] - uy * du + vy * dv}};
  }

  /** Separable square dilation by {@code r} pixels. */
  static boolean[] dilate(boolean[] m, int w, int h, int r) {
    boolean[] tmp = new boolean[m.length];
    for (int y = 0; y < h; y++) {
      int last = -r - 1;
      for (int x = 0; x < w + r; x++) {
        if (x < w && m[y * w + x]) {
          last = x;
        }
        int tx = x;
        if (tx < w && tx - last <= r) {
          tmp[y * w + tx] = true;
        }
      }
      last = w + r + 1;
      for (int x = w - 1; x >= 0; x--) {
        if (m[y * w + x]) {
          last = x;
        }
        if (last - x <= r) {
          tmp[y * w + x] = true;
        }
      }
    }
    boolean[] out = new boolean[m.length];
    for (int x = 0; x < w; x++) {
      int last = -r - 1;
      for (int y = 0; y < h; y++) {
        if (tmp[y * w + x]) {
          last = y;
        }
        if (y - last <= r) {
          out[y * w + x] = true;
        }
      }
      last = h + r + 1;
      for (int y = h - 1; y >= 0; y--) {
        if (tmp[y * w + x]) {
          last = y;
        }
        if (last - y <= r) {
          out[y * w + x] = true;
        }
      }
    }
    return out;
  }

  /**
   * A nearly square rotated rectangle (a diamond-shaped blob) is replaced by the points' axis-aligned
   * bounds, as the reference does, so single characters do not come out at 45 degrees.
   */
  static double[][] squareToAxisAligned(double[][] rect, List<double[]> pts) {
    double w = Math.hypot(rect[1][0] - rect[0][0], rect[1][1] - rect[0][1]);
    double h = Math.hypot(rect[2][0] - rect[1][0], rect[2][1] - rect[1][1]);
    if (Math.abs(1 - Math.max(w, h) / (Math.min(w, h) + 1e-5)) > 0.1) {
      return rect;
    }
    double l = Double.MAX_VALUE;
    double t = Double.MAX_VALUE;
    double r = -Double.MAX_VALUE;
    double b = -Double.MAX_VALUE;
    for (double[] p : pts) {
      l = Math.min(l, p[0]);
      t = Math.min(t, p[1]);
      r = Math.max(r, p[0]);
      b = Math.max(b, p[1]);
    }
    return new double[][] {{l, t}, {r, t}, {r, b}, {l, b}};
  }

  /** Maps a heatmap quad to page pixels: heatmap is at half the network input, input = page * ratio. */
  public static Quad toPage(Quad q, double ratio, double offsetX, double offsetY) {
    double s = 2.0 / ratio;
    return q.scale(s, s).translate(offsetX, offsetY);
  }
}
