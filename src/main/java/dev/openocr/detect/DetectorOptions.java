package dev.openocr.detect;

/**
 * Inference settings of the detector.
 *
 * @param magRatio scale applied to the page before detection (small print needs more than 1)
 * @param maxSide pages whose scaled long side exceeds this are shrunk to it (pixels)
 * @param tileSize scaled pages larger than this on a side run in overlapping tiles (pixels)
 * @param tileOverlap overlap between tiles (pixels, at network scale)
 * @param thresholds post-processing thresholds
 * @param boxPadding fraction of a word's height added on every side of the reported box (0
 *     keeps the box rule's own: ink-tight with {@code boxGrowth}, about as loose as human-drawn
 *     ground truth with CRAFT's dilation; negative values down to {@link #MIN_BOX_PADDING} shrink
 *     boxes)
 * @param boxGrowth how boxes grow from the thresholded region ({@code null}: CRAFT's dilation,
 *     for bundles trained on ink-shaped character targets)
 * @param cropMargin margin the recognizer's crops add around a box before the padding (the
 *     padding changes the reported boxes only, never what is read)
 * @param autoScale scale chosen from the size of the print ({@code null}: always
 *     {@code magRatio})
 * @param sidewaysThreshold peak region score from which a tall component the thresholds drop is
 *     looked at again turned by 90 degrees (words printed sideways, which the network scores
 *     low); 0 turns this off
 * @param joinGap largest gap, as a share of the box height, between neighbouring boxes on a
 *     line that the engine reads again as one crop and joins when the recognizer reads no word
 *     space in it (pieces of one word the link map broke at punctuation); 0 turns this off
 */
public record DetectorOptions(double magRatio, int maxSide, int tileSize, int tileOverlap,
                              HeatmapPostProcessor.Thresholds thresholds, double boxPadding,
                              HeatmapPostProcessor.BoxGrowth boxGrowth, CropMargin cropMargin,
                              AutoScale autoScale, double sidewaysThreshold, double joinGap)
    implements java.io.Serializable {

  /**
   * Margin around a word's box, as fractions of the box's height on each side.
   *
   * @param x added at both ends of the word
   * @param y added above and below
   */
  public record CropMargin(double x, double y) implements java.io.Serializable {
    public CropMargin {
      if (!(x > -0.5 && x <= 2 && y > -0.5 && y <= 2)) {
        throw new IllegalArgumentException("Invalid crop margin: " + x + ", " + y);
      }
    }

    /**
     * For boxes from CRAFT's dilation, which leave some paper above and below the ink but cut
     * word ends close. Tuned on the first 50 FUNSD pages (matched words read exactly: 0.725 with
     * the ground-truth crops' margins, 0.761 with these); bundles without a crop margin get it.
     */
    public static final CropMargin CRAFT_DILATION = new CropMargin(0.25, 0.12);
  }

  public DetectorOptions {
    java.util.Objects.requireNonNull(cropMargin, "cropMargin");
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
    if (!(sidewaysThreshold >= 0 && sidewaysThreshold < 1)) {
      throw new IllegalArgumentException("Invalid sideways threshold: " + sidewaysThreshold);
    }
    if (!(joinGap >= 0 && joinGap <= 1)) {
      throw new IllegalArgumentException("Invalid join gap: " + joinGap + " (0..1)");
    }
    if (maxSide < tileSize) {
      throw new IllegalArgumentException("Invalid max side: " + maxSide + " < tile size " + tileSize);
    }
  }

  /**
   * Sideways threshold of new bundles. On the 30 synthetic tuning pages (seed 535353) the
   * shipped English detector scored the words printed sideways in the margins 0.48 to 0.70 at
   * their peak, under its text threshold of 0.7; looked at again turned, 12 more were found
   * (detection F1 0.9624 to 0.9633), and on FUNSD 37 more Bates numbers were read.
   */
  public static final double SIDEWAYS_THRESHOLD = 0.4;

  /** Most a box may shrink, as a fraction of its height on every side. */
  public static final double MIN_BOX_PADDING = -0.3;

  /** Settings of a newly trained bundle (its targets fill the characters' word slices). */
  public static DetectorOptions defaults() {
    return new DetectorOptions(1.5, 12288, 2048, 128, HeatmapPostProcessor.Thresholds.defaults(), 0,
        HeatmapPostProcessor.BoxGrowth.defaults(), INK_TIGHT, null, SIDEWAYS_THRESHOLD, 0);
  }

  /**
   * Crop margin of grown boxes, which hug the ink as the synthetic ground truth does, so the
   * recognizer needs more paper around them than around CRAFT's dilated boxes. Tuned on the first
   * 50 FUNSD pages with {@code craft-lean-en} trained on character slices (end-to-end F1 exact
   * 0.660 at 0.3 / 0.25, 0.666 at 0.3 / 0.3, 0.669 at 0.35 / 0.3, 0.670 at 0.3 / 0.35, 0.671 at
   * 0.25 / 0.3; an early checkpoint read matched words at 0.680 with
   * {@link CropMargin#CRAFT_DILATION}'s margins and 0.779 at 0.3 / 0.3). On all 149 pages, with the detector's lower thresholds (0.35) and the English recognizer trained on
   * width-sorted batches: 0.25 x lets neighbouring punctuation into the crop, which that
   * recognizer reads ({@code or:} for {@code or}); end to end 0.706 at 0.25, 0.721 at 0.2, 0.728
   * at 0.15, 0.733 at 0.1, 0.734 at 0.05 and 0 (y 0.3; at x 0.05, y 0.2 gives 0.727 and y 0.4
   * 0.723). Held-out synthetic pages agree: 0.687 at 0.25, 0.723 at 0.05.
   */
  public static final CropMargin INK_TIGHT = new CropMargin(0.05, 0.3);

  public DetectorOptions withMagRatio(double m) {
    return new DetectorOptions(m, maxSide, tileSize, tileOverlap, thresholds, boxPadding, boxGrowth,
        cropMargin, autoScale, sidewaysThreshold, joinGap);
  }

  public DetectorOptions withThresholds(HeatmapPostProcessor.Thresholds t) {
    return new DetectorOptions(magRatio, maxSide, tileSize, tileOverlap, t, boxPadding, boxGrowth,
        cropMargin, autoScale, sidewaysThreshold, joinGap);
  }

  public DetectorOptions withBoxPadding(double p) {
    return new DetectorOptions(magRatio, maxSide, tileSize, tileOverlap, thresholds, p, boxGrowth,
        cropMargin, autoScale, sidewaysThreshold, joinGap);
  }

  public DetectorOptions withCropMargin(CropMargin m) {
    return new DetectorOptions(magRatio, maxSide, tileSize, tileOverlap, thresholds, boxPadding,
        boxGrowth, m, autoScale, sidewaysThreshold, joinGap);
  }

  /**
   * The crop margin around the reported boxes, which the padding has already grown (or shrunk)
   * by {@code boxPadding} of their unpadded height on each side.
   */
  public CropMargin cropMarginOfPaddedBoxes() {
    double k = 1 + 2 * boxPadding;
    return new CropMargin((cropMargin.x() - boxPadding) / k, (cropMargin.y() - boxPadding) / k);
  }

  public DetectorOptions withBoxGrowth(HeatmapPostProcessor.BoxGrowth g) {
    return new DetectorOptions(magRatio, maxSide, tileSize, tileOverlap, thresholds, boxPadding, g,
        cropMargin, autoScale, sidewaysThreshold, joinGap);
  }

  public DetectorOptions withAutoScale(AutoScale a) {
    return new DetectorOptions(magRatio, maxSide, tileSize, tileOverlap, thresholds, boxPadding,
        boxGrowth, cropMargin, a, sidewaysThreshold, joinGap);
  }

  public DetectorOptions withJoinGap(double g) {
    return new DetectorOptions(magRatio, maxSide, tileSize, tileOverlap, thresholds, boxPadding,
        boxGrowth, cropMargin, autoScale, sidewaysThreshold, g);
  }

  public DetectorOptions withSidewaysThreshold(double t) {
    return new DetectorOptions(magRatio, maxSide, tileSize, tileOverlap, thresholds, boxPadding,
        boxGrowth, cropMargin, autoScale, t, joinGap);
  }
}
