package dev.openocr.train;

import dev.openocr.detect.DetectorSpec;
import dev.openocr.geometry.Box;
import dev.openocr.geometry.Quad;
import dev.openocr.imageio.GrayImage;
import dev.openocr.imageio.Rectify;
import dev.openocr.synth.CraftTargets;
import dev.openocr.synth.SynthLine;
import dev.openocr.synth.SynthPage;
import dev.openocr.synth.SynthWord;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Cuts training crops out of synthetic pages with augmentation: random scale (around the
 * inference magnification), crops centred on words or anywhere, brightness and contrast jitter.
 * Targets are made for the crop on the fly from the pages' character quads.
 */
public final class DetectorSamples {
  /**
   * Range of the scale a crop is cut at (log-uniform), page pixels to network pixels.
   *
   * @param min smallest scale
   * @param max largest scale
   */
  public record Scales(double min, double max) {
    /** Runs 1-7: pages are about 100 dpi, inference magnified them 1.1-1.5 times. */
    public static final Scales DEFAULT = new Scales(0.8, 2.4);

    public Scales {
      if (!(min > 0 && max >= min && max <= 8)) {
        throw new IllegalArgumentException("Invalid training scale range: " + min + ".." + max);
      }
    }

    /** {@code "MIN,MAX"}. */
    public static Scales parse(String s) {
      String[] p = s.split(",");
      if (p.length != 2) {
        throw new IllegalArgumentException("Scale range must be MIN,MAX: " + s);
      }
      try {
        return new Scales(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Scale range must be MIN,MAX: " + s, e);
      }
    }

    double draw(SplittableRandom r) {
      return min * Math.pow(max / min, r.nextDouble());
    }

    @Override
    public String toString() {
      return min + "," + max;
    }
  }
  /** Share of crops centred on a word rather than anywhere on the page. */
  static final double WORD_CENTRED = 0.75;

  private DetectorSamples() {}

  static DetectorSample cut(SynthPage page, int size, DetectorSpec spec, Scales scales,
      SplittableRandom r) {
    double s = scales.draw(r);
    double side = size / s; // crop side in page pixels
    GrayImage img = page.image();
    double cx;
    double cy;
    List<SynthWord> words = page.words();
    if (!words.isEmpty() && r.nextDouble() < WORD_CENTRED) {
      Quad q = words.get(r.nextInt(words.size())).quad();
      cx = q.bounds().centerX() + (r.nextDouble() - 0.5) * side * 0.5;
      cy = q.bounds().centerY() + (r.nextDouble() - 0.5) * side * 0.5;
    } else {
      cx = r.nextDouble() * img.width();
      cy = r.nextDouble() * img.height();
    }
    double x0 = cx - side / 2;
    double y0 = cy - side / 2;
    GrayImage crop = Rectify.warp(img,
        new Quad(x0, y0, x0 + side, y0, x0 + side, y0 + side, x0, y0 + side), size, size);
    // page -> crop pixels: scale then shift
    double[] h = {s, 0, -x0 * s, 0, s, -y0 * s, 0, 0, 1};
    List<SynthWord> moved = new ArrayList<>();
    for (SynthWord w : words) {
      moved.add(w.transform(h));
    }
    CraftTargets t = CraftTargets.make(moved, size / 2, size / 2, 0.5);
    // brightness and contrast jitter around the paper level
    double contrast = 0.7 + 0.6 * r.nextDouble();
    double bright = (r.nextDouble() - 0.5) * 0.2;
    float[] in = new float[size * size];
    byte[] px = crop.pixels();
    for (int i = 0; i < in.length; i++) {
      double v = (px[i] & 0xff) / 255.0;
      v = Math.max(0, Math.min(1, (v - 0.5) * contrast + 0.5 + bright));
      in[i] = (float) ((v - spec.mean()) / spec.std());
    }
    return new DetectorSample(in, t.region(), t.affinity(),
        gaps(moved, page.lines(), size / 2, size / 2, 0.5), size);
  }

  /**
   * The spaces between neighbouring words of a line: 1 inside the quad that joins a word's right
   * side to the next word's left side, else 0; maps are {@code w x h} at {@code scale} times the
   * words' coordinates. Words that touch or overlap leave no space.
   */
  static float[] gaps(List<SynthWord> words, List<SynthLine> lines, int w, int h,
      double scale) {
    float[] out = new float[w * h];
    for (SynthLine line : lines) {
      for (int i = line.firstWord(); i + 1 < line.firstWord() + line.wordCount(); i++) {
        Quad a = words.get(i).quad().scale(scale, scale);
        Quad b = words.get(i + 1).quad().scale(scale, scale);
        // the next word must start after this one ends, along this word's baseline
        double ux = a.x1() - a.x0();
        double uy = a.y1() - a.y0();
        if ((b.x0() - a.x1()) * ux + (b.y0() - a.y1()) * uy <= 0
            || (b.x3() - a.x2()) * ux + (b.y3() - a.y2()) * uy <= 0) {
          continue;
        }
        Quad gap = new Quad(a.x1(), a.y1(), b.x0(), b.y0(), b.x3(), b.y3(), a.x2(), a.y2());
        Box bb = gap.bounds();
        int x0 = Math.max(0, (int) Math.floor(bb.left()));
        int x1 = Math.min(w - 1, (int) Math.ceil(bb.right()));
        int y0 = Math.max(0, (int) Math.floor(bb.top()));
        int y1 = Math.min(h - 1, (int) Math.ceil(bb.bottom()));
        for (int y = y0; y <= y1; y++) {
          for (int x = x0; x <= x1; x++) {
            if (gap.contains(x + 0.5, y + 0.5)) {
              out[y * w + x] = 1;
            }
          }
        }
      }
    }
    return out;
  }
}
