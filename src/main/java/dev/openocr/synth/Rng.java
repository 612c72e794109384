package dev.openocr.synth;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random source for one sample. Every random choice of the generator goes through one of
 * these, so the same seed gives the same sample on any thread and machine.
 */
public final class Rng {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private final SplittableRandom random;

  public Rng(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Seed of sample {@code index} of a run started with {@code seed} (a 64-bit mix, no overlap). */
  public static long sampleSeed(long seed, long index) {
    return mix64(seed * GOLDEN + mix64(index + GOLDEN));
  }

  /** Murmur3 finalizer: a bijective bit mix. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  /** Uniform in {@code [lo, hi)}. */
  public double uniform(double lo, double hi) {
    return lo + (hi - lo) * random.nextDouble();
  }

  /** Uniform integer in {@code [lo, hi]} (both inclusive). */
  public int range(int lo, int hi) {
    return lo + random.nextInt(hi - lo + 1);
  }

  public int nextInt(int bound) {
    return random.nextInt(bound);
  }

  public long nextLong() {
    return random.nextLong();
  }

  /** True with probability {@code p}. */
  public boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** Standard normal (Box-Muller, one value per call). */
  public double gaussian() {
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Either sign, chosen at random. */
  public double signed(double magnitude) {
    return random.nextBoolean() ? magnitude : -magnitude;
  }

  public <T> T pick(List<T> items) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("Cannot pick from an empty list");
    }
    return items.get(random.nextInt(items.size()));
  }

  public <T> T pick(T[] items) {
    return items[random.nextInt(items.length)];
  }

  /** Index chosen with probability proportional to {@code weights[i]}. */
  public int weighted(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double r = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
