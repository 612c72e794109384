package dev.openocr.synth;

import dev.openocr.imageio.GrayImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** From ink to the finished image: paper, binarization, blur, speckle, low resolution, JPEG. */
final class ImageEffects {
  private ImageEffects() {}

  /** Ink coverage range (0..255) above which a binarizing scanner prints black. */
  private static final int BINARY_INK_MIN = 20;
  private static final int BINARY_INK_MAX = 70;
  /** The same for fragile text: higher, so strokes thicken less (faint typed ink must still print). */
  private static final int FRAGILE_INK_MIN = 40;
  private static final int FRAGILE_INK_MAX = 90;

  /**
   * Turns an ink coverage map into the final page: either a binarized (fax-like) image, where
   * ink above a random coverage is black on white paper, or ink laid on paper with noise,
   * optional scanner artefacts and the gray-level degradations. Fragile text (see {@link
   * StrokeGuard}) is binarized at a higher threshold, only when no other damaging effect was
   * applied (else it goes the gray way), and is not blurred.
   */
  static byte[] finish(byte[] ink, int w, int h, SynthConfig cfg, Rng rng, boolean scanner,
      StrokeGuard guard) {
    if (rng.chance(cfg.binarizeProb) && guard.allowDamage()) {
      int t = rng.range(BINARY_INK_MIN, BINARY_INK_MAX);
      if (guard.fragile()) {
        t = FRAGILE_INK_MIN + (t - BINARY_INK_MIN) * (FRAGILE_INK_MAX - FRAGILE_INK_MIN)
            / (BINARY_INK_MAX - BINARY_INK_MIN);
      }
      byte[] px = new byte[ink.length];
      for (int i = 0; i < px.length; i++) {
        px[i] = (ink[i] & 0xff) > t ? 0 : (byte) 255;
      }
      if (scanner && rng.chance(cfg.scannerProb)) {
        Paper.scannerArtefacts(px, w, h, rng);
      }
      if (rng.chance(cfg.speckleProb)) {
        speckle(px, rng.uniform(0.0005, cfg.speckleMax), rng, true);
      }
      return px;
    }
    byte[] px = Paper.make(w, h, cfg, rng);
    InkEffects.composite(px, ink, rng);
    Paper.noise(px, cfg, rng);
    if (scanner && rng.chance(cfg.scannerProb)) {
      Paper.scannerArtefacts(px, w, h, rng);
    }
    return apply(px, w, h, cfg, rng, guard);
  }

  /**
   * Applies each gray-level degradation with its probability from {@code cfg}, in scan order;
   * fragile text is not blurred, and low resolution is its one damaging effect only when none
   * came before (the draws are made all the same).
   */
  static byte[] apply(byte[] px, int w, int h, SynthConfig cfg, Rng rng, StrokeGuard guard) {
    if (rng.chance(cfg.lowResProb)) {
      double f = rng.uniform(cfg.lowResMin, 0.9);
      if (guard.allowDamage()) {
        px = lowRes(px, w, h, f);
      }
    }
    if (rng.chance(cfg.blurProb)) {
      int passes = rng.range(1, Math.max(1, cfg.blurMax));
      for (int i = 0; i < passes && !guard.fragile(); i++) {
        px = boxBlur(px, w, h);
      }
    }
    if (rng.chance(cfg.autoLevelProb)) {
      levels(px, rng.range(0, 40), rng.range(215, 255));
    }
    if (rng.chance(cfg.speckleProb)) {
      speckle(px, rng.uniform(0.0005, cfg.speckleMax), rng, false);
    }
    if (rng.chance(cfg.jpegProb)) {
      px = jpeg(px, w, h, (float) rng.uniform(cfg.jpegQualityMin, 0.9));
    }
    return px;
  }

  /** Percentiles taken as black and white by auto-levels (ink can be under 1% of a page). */
  private static final double LEVELS_LOW = 0.003;
  private static final double LEVELS_HIGH = 0.995;
  /** Largest contrast gain of auto-levels. */
  private static final double MAX_LEVELS_GAIN = 2.5;

  /** Stretches the low..high percentile range of gray levels onto {@code lo..hi}. */
  static void levels(byte[] px, int lo, int hi) {
    int[] hist = new int[256];
    for (byte b : px) {
      hist[b & 0xff]++;
    }
    int a = percentile(hist, px.length, LEVELS_LOW);
    int b = percentile(hist, px.length, LEVELS_HIGH);
    if (b - a < 8) {
      return; // blank: nothing to stretch
    }
    // faint scans are stretched at most MAX_LEVELS_GAIN times, or their noise would explode
    double span = Math.max(b - a, (hi - lo) / MAX_LEVELS_GAIN);
    a = (int) Math.max(0, b - span);
    byte[] lut = new byte[256];
    for (int v = 0; v < 256; v++) {
      double t = (v - a) / span;
      lut[v] = Paper.clip(lo + (hi - lo) * Math.max(0, Math.min(1, t)));
    }
    for (int i = 0; i < px.length; i++) {
      px[i] = lut[px[i] & 0xff];
    }
  }

  /** Separable 3x3 box blur. */
  static byte[] boxBlur(byte[] src, int w, int h) {
    byte[] tmp = new byte[src.length];
    for (int y = 0; y < h; y++) {
      int o = y * w;
      for (int x = 0; x < w; x++) {
        int l = src[o + Math.max(0, x - 1)] & 0xff;
        int r = src[o + Math.min(w - 1, x + 1)] & 0xff;
        tmp[o + x] = (byte) ((l + (src[o + x] & 0xff) + r + 1) / 3);
      }
    }
    byte[] out = new byte[src.length];
    for (int y = 0; y < h; y++) {
      int up = Math.max(0, y - 1) * w;
      int dn = Math.min(h - 1, y + 1) * w;
      int o = y * w;
      for (int x = 0; x < w; x++) {
        out[o + x] = (byte) (((tmp[up + x] & 0xff) + (tmp[o + x] & 0xff) + (tmp[dn + x] & 0xff) + 1)
            / 3);
      }
    }
    return out;
  }

  /**
   * Salt and pepper: a share {@code amount} of pixels set to near black or near white (pure
   * black or white when {@code binary}).
   */
  static void speckle(byte[] px, double amount, Rng rng, boolean binary) {
    int n = (int) (px.length * amount);
    for (int k = 0; k < n; k++) {
      int i = rng.nextInt(px.length);
      boolean dark = rng.chance(0.6);
      px[i] = binary ? (byte) (dark ? 0 : 255) : (byte) (dark ? rng.range(0, 60)
          : rng.range(200, 255));
    }
  }

  /** Down-samples by {@code f} (area average) and back up (bilinear): lost detail, soft edges. */
  static byte[] lowRes(byte[] px, int w, int h, double f) {
    int sw = Math.max(1, (int) Math.round(w * f));
    int sh = Math.max(1, (int) Math.round(h * f));
    byte[] small = new byte[sw * sh];
    for (int y = 0; y < sh; y++) {
      int sy0 = y * h / sh;
      int sy1 = Math.max(sy0 + 1, (y + 1) * h / sh);
      for (int x = 0; x < sw; x++) {
        int sx0 = x * w / sw;
        int sx1 = Math.max(sx0 + 1, (x + 1) * w / sw);
        int s = 0;
        for (int yy = sy0; yy < sy1; yy++) {
          for (int xx = sx0; xx < sx1; xx++) {
            s += px[yy * w + xx] & 0xff;
          }
        }
        small[y * sw + x] = (byte) (s / ((sy1 - sy0) * (sx1 - sx0)));
      }
    }
    return resize(small, sw, sh, w, h);
  }

  /** Bilinear resize. */
  static byte[] resize(byte[] src, int sw, int sh, int w, int h) {
    byte[] out = new byte[w * h];
    double kx = (double) sw / w;
    double ky = (double) sh / h;
    for (int y = 0; y < h; y++) {
      double sy = Math.max(0, (y + 0.5) * ky - 0.5);
      int y0 = Math.min(sh - 1, (int) sy);
      int y1 = Math.min(sh - 1, y0 + 1);
      double fy = sy - y0;
      for (int x = 0; x < w; x++) {
        double sx = Math.max(0, (x + 0.5) * kx - 0.5);
        int x0 = Math.min(sw - 1, (int) sx);
        int x1 = Math.min(sw - 1, x0 + 1);
        double fx = sx - x0;
        double a = (src[y0 * sw + x0] & 0xff) * (1 - fx) + (src[y0 * sw + x1] & 0xff) * fx;
        double b = (src[y1 * sw + x0] & 0xff) * (1 - fx) + (src[y1 * sw + x1] & 0xff) * fx;
        out[y * w + x] = (byte) (int) (a + (b - a) * fy + 0.5);
      }
    }
    return out;
  }

  private static int percentile(int[] hist, int n, double q) {
    long target = (long) (n * q);
    long acc = 0;
    for (int v = 0; v < 256; v++) {
      acc += hist[v];
      if (acc > target) {
        return v;
      }
    }
    return 255;
  }

  /** Round trip through a baseline JPEG at {@code quality} (0..1). */
  static byte[] jpeg(byte[] px, int w, int h, float quality) {
    try {
      Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
      ImageWriter writer = it.next();
      ByteArrayOutputStream bos = new ByteArrayOutputStream();
      try (ImageOutputStream ios = ImageIO.createImageOutputStream(bos)) {
        writer.setOutput(ios);
        ImageWriteParam p = writer.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(quality);
        writer.write(null, new IIOImage(new GrayImage(w, h, px).toBufferedImage(), null, null), p);
      } finally {
        writer.dispose();
      }
      var img = ImageIO.read(new ByteArrayInputStream(bos.toByteArray()));
      return GrayImage.fromBufferedImage(img).pixels();
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG round trip failed", e);
    }
  }
}
