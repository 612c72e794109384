package dev.openocr.synth;

import java.util.SplittableRandom;

/** Noise fields: a precomputed Gaussian table sampled at random offsets, and value noise. */
final class Noise {
  /** Size of the Gaussian table (a power of two). */
  private static final int TABLE_BITS = 20;
  private static final int TABLE_MASK = (1 << TABLE_BITS) - 1;
  /** Fixed seed of the table: it is part of the generator, like a font file. */
  private static final long TABLE_SEED = 0x5EEDL;
  /** Standard normal samples times 16, clipped to a byte. */
  private static final byte[] GAUSS16 = gaussTable();

  private Noise() {}

  private static byte[] gaussTable() {
    SplittableRandom r = new SplittableRandom(TABLE_SEED);
    byte[] t = new byte[1 << TABLE_BITS];
    for (int i = 0; i < t.length; i++) {
      double u = 1.0 - r.nextDouble();
      double v = r.nextDouble();
      double g = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
      t[i] = (byte) Math.max(-127, Math.min(127, Math.round(g * 16)));
    }
    return t;
  }

  /** Adds Gaussian noise of {@code sigma} gray levels to {@code px} in place. */
  static void addGaussian(byte[] px, double sigma, Rng rng) {
    int s = (int) Math.round(sigma * 16); // fixed point: table is x16, result >> 8
    int off = rng.nextInt(1 << TABLE_BITS);
    int stride = 1 + 2 * rng.nextInt(1 << 10); // odd stride walks the whole table
    int k = off;
    for (int i = 0; i < px.length; i++) {
      int v = (px[i] & 0xff) + ((GAUSS16[k] * s) >> 8);
      px[i] = (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
      k = (k + stride) & TABLE_MASK;
    }
  }

  /**
   * Smooth random field in {@code -1..1}: random values on a grid of {@code cell} pixels,
   * bilinearly interpolated. Row-major {@code w x h}.
   */
  static float[] value(int w, int h, double cell, Rng rng) {
    int gw = (int) Math.ceil(w / cell) + 2;
    int gh = (int) Math.ceil(h / cell) + 2;
    float[] grid = new float[gw * gh];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = (float) rng.uniform(-1, 1);
    }
    float[] out = new float[w * h];
    double inv = 1.0 / cell;
    for (int y = 0; y < h; y++) {
      double gy = y * inv;
      int y0 = (int) gy;
      float fy = (float) (gy - y0);
      int r0 = y0 * gw;
      int r1 = r0 + gw;
      int o = y * w;
      for (int x = 0; x < w; x++) {
        double gx = x * inv;
        int x0 = (int) gx;
        float fx = (float) (gx - x0);
        float a = grid[r0 + x0] + (grid[r0 + x0 + 1] - grid[r0 + x0]) * fx;
        float b = grid[r1 + x0] + (grid[r1 + x0 + 1] - grid[r1 + x0]) * fx;
        out[o + x] = a + (b - a) * fy;
      }
    }
    return out;
  }
}
