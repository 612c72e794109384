package dev.openocr.recognize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-time augmentation of a recognizer: a crop it reads with a confidence below {@code below}
 * is read again stretched horizontally by each of {@code scales} (the crop resized to the input
 * height and then to {@code scale} times its width), and the text most readings agree on is
 * kept. A tie goes to the earlier reading, the crop as it is first; so with two scales, the
 * stretched readings replace the first only when they agree with each other. The manifest's
 * {@code decoding.widthVote}: {@code {"scales": [1.15, 0.9], "below": 1}}.
 *
 * @param scales width factors of the further readings, each within 0.5..2 and not 1
 * @param below crops read with a lower confidence are read again; 1: every crop
 */
public record WidthVote(List<Double> scales, double below) {
  public WidthVote {
    scales = List.copyOf(scales);
    if (scales.isEmpty()) {
      throw new IllegalArgumentException("widthVote needs at least one scale");
    }
    for (double s : scales) {
      if (!(s >= 0.5 && s <= 2) || s == 1) {
        throw new IllegalArgumentException("widthVote scales must be within 0.5..2 and not 1, not "
            + s);
      }
    }
    if (!(below > 0 && below <= 1)) {
      throw new IllegalArgumentException("widthVote.below must be within 0..1 (above 0), not "
          + below);
    }
  }

  /**
   * The reading whose text most of {@code readings} have; of those, the first in order (its
   * confidence, character probabilities and cuts come with it).
   */
  static Recognition vote(List<Recognition> readings) {
    Map<String, Integer> counts = new HashMap<>();
    int most = 0;
    for (Recognition r : readings) {
      most = Math.max(most, counts.merge(r.text(), 1, Integer::sum));
    }
    for (Recognition r : readings) {
      if (counts.get(r.text()) == most) {
        return r;
      }
    }
    throw new IllegalArgumentException("No readings to vote on");
  }
}
