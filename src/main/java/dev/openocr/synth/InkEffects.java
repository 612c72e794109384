package dev.openocr.synth;

import dev.openocr.geometry.Box;
import dev.openocr.geometry.Quad;
import java.util.List;

/**
 * Effects on an ink coverage map (0 paper .. 255 full ink, output resolution): bleed, broken
 * strokes, fading, and compositing the ink onto paper.
 */
final class InkEffects {
  /** Cell size range of the dropout noise that breaks strokes, pixels. */
  private static final double BROKEN_CELL_MIN = 0.8;
  private static final double BROKEN_CELL_MAX = 2.5;
  /** Cell size of the fading field, pixels. */
  private static final double FADE_CELL = 60;
  /** Darkest and lightest ink tone on paper, gray levels. */
  private static final int INK_TONE_MIN = 0;
  private static final int INK_TONE_MAX = 55;

  private InkEffects() {}

  /**
   * Applies bleed, broken strokes and fading with the config's probabilities, as far as
   * {@code guard} lets them (fragile text is not bled; broken strokes count as its one damaging
   * effect). The random draws are the same either way, so other effects do not change with it.
   */
  static void apply(byte[] ink, int w, int h, SynthConfig cfg, Rng rng, StrokeGuard guard) {
    if (rng.chance(cfg.bleedProb)) {
      double gain = rng.uniform(1.0, 1.5);
      if (!guard.fragile()) {
        bleed(ink, w, h, gain);
      }
    }
    if (rng.chance(cfg.brokenProb)) {
      double amount = rng.uniform(0.05, cfg.brokenMax);
      if (guard.allowDamage()) {
        broken(ink, w, h, amount, rng);
      }
    }
    if (rng.chance(cfg.fadeProb)) {
      fade(ink, w, h, rng.uniform(0.1, cfg.fadeMax), rng);
    }
  }

  /** Ink spreads into paper: a 3x3 mean boosted by {@code gain}, never lighter than before. */
  static void bleed(byte[] ink, int w, int h, double gain) {
    byte[] src = ink.clone();
    int g = (int) Math.round(gain * 256 / 9);
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        int i = y * w + x;
        int s = 0;
        for (int k = i - w; k <= i + w; k += w) {
          s += (src[k - 1] & 0xff) + (src[k] & 0xff) + (src[k + 1] & 0xff);
        }
        int v = Math.min(255, (s * g) >> 8);
        if (v > (src[i] & 0xff)) {
          ink[i] = (byte) v;
        }
      }
    }
  }

  /** Random dropouts in the strokes: a share {@code amount} of the ink is weakened. */
  static void broken(byte[] ink, int w, int h, double amount, Rng rng) {
    float[] f = Noise.value(w, h, rng.uniform(BROKEN_CELL_MIN, BROKEN_CELL_MAX), rng);
    float thr = (float) (amount * 2 - 1);
    for (int i = 0; i < ink.length; i++) {
      if (ink[i] != 0 && f[i] < thr) {
        ink[i] = (byte) ((ink[i] & 0xff) / 4);
      }
    }
  }

  /** Uneven fading: ink keeps between {@code 1-strength} and 1 of its darkness. */
  static void fade(byte[] ink, int w, int h, double strength, Rng rng) {
    float[] f = Noise.value(w, h, FADE_CELL * rng.uniform(0.5, 2), rng);
    for (int i = 0; i < ink.length; i++) {
      if (ink[i] != 0) {
        double keep = 1 - strength * (0.5 + 0.5 * f[i]);
        ink[i] = (byte) ((ink[i] & 0xff) * keep);
      }
    }
  }

  /**
   * Uneven typewriter strikes: the ink inside each character's box is lightened by a random
   * share up to {@code strength}. Quads are in the map's pixels.
   */
  static void strikes(byte[] ink, int w, int h, List<SynthWord> words, double strength,
                      Rng rng) {
    for (SynthWord word : words) {
      for (Quad q : word.chars()) {
        double keep = 1 - rng.uniform(0, strength);
        Box b = q.bounds();
        int x0 = Math.max(0, (int) Math.floor(b.left()));
        int x1 = Math.min(w - 1, (int) Math.ceil(b.right()));
        int y0 = Math.max(0, (int) Math.floor(b.top()));
        int y1 = Math.min(h - 1, (int) Math.ceil(b.bottom()));
        int k = (int) Math.round(keep * 256);
        for (int y = y0; y <= y1; y++) {
          for (int x = x0; x <= x1; x++) {
            int i = y * w + x;
            ink[i] = (byte) (((ink[i] & 0xff) * k) >> 8);
          }
        }
      }
    }
  }

  /** Lays ink over paper in place: {@code paper <- paper + (tone - paper) * ink / 255}. */
  static void composite(byte[] paper, byte[] ink, Rng rng) {
    int tone = rng.range(INK_TONE_MIN, INK_TONE_MAX);
    for (int i = 0; i < paper.length; i++) {
      int a = ink[i] & 0xff;
      if (a != 0) {
        int p = paper[i] & 0xff;
        paper[i] = (byte) (p + ((tone - p) * a + 127) / 255);
      }
    }
  }
}
