package dev.openocr.detect;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import dev.openocr.geometry.Box;
import dev.openocr.geometry.Quad;
import dev.openocr.imageio.GrayImage;
import dev.openocr.imageio.Resize;
import java.util.ArrayList;
import java.util.List;

/**
 * One thread's detector: scale the page, run the network (in overlapping tiles when the page is
 * large, stitching the heatmaps so words crossing tile edges stay whole), post-process, map back.
 */
final class DjlDetector implements TextDetector {
  private final Predictor<DetectorTranslator.Input, Heatmaps> predictor;
  private final DetectorSpec spec;
  private final DetectorOptions options;
  /** The page probed last, shared with the views of {@link #withOptions}. */
  private final LastPage last;
  /** False for a view: closing it leaves the predictor to the detector it came from. */
  private final boolean ownsPredictor;

  DjlDetector(Predictor<DetectorTranslator.Input, Heatmaps> predictor, DetectorSpec spec,
      DetectorOptions options) {
    this(predictor, spec, options, new LastPage(), true);
  }

  private DjlDetector(Predictor<DetectorTranslator.Input, Heatmaps> predictor, DetectorSpec spec,
      DetectorOptions options, LastPage last, boolean ownsPredictor) {
    this.predictor = predictor;
    this.spec = spec;
    this.options = options;
    this.last = last;
    this.ownsPredictor = ownsPredictor;
  }

  /**
   * The page (by identity) of the last {@link #probe}, its probe scale and heatmaps. One thread
   * uses a detector and its views, so it needs no lock.
   */
  private static final class LastPage {
    GrayImage page;
    double scale;
    Heatmaps maps;
    DetectorOptions options;
    /** The probe's words with the prober's settings, before the text threshold and padding. */
    List<DetectedWord> all;

    /** Lets go of the page and its heatmaps, once used or when the detector closes. */
    void clear() {
      page = null;
      maps = null;
      all = null;
    }
  }

  /**
   * A view with other post-processing settings on this detector's network and thread; on the
   * page this detector probed last, it starts from that probe ({@link #probe}), and keeps the
   * probe's scale where its own auto scale would choose a smaller one: a second pass at a coarser
   * scale costs more than it gains (Korean print after the English probe: 15% more time a page
   * for 0.016 more end-to-end F1).
   */
  @Override
  public TextDetector withOptions(DetectorOptions other) {
    return new DjlDetector(predictor, spec, other, last, false);
  }

  /**
   * The first pass of {@link #detect}: the page at the probe scale of the auto scale (the fixed
   * scale without one), post-processed with this detector's settings. Its heatmaps are kept, and
   * the next {@link #detect} of the same page, by this detector or a view, starts from them.
   */
  @Override
  public List<DetectedWord> probe(GrayImage page) {
    double scale = probeScale(page);
    Heatmaps maps = heatmaps(page, scale);
    last.page = page;
    last.scale = scale;
    last.maps = maps;
    last.options = options;
    List<DetectedWord> all = unpadded(maps, scale, searched());
    last.all = all;
    return padded(reaching(all, options.thresholds().textThreshold()), page.width(),
        page.height(), options);
  }

  @Override
  public List<DetectedWord> detect(GrayImage page) {
    double scale;
    HeatmapPostProcessor.Thresholds t = options.thresholds();
    DetectorOptions searched = searched();
    List<DetectedWord> all;
    // another detector's probe: a finer scale than this one would choose is kept
    boolean othersProbe = last.page == page && last.options != options;
    if (last.page == page) {
      scale = last.scale;
      all = othersProbe ? unpadded(last.maps, scale, searched) : last.all;
      last.clear();
    } else {
      scale = probeScale(page);
      all = unpadded(heatmaps(page, scale), scale, searched);
    }
    AutoScale auto = options.autoScale();
    if (auto != null) {
      double chosen = auto.choose(scale,
          AutoScale.medianThickness(reaching(all, t.textThreshold())),
          Math.max(page.width(), page.height()), options.maxSide());
      if (chosen > scale || chosen < scale && !othersProbe) {
        scale = chosen;
        all = unpadded(heatmaps(page, scale), scale, searched);
      }
    }
    List<DetectedWord> found = reaching(all, t.textThreshold());
    if (options.sidewaysThreshold() > 0) {
      found = withSideways(page, all, scale, found);
    }
    return padded(found, page.width(), page.height(), options);
  }

  /** The scale of the first pass: the auto scale's probe, or the fixed scale. */
  private double probeScale(GrayImage page) {
    double scale = scaleOf(page);
    AutoScale auto = options.autoScale();
    return auto == null ? scale
        : auto.probeScale(scale, Math.max(page.width(), page.height()));
  }

  /**
   * The settings of the post-processing pass, which finds the words and, with the sideways pass
   * on, the weaker components it looks at again (the thresholds differ only in the peak a
   * component needs).
   */
  private DetectorOptions searched() {
    HeatmapPostProcessor.Thresholds t = options.thresholds();
    return options.sidewaysThreshold() <= 0 ? options
        : options.withThresholds(new HeatmapPostProcessor.Thresholds(
            Math.min(t.textThreshold(), options.sidewaysThreshold()), t.linkThreshold(),
            t.lowText(), t.minSize()));
  }

  /** The words whose peak score reaches {@code threshold}, in their order. */
  private static List<DetectedWord> reaching(List<DetectedWord> words, double threshold) {
    List<DetectedWord> out = new ArrayList<>(words.size());
    for (DetectedWord d : words) {
      if (d.score() >= threshold) {
        out.add(d);
      }
    }
    return out;
  }

  /** A tall component at least this many times as long as it is thick may be a sideways word. */
  static final double SIDEWAYS_ASPECT = 2.0;
  /**
   * More sideways candidates than this on a page: the page itself is turned (the orientation
   * test reads it turned back), and looking at each one again would cost a pass per word.
   */
  static final int MAX_SIDEWAYS = 16;

  /**
   * The page's words plus the sideways ones: tall components of {@code all} whose peak reaches
   * {@code sidewaysThreshold} but not the text threshold (the network, which sees words printed
   * across far more often, scores words printed down or up the page low) are cut out with some
   * paper, turned by 90 degrees clockwise and detected again. The words found there that run
   * across the turned window and lie on the candidate come back with their corners in reading
   * order (the first corner is the text's top-left, at the bottom-left of a word printed bottom
   * to top), so the recognizer's crop of them is upright; the engine turns a crop that reads
   * better the other way round (a word printed top to bottom).
   */
  List<DetectedWord> withSideways(GrayImage page, List<DetectedWord> all, double scale,
      List<DetectedWord> found) {
    List<Box> candidates = new ArrayList<>();
    for (DetectedWord d : all) {
      Box b = d.quad().bounds();
      if (d.score() >= options.sidewaysThreshold()
          && d.score() < options.thresholds().textThreshold()
          && b.height() >= SIDEWAYS_ASPECT * b.width() && !overlaps(b, found)) {
        candidates.add(b);
      }
    }
    if (candidates.isEmpty() || candidates.size() > MAX_SIDEWAYS) {
      return found;
    }
    List<DetectedWord> out = new ArrayList<>(found);
    for (Box c : candidates) {
      double thick = c.width();
      int x0 = (int) Math.max(0, Math.floor(c.left() - 0.5 * thick));
      int x1 = (int) Math.min(page.width(), Math.ceil(c.right() + 0.5 * thick));
      int y0 = (int) Math.max(0, Math.floor(c.top() - 1.5 * thick));
      int y1 = (int) Math.min(page.height(), Math.ceil(c.bottom() + 1.5 * thick));
      if (x1 - x0 < 2 || y1 - y0 < 2) {
        continue;
      }
      GrayImage turned = page.window(x0, y0, x1 - x0, y1 - y0).rotate(90);
      for (DetectedWord w : unpadded(heatmaps(turned, scale), scale, options)) {
        if (w.quad().width() < w.quad().height()) {
          continue;
        }
        // the window is the turned one turned a further 270 degrees clockwise
        Quad pq = w.quad().turned(270, turned.width(), turned.height()).translate(x0, y0);
        Box b = pq.bounds();
        if (b.centerX() >= c.left() && b.centerX() <= c.right() && b.centerY() >= c.top()
            && b.centerY() <= c.bottom() && !overlaps(b, out)) {
          out.add(new DetectedWord(pq, w.score()));
        }
      }
    }
    return out;
  }

  /** Whether another word covers more than a third of {@code b}. */
  private static boolean overlaps(Box b, List<DetectedWord> words) {
    for (DetectedWord d : words) {
      if (d.quad().bounds().intersectionArea(b) > b.area() / 3) {
        return true;
      }
    }
    return false;
  }

  /**
   * The words of a page's heatmaps, in page pixels: post-processed, mapped back from the network's
   * scale {@code ratio}, padded and clipped to the page.
   */
  static List<DetectedWord> words(Heatmaps maps, double ratio, int pageWidth, int pageHeight,
      DetectorOptions options) {
    return padded(unpadded(maps, ratio, options), pageWidth, pageHeight, options);
  }

  /** The words of a page's heatmaps, post-processed and mapped back to page pixels. */
  static List<DetectedWord> unpadded(Heatmaps maps, double ratio, DetectorOptions options) {
    List<DetectedWord> raw = HeatmapPostProcessor.boxes(maps.region(), maps.affinity(),
        maps.width(), maps.height(), options.thresholds(), options.boxGrowth());
    List<DetectedWord> out = new ArrayList<>(raw.size());
    for (DetectedWord d : raw) {
      out.add(new DetectedWord(HeatmapPostProcessor.toPage(d.quad(), ratio, 0, 0), d.score()));
    }
    return out;
  }

  /** Words in page pixels padded by the options' {@code boxPadding} and clipped to the page. */
  static List<DetectedWord> padded(List<DetectedWord> words, int pageWidth, int pageHeight,
      DetectorOptions options) {
    List<DetectedWord> out = new ArrayList<>(words.size());
    for (DetectedWord d : words) {
      Quad q = pad(d.quad(), options.boxPadding());
      out.add(new DetectedWord(clip(q, pageWidth, pageHeight), d.score()));
    }
    return out;
  }

  @Override
  public DetectorOptions.CropMargin cropMargin() {
    return options.cropMarginOfPaddedBoxes();
  }

  @Override
  public double boxPadding() {
    return options.boxPadding();
  }

  @Override
  public double joinGap() {
    return options.joinGap();
  }

  /**
   * The quad grown by {@code fraction} of its height on every side, or shrunk when it is
   * negative (never below one pixel across).
   */
  static Quad pad(Quad q, double fraction) {
    if (fraction == 0) {
      return q;
    }
    double p = fraction * q.height();
    double dx = Math.max(p, -(q.width() - 1) / 2);
    double dy = Math.max(p, -(q.height() - 1) / 2);
    return q.expand(dx, dy);
  }

  /** Fixed scale from page pixels to network input pixels (the magnification, within maxSide). */
  double scaleOf(GrayImage page) {
    int longSide = Math.max(page.width(), page.height());
    double target = Math.min(options.maxSide(), options.magRatio() * longSide);
    return target / longSide;
  }

  /**
   * Heatmaps of the whole page scaled by {@code ratio} (half resolution), tiled if it is large.
   */
  Heatmaps heatmaps(GrayImage page, double ratio) {
    int sw = Math.max(1, (int) Math.round(page.width() * ratio));
    int sh = Math.max(1, (int) Math.round(page.height() * ratio));
    // gray levels 0..255 at the network's scale, as floats (no rounding back to bytes)
    float[] scaled = Resize.toFloat(page, sw, sh);
    int tile = options.tileSize();
    if (sw <= tile && sh <= tile) {
      return run(scaled, sw, 0, 0, sw, sh);
    }
    int hw = (sw + 1) / 2;
    int hh = (sh + 1) / 2;
    float[] region = new float[hw * hh];
    float[] affinity = new float[hw * hh];
    int step = tile - options.tileOverlap();
    for (int y0 : origins(sh, tile, step)) {
      for (int x0 : origins(sw, tile, step)) {
        int tw = Math.min(tile, sw - x0);
        int th = Math.min(tile, sh - y0);
        Heatmaps t = run(scaled, sw, x0, y0, tw, th);
        // stitch: the maximum of overlapping tiles, so a word cut by one tile is whole in the other
        for (int y = 0; y < t.height() && y0 / 2 + y < hh; y++) {
          for (int x = 0; x < t.width() && x0 / 2 + x < hw; x++) {
            int gi = (y0 / 2 + y) * hw + x0 / 2 + x;
            int li = y * t.width() + x;
            region[gi] = Math.max(region[gi], t.region()[li]);
            affinity[gi] = Math.max(affinity[gi], t.affinity()[li]);
          }
        }
      }
    }
    return new Heatmaps(region, affinity, hw, hh);
  }

  /** Even tile origins covering {@code size}: every step, the last one flush with the end. */
  static List<Integer> origins(int size, int tile, int step) {
    List<Integer> out = new ArrayList<>();
    if (size <= tile) {
      out.add(0);
      return out;
    }
    for (int p = 0; p + tile < size; p += step) {
      out.add(p);
    }
    out.add(size - tile);
    return out;
  }

  /**
   * Runs the network on one window of the scaled page (gray levels 0..255, {@code stride} values
   * a row), padded to a multiple of 32 with paper.
   */
  private Heatmaps run(float[] img, int stride, int x0, int y0, int w, int h) {
    int m = DetectorSpec.PAD_MULTIPLE;
    int pw = (w + m - 1) / m * m;
    int ph = (h + m - 1) / m * m;
    float mean = spec.mean();
    float std = spec.std();
    float gain = 1f / (255f * std);
    float bias = -mean / std;
    float[] data = new float[pw * ph];
    java.util.Arrays.fill(data, gain * 255f + bias);
    for (int y = 0; y < h; y++) {
      int row = (y0 + y) * stride + x0;
      int o = y * pw;
      for (int x = 0; x < w; x++) {
        data[o + x] = img[row + x] * gain + bias;
      }
    }
    Heatmaps full;
    try {
      full = predictor.predict(new DetectorTranslator.Input(data, pw, ph));
    } catch (TranslateException e) {
      throw new IllegalStateException("Detection failed: " + e.getMessage(), e);
    }
    // crop the padding away
    int hw = (w + 1) / 2;
    int hh = (h + 1) / 2;
    float[] r = new float[hw * hh];
    float[] a = new float[hw * hh];
    for (int y = 0; y < hh; y++) {
      System.arraycopy(full.region(), y * full.width(), r, y * hw, hw);
      System.arraycopy(full.affinity(), y * full.width(), a, y * hw, hw);
    }
    return new Heatmaps(r, a, hw, hh);
  }

  private static Quad clip(Quad q, int w, int h) {
    double[] c = q.toArray();
    for (int i = 0; i < 8; i += 2) {
      c[i] = Math.max(0, Math.min(w, c[i]));
      c[i + 1] = Math.max(0, Math.min(h, c[i + 1]));
    }
    return Quad.of(c);
  }

  @Override
  public void close() {
    last.clear();
    if (ownsPredictor) {
      predictor.close();
    }
  }
}
