package dev.openocr.synth;

import dev.openocr.imageio.Homography;

/**
 * Page-level geometric transforms: rotation (skew) and perspective as 3x3 homographies, and a
 * sine-wave warp (paper that was not flat on the scanner).
 */
final class Warp {
  private Warp() {}

  /**
   * A vertical sine displacement {@code y' = y + amp * sin(2 pi x / period + phase)}, pixels.
   *
   * @param amp amplitude in pixels
   * @param period wavelength in pixels
   * @param phase phase in radians
   */
  record Sine(double amp, double period, double phase) implements Quads.PointMap {
    static Sine random(SynthConfig cfg, Rng rng) {
      return new Sine(rng.uniform(0.5, cfg.sineWarpMax), rng.uniform(150, 900),
          rng.uniform(0, 2 * Math.PI));
    }

    double offset(double x) {
      return amp * Math.sin(2 * Math.PI * x / period + phase);
    }

    @Override
    public void map(double x, double y, double[] out) {
      out[0] = x;
      out[1] = y + offset(x);
    }

    /** Warps a {@code w x h} map, pixels from outside reading 0. */
    byte[] apply(byte[] src, int w, int h) {
      byte[] out = new byte[src.length];
      for (int x = 0; x < w; x++) {
        double d = offset(x + 0.5);
        int di = (int) Math.floor(d);
        double f = d - di;
        for (int y = 0; y < h; y++) {
          // destination y reads source y - d, between rows y-di-1 and y-di
          int s0 = y - di - 1;
          int s1 = y - di;
          int a = s0 >= 0 && s0 < h ? src[s0 * w + x] & 0xff : 0;
          int b = s1 >= 0 && s1 < h ? src[s1 * w + x] & 0xff : 0;
          out[y * w + x] = (byte) (int) (b + (a - b) * f + 0.5);
        }
      }
      return out;
    }
  }

  /**
   * A random homography for a {@code w x h} page (row-major 3x3, source -> destination), or null
   * when neither rotation nor perspective is drawn.
   */
  static double[] random(int w, int h, SynthConfig cfg, Rng rng) {
    boolean rot = rng.chance(cfg.rotateProb);
    boolean persp = rng.chance(cfg.perspectiveProb);
    if (!rot && !persp) {
      return null;
    }
    double[] src = {0, 0, w, 0, w, h, 0, h};
    double[] dst = src.clone();
    if (persp) {
      double m = cfg.perspectiveMax;
      for (int i = 0; i < 8; i += 2) {
        dst[i] += rng.uniform(-m, m) * w;
        dst[i + 1] += rng.uniform(-m, m) * h;
      }
    }
    if (rot) {
      double a = Math.toRadians(rng.uniform(-cfg.rotateMax, cfg.rotateMax));
      double c = Math.cos(a);
      double s = Math.sin(a);
      for (int i = 0; i < 8; i += 2) {
        double x = dst[i] - w / 2.0;
        double y = dst[i + 1] - h / 2.0;
        dst[i] = w / 2.0 + c * x - s * y;
        dst[i + 1] = h / 2.0 + s * x + c * y;
      }
    }
    return Homography.solve(src, dst);
  }

  /** Inverse of a homography (adjugate; the scale does not matter). */
  static double[] invert(double[] m) {
    return new double[] {
        m[4] * m[8] - m[5] * m[7], m[2] * m[7] - m[1] * m[8], m[1] * m[5] - m[2] * m[4],
        m[5] * m[6] - m[3] * m[8], m[0] * m[8] - m[2] * m[6], m[2] * m[3] - m[0] * m[5],
        m[3] * m[7] - m[4] * m[6], m[1] * m[6] - m[0] * m[7], m[0] * m[4] - m[1] * m[3]};
  }

  /**
   * Warps a {@code w x h} map by {@code h} (source -> destination), bilinear, pixels from
   * outside reading {@code outside}.
   */
  static byte[] apply(byte[] src, int w, int hgt, double[] hm, int outside) {
    double[] inv = invert(hm);
    byte[] out = new byte[src.length];
    for (int y = 0; y < hgt; y++) {
      double v = y + 0.5;
      for (int x = 0; x < w; x++) {
        double u = x + 0.5;
        double d = inv[6] * u + inv[7] * v + inv[8];
        double sx = (inv[0] * u + inv[1] * v + inv[2]) / d - 0.5;
        double sy = (inv[3] * u + inv[4] * v + inv[5]) / d - 0.5;
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        double fx = sx - x0;
        double fy = sy - y0;
        int a = px(src, w, hgt, x0, y0, outside);
        int b = px(src, w, hgt, x0 + 1, y0, outside);
        int c = px(src, w, hgt, x0, y0 + 1, outside);
        int e = px(src, w, hgt, x0 + 1, y0 + 1, outside);
        double top = a + (b - a) * fx;
        double bot = c + (e - c) * fx;
        out[y * w + x] = (byte) (int) (top + (bot - top) * fy + 0.5);
      }
    }
    return out;
  }

  private static int px(byte[] s, int w, int h, int x, int y, int outside) {
    return x < 0 || y < 0 || x >= w || y >= h ? outside : s[y * w + x] & 0xff;
  }
}
