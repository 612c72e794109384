package dev.openocr.synth;

import java.util.Arrays;

/**
 * Paper backgrounds and scanner artefacts in gray levels (0..255): plain or noisy paper,
 * low-frequency texture, stains and gradients, dark borders, streaks and dust.
 */
final class Paper {
  /** Cell size range of the mottled texture, pixels. */
  private static final double TEXTURE_CELL_MIN = 12;
  private static final double TEXTURE_CELL_MAX = 90;
  /** Largest darkening of a stain at its centre, gray levels. */
  private static final double STAIN_DEPTH = 45;
  /** Largest brightness change across the page from a gradient, gray levels. */
  private static final double GRADIENT_MAX = 30;

  private Paper() {}

  /** A paper background of {@code w x h} (noise is added after the ink, see {@link #noise}). */
  static byte[] make(int w, int h, SynthConfig cfg, Rng rng) {
    byte[] px = new byte[w * h];
    int base = (int) Math.round(rng.uniform(cfg.paperMin, cfg.paperMax));
    Arrays.fill(px, (byte) base);
    if (rng.chance(cfg.textureProb)) {
      float[] f = Noise.value(w, h, rng.uniform(TEXTURE_CELL_MIN, TEXTURE_CELL_MAX), rng);
      double amp = rng.uniform(0.2, 1) * cfg.textureMax;
      for (int i = 0; i < px.length; i++) {
        px[i] = clip(base + f[i] * amp - amp * 0.3);
      }
    }
    if (rng.chance(cfg.quasicrystalProb)) {
      quasicrystal(px, w, h, rng);
    }
    if (rng.chance(cfg.stainProb)) {
      gradient(px, w, h, rng);
      int n = rng.range(1, 3);
      for (int i = 0; i < n; i++) {
        stain(px, w, h, rng);
      }
    }
    return px;
  }

  /** Downsampling of the quasicrystal field (it is smooth, so computed coarse). */
  private static final int QC_STEP = 4;

  /**
   * Quasicrystal pattern: a sum of plane waves in evenly spaced directions, as printed security
   * backgrounds and moire look. Computed every {@code QC_STEP} pixels and interpolated.
   */
  private static void quasicrystal(byte[] px, int w, int h, Rng rng) {
    int waves = rng.range(5, 9);
    double k = 2 * Math.PI / rng.uniform(8, 40);
    double amp = rng.uniform(6, 30);
    double rot = rng.uniform(0, Math.PI);
    double[] cx = new double[waves];
    double[] cy = new double[waves];
    for (int i = 0; i < waves; i++) {
      cx[i] = Math.cos(rot + Math.PI * i / waves) * k;
      cy[i] = Math.sin(rot + Math.PI * i / waves) * k;
    }
    int gw = w / QC_STEP + 2;
    int gh = h / QC_STEP + 2;
    float[] grid = new float[gw * gh];
    for (int gy = 0; gy < gh; gy++) {
      for (int gx = 0; gx < gw; gx++) {
        double s = 0;
        for (int i = 0; i < waves; i++) {
          s += Math.cos(cx[i] * gx * QC_STEP + cy[i] * gy * QC_STEP);
        }
        grid[gy * gw + gx] = (float) (s / waves);
      }
    }
    for (int y = 0; y < h; y++) {
      int gy = y / QC_STEP;
      float fy = (y % QC_STEP) / (float) QC_STEP;
      for (int x = 0; x < w; x++) {
        int gx = x / QC_STEP;
        float fx = (x % QC_STEP) / (float) QC_STEP;
        int g = gy * gw + gx;
        float a = grid[g] + (grid[g + 1] - grid[g]) * fx;
        float b = grid[g + gw] + (grid[g + gw + 1] - grid[g + gw]) * fx;
        int i = y * w + x;
        px[i] = clip((px[i] & 0xff) - amp * (0.5 + 0.5 * (a + (b - a) * fy)));
      }
    }
  }

  /** Gaussian paper/sensor noise, applied to the composed page. */
  static void noise(byte[] px, SynthConfig cfg, Rng rng) {
    if (rng.chance(cfg.paperNoiseProb)) {
      Noise.addGaussian(px, rng.uniform(1, cfg.paperNoiseMax), rng);
    }
  }

  private static void gradient(byte[] px, int w, int h, Rng rng) {
    double ang = rng.uniform(0, 2 * Math.PI);
    double gx = Math.cos(ang) * rng.uniform(0, GRADIENT_MAX) / w;
    double gy = Math.sin(ang) * rng.uniform(0, GRADIENT_MAX) / h;
    for (int y = 0; y < h; y++) {
      int o = y * w;
      double dy = gy * (y - h / 2.0);
      for (int x = 0; x < w; x++) {
        px[o + x] = clip((px[o + x] & 0xff) + gx * (x - w / 2.0) + dy);
      }
    }
  }

  private static void stain(byte[] px, int w, int h, Rng rng) {
    double cx = rng.uniform(0, w);
    double cy = rng.uniform(0, h);
    double rx = rng.uniform(0.03, 0.2) * w;
    double ry = rx * rng.uniform(0.5, 1.5);
    double depth = rng.uniform(0.2, 1) * STAIN_DEPTH;
    int x0 = (int) Math.max(0, cx - rx);
    int x1 = (int) Math.min(w - 1, cx + rx);
    int y0 = (int) Math.max(0, cy - ry);
    int y1 = (int) Math.min(h - 1, cy + ry);
    for (int y = y0; y <= y1; y++) {
      double dy = (y - cy) / ry;
      for (int x = x0; x <= x1; x++) {
        double dx = (x - cx) / rx;
        double d = dx * dx + dy * dy;
        if (d < 1) {
          // ring-shaped edge, as dried coffee or water leaves
          double k = (1 - d) * 0.6 + Math.exp(-Math.pow((Math.sqrt(d) - 0.9) / 0.06, 2)) * 0.4;
          int i = y * w + x;
          px[i] = clip((px[i] & 0xff) - depth * k);
        }
      }
    }
  }

  /** Dark scan borders, vertical streaks and dust on the finished page. */
  static void scannerArtefacts(byte[] px, int w, int h, Rng rng) {
    if (rng.chance(0.6)) {
      int edges = rng.range(1, 2);
      for (int e = 0; e < edges; e++) {
        int side = rng.nextInt(4);
        int t = rng.range(1, Math.max(2, Math.min(w, h) / 60));
        int v = rng.range(0, 50);
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            boolean in = switch (side) {
              case 0 -> y < t;
              case 1 -> x >= w - t;
              case 2 -> y >= h - t;
              default -> x < t;
            };
            if (in) {
              px[y * w + x] = (byte) v;
            }
          }
        }
      }
    }
    int streaks = rng.chance(0.4) ? rng.range(1, 3) : 0;
    for (int s = 0; s < streaks; s++) {
      int x = rng.nextInt(w);
      int d = rng.range(10, 60);
      for (int y = 0; y < h; y++) {
        int i = y * w + x;
        px[i] = clip((px[i] & 0xff) - d);
      }
    }
    int dust = rng.range(0, 40);
    for (int k = 0; k < dust; k++) {
      int x = rng.nextInt(w);
      int y = rng.nextInt(h);
      int r = rng.range(0, 1);
      int v = rng.range(0, 90);
      for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
        for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
          px[yy * w + xx] = (byte) v;
        }
      }
    }
  }

  static byte clip(double v) {
    return (byte) (v < 0 ? 0 : v > 255 ? 255 : (int) (v + 0.5));
  }
}
