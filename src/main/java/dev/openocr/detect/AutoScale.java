package dev.openocr.detect;

import java.util.Arrays;
import java.util.List;

/**
 * Scale chosen from the size of the print, so the network sees words about as tall as it was
 * trained on whatever the scan's resolution.
 *
 * <p>A fixed magnification suits one resolution only. Scanned at 300 dpi, a form has words about
 * three times as tall as the same form at 100 dpi: the fixed scale then feeds the network nine
 * times the pixels for no gain, and small print at low resolution stays too small. With auto
 * scale the detector first runs a probe pass, at the bundle's magnification but never on more
 * than {@link #probeSide} pixels along the long side, measures the median thickness of the words
 * it found, and runs again at the scale that makes that median {@link #targetHeight} network
 * pixels, unless the probe's scale was already within {@link #tolerance} of it.
 *
 * @param targetHeight median word thickness wanted at the network's input, in pixels
 * @param maxMag largest scale the second pass may use (small print costs the square of it)
 * @param probeSide longest side of the probe pass, in network pixels
 * @param tolerance ratio within which the probe's scale is kept (above 1)
 */
public record AutoScale(double targetHeight, double maxMag, int probeSide, double tolerance)
    implements java.io.Serializable {

  /**
   * Settings of the shipped English detector, and what a partial {@link #parse} fills in.
   */
  public static final AutoScale DEFAULTS = new AutoScale(18.5, 2.5, 1600, 1.4);

  /** Fewest words the probe needs before its median thickness is trusted. */
  public static final int MIN_WORDS = 5;

  public AutoScale {
    if (!(targetHeight >= 4 && targetHeight <= 200)) {
      throw new IllegalArgumentException("Invalid auto-scale target height: " + targetHeight);
    }
    if (!(maxMag > 0 && maxMag <= 8)) {
      throw new IllegalArgumentException("Invalid auto-scale max magnification: " + maxMag);
    }
    if (probeSide < 256) {
      throw new IllegalArgumentException("Invalid auto-scale probe side: " + probeSide
          + " (>= 256)");
    }
    if (!(tolerance >= 1 && tolerance <= 4)) {
      throw new IllegalArgumentException("Invalid auto-scale tolerance: " + tolerance
          + " (1 to 4)");
    }
  }

  /**
   * Parses {@code TARGET[,MAX_MAG[,PROBE_SIDE[,TOLERANCE]]]}, the rest from {@code base}.
   */
  public static AutoScale parse(String s, AutoScale base) {
    String[] p = s.split(",");
    if (p.length > 4) {
      throw new IllegalArgumentException("Auto scale is TARGET[,MAX_MAG[,PROBE_SIDE[,TOLERANCE]]]: "
          + s);
    }
    try {
      return new AutoScale(Double.parseDouble(p[0].trim()),
          p.length > 1 ? Double.parseDouble(p[1].trim()) : base.maxMag(),
          p.length > 2 ? Integer.parseInt(p[2].trim()) : base.probeSide(),
          p.length > 3 ? Double.parseDouble(p[3].trim()) : base.tolerance());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Auto scale is TARGET[,MAX_MAG[,PROBE_SIDE[,TOLERANCE]]]: "
          + s, e);
    }
  }

  /**
   * Scale of the probe pass: the fixed scale, unless that would put more than {@link #probeSide}
   * pixels along the page's long side.
   */
  public double probeScale(double fixedScale, int longSide) {
    return Math.min(fixedScale, (double) probeSide / longSide);
  }

  /**
   * Scale of the pass whose words are kept.
   *
   * @param probe the probe pass's scale
   * @param thickness median word thickness the probe found, in page pixels ({@code NaN} when it
   *     found fewer than {@link #MIN_WORDS} words: the probe is kept)
   * @param longSide the page's long side in pixels
   * @param maxSide longest side the network may see
   * @return {@code probe} itself when no second pass is needed
   */
  public double choose(double probe, double thickness, int longSide, int maxSide) {
    if (Double.isNaN(thickness) || thickness <= 0) {
      return probe;
    }
    double want = Math.min(Math.min(targetHeight / thickness, maxMag), (double) maxSide / longSide);
    if (want <= probe * tolerance && want >= probe / tolerance) {
      return probe;
    }
    return want;
  }

  /**
   * Median thickness of the words (the shorter side of each quad: the detector's quads start at
   * their top-left corner on the page, so a word printed top to bottom is taller than wide), or
   * {@code NaN} below {@link #MIN_WORDS} words. Words of one or two letters can be narrower than
   * tall; there are too few of them to move the median far.
   */
  public static double medianThickness(List<DetectedWord> words) {
    if (words.size() < MIN_WORDS) {
      return Double.NaN;
    }
    double[] h = new double[words.size()];
    for (int i = 0; i < h.length; i++) {
      h[i] = Math.min(words.get(i).quad().width(), words.get(i).quad().height());
    }
    Arrays.sort(h);
    int n = h.length;
    return n % 2 == 1 ? h[n / 2] : (h[n / 2 - 1] + h[n / 2]) / 2;
  }
}
