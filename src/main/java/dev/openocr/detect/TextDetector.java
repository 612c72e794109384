package dev.openocr.detect;

import dev.openocr.imageio.GrayImage;
import java.util.List;

/**
 * Finds word regions on a page. An instance serves one thread at a time (it wraps a DJL
 * predictor); close it when the thread is done.
 */
public interface TextDetector extends AutoCloseable {

  /** Word quads in the page's pixel coordinates, in no particular order. */
  List<DetectedWord> detect(GrayImage page);

  /** The margin the recognizer's crops add around the boxes {@link #detect} returns. */
  default DetectorOptions.CropMargin cropMargin() {
    return DetectorOptions.CropMargin.CRAFT_DILATION;
  }

  /**
   * The padding {@link #detect} added on every side of each box, as a share of the unpadded
   * box's height (where a box split in words gets the same padding at its new ends).
   */
  default double boxPadding() {
    return 0;
  }

  /**
   * Largest gap between neighbouring boxes, as a share of their height, that the engine reads
   * again as one crop to join pieces of one word (0: never).
   */
  default double joinGap() {
    return 0;
  }

  /**
   * A first look at the page, cheaper than {@link #detect}: the words found at a first scale.
   * The next {@link #detect} of the same page (by this detector or one of {@link #withOptions})
   * may start from it instead of running the network again.
   */
  default List<DetectedWord> probe(GrayImage page) {
    return detect(page);
  }

  /**
   * A detector with other inference settings that shares this one's network and thread; closing
   * it leaves the network open.
   */
  default TextDetector withOptions(DetectorOptions other) {
    throw new UnsupportedOperationException(getClass().getSimpleName()
        + " cannot change its settings");
  }

  @Override
  void close();
}
