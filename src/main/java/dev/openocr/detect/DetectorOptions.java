package dev.openocr.detect;

/**
 * Inference settings of the detector.
 *
 * @param magRatio scale applied to the page before detection (small print needs more than 1)
 * @param maxSide pages whose scaled long side exceeds this are shrunk to it (pixels)
 * @param tileSize scaled pages larger than this on a side run in overlapping tiles (pixels)
 * @param tileOverlap overlap between tiles (pixels, at network scale)
 * @param thresholds post-processing thresholds
 * @param boxPadding fraction of a word's height added on every side of its box (0 keeps CRAFT's
 *     boxes, which come out about as loose as human-drawn ground truth on real scans; negative
 *     values down to {@link #MIN_BOX_PADDING} shrink them towards ink-tight boxes such as the
 *     synthetic generator's)
 */
public record DetectorOptions(double magRatio, int maxSide, int tileSize, int tileOverlap,
                              HeatmapPostProcessor.Thresholds thresholds, double boxPadding)
    implements java.io.Serializable {
  public DetectorOptions {
    if (!(magRatio > 0 && magRatio <= 8)) {
      throw new IllegalArgumentException("Invalid mag ratio: " + magRatio);
    }
    if (tileSize < 256 || tileSize % DetectorSpec.PAD_MULTIPLE != 0) {
      throw new IllegalArgumentException("Invalid tile size: " + tileSize
          + " (>= 256, a multiple of 32)");
    }
    if (tileOverlap < 0 || tileOverlap >= tileSize / 2) {
      throw new IllegalArgumentException("Invalid tile overlap: " + tileOverlap);
    }
    if (!(boxPadding >= MIN_BOX_PADDING && boxPadding <= 1)) {
      throw new IllegalArgumentException("Invalid box padding: " + boxPadding);
    }
    if (maxSide < tileSize) {
      throw new IllegalArgumentException("Invalid max side: " + maxSide + " < tile size " + tileSize);
    }
  }

  /** Most a box may shrink, as a fraction of its height on every side. */
  public static final double MIN_BOX_PADDING = -0.3;

  public static DetectorOptions defaults() {
    return new DetectorOptions(1.5, 12288, 2048, 128, HeatmapPostProcessor.Thresholds.defaults(), 0);
  }

  public DetectorOptions withMagRatio(double m) {
    return new DetectorOptions(m, maxSide, tileSize, tileOverlap, thresholds, boxPadding);
  }

  public DetectorOptions withThresholds(HeatmapPostProcessor.Thresholds t) {
    return new DetectorOptions(magRatio, maxSide, tileSize, tileOverlap, t, boxPadding);
  }

  public DetectorOptions withBoxPadding(double p) {
    return new DetectorOptions(magRatio, maxSide, tileSize, tileOverlap, thresholds, p);
  }
}
