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

/** Degradations of a finished gray image: blur, speckle, low resolution, JPEG, binarization. */
final class ImageEffects {
  private ImageEffects() {}

  /** Applies each degradation with its probability from {@code cfg}, in scan order. */
  static byte[] apply(byte[] px, int w, int h, SynthConfig cfg, Rng rng) {
    if (rng.chance(cfg.lowResProb)) {
      px = lowRes(px, w, h, rng.uniform(cfg.lowResMin, 0.9));
    }
    if (rng.chance(cfg.blurProb)) {
      int passes = rng.range(1, Math.max(1, cfg.blurMax));
      for (int i = 0; i < passes; i++) {
        px = boxBlur(px, w, h);
      }
    }
    if (rng.chance(cfg.speckleProb)) {
      speckle(px, rng.uniform(0.0005, cfg.speckleMax), rng);
    }
    if (rng.chance(cfg.binarizeProb)) {
      binarize(px, rng.uniform(0.35, 0.65));
    } else if (rng.chance(cfg.jpegProb)) {
      px = jpeg(px, w, h, (float) rng.uniform(cfg.jpegQualityMin, 0.9));
    }
    return px;
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

  /** Salt and pepper: a share {@code amount} of pixels set to near black or near white. */
  static void speckle(byte[] px, double amount, Rng rng) {
    int n = (int) (px.length * amount);
    for (int k = 0; k < n; k++) {
      int i = rng.nextInt(px.length);
      px[i] = (byte) (rng.chance(0.6) ? rng.range(0, 60) : rng.range(200, 255));
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

  /**
   * Thresholds between the dark and light ends of the histogram (2nd and 98th percentiles):
   * {@code level} 0..1 is where between them the cut falls, so faint text survives.
   */
  static void binarize(byte[] px, double level) {
    int[] hist = new int[256];
    for (byte b : px) {
      hist[b & 0xff]++;
    }
    int lo = percentile(hist, px.length, 0.02);
    int hi = percentile(hist, px.length, 0.98);
    int threshold = (int) Math.round(lo + (hi - lo) * level);
    for (int i = 0; i < px.length; i++) {
      px[i] = (px[i] & 0xff) < threshold ? 0 : (byte) 255;
    }
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
