package dev.openocr.synth;

/**
 * How much stroke damage the text of one sample may take (see {@link SynthConfig#legibleEm}).
 * Sturdy text takes every effect the config draws. Fragile (small) text is never bled or
 * blurred, and takes at most one of the effects that break or erase strokes: broken strokes,
 * binarization, low resolution. Not thread-safe: one per sample.
 */
final class StrokeGuard {
  private final boolean fragile;
  private int damage;

  private StrokeGuard(boolean fragile) {
    this.fragile = fragile;
  }

  /** A guard for text of the given kind. */
  static StrokeGuard of(boolean fragile) {
    return new StrokeGuard(fragile);
  }

  /** True for small text: no bleed, no blur, and one damaging effect at most. */
  boolean fragile() {
    return fragile;
  }

  /**
   * Asks to apply one effect that breaks or erases strokes: always true for sturdy text; true
   * only the first time for fragile text (the effect is then counted).
   */
  boolean allowDamage() {
    if (!fragile) {
      return true;
    }
    return damage++ == 0;
  }
}
