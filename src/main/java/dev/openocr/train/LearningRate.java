package dev.openocr.train;

import ai.djl.training.tracker.Tracker;

/** Linear warm-up then cosine decay to a floor; {@code offset} shifts the step on resume. */
public final class LearningRate implements Tracker {
  private final float base;
  private final int warmup;
  private final int total;
  private final float floor;
  private final int offset;

  public LearningRate(float base, int warmup, int total, float floor, int offset) {
    if (!(base > 0) || total <= 0 || warmup < 0) {
      throw new IllegalArgumentException("Invalid schedule: lr=" + base + " warmup=" + warmup
          + " total=" + total);
    }
    this.base = base;
    this.warmup = warmup;
    this.total = total;
    this.floor = floor;
    this.offset = offset;
  }

  @Override
  public float getNewValue(int numUpdate) {
    return at(numUpdate + offset);
  }

  /** The rate at a global step. */
  public float at(int step) {
    if (step < warmup) {
      return base * (step + 1) / warmup;
    }
    double p = Math.min(1.0, (double) (step - warmup) / Math.max(1, total - warmup));
    return (float) (floor + (base - floor) * 0.5 * (1 + Math.cos(Math.PI * p)));
  }
}
