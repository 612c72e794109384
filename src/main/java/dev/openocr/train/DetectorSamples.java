package dev.openocr.train;

import dev.openocr.detect.DetectorSpec;
import dev.openocr.geometry.Quad;
import dev.openocr.imageio.GrayImage;
import dev.openocr.imageio.Rectify;
import dev.openocr.synth.CraftTargets;
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
final class DetectorSamples {
  /** Scales drawn for a crop: pages are about 100 dpi, inference magnifies them about 1.5x. */
  static final double MIN_SCALE = 0.8;
  static final double MAX_SCALE = 2.4;
  /** Share of crops centred on a word rather than anywhere on the page. */
  static final double WORD_CENTRED = 0.75;

  private DetectorSamples() {}

  static DetectorSample cut(SynthPage page, int size, DetectorSpec spec, SplittableRandom r) {
    double s = MIN_SCALE * Math.pow(MAX_SCALE / MIN_SCALE, r.nextDouble());
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
    return new DetectorSample(in, t.region(), t.affinity(), size);
  }
}
