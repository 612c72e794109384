package dev.openocr.synth;

import dev.openocr.geometry.Quad;
import dev.openocr.imageio.Rectify;
import java.util.ArrayList;
import java.util.List;

/**
 * Word crops cut from a whole synthetic page, with the same loose, jittered box rule as
 * {@link CropGenerator}: each word's box runs along its own direction, is padded at both ends and
 * is as high as its line's ink divided by a random fill share, so neighbours, rules and the lines
 * above and below come into the crop as they do on a scan. One page gives all its words at once,
 * which is much cheaper per crop than rendering a line per crop.
 */
public final class PageCrops {
  /** Padding at each end of a word, as a share of the line height. */
  private static final double PAD_MIN = -0.03;
  private static final double PAD_MAX = 0.6;
  /** Jitter of the box centre across the text, as a share of the box height. */
  private static final double CENTER_JITTER = 0.12;
  /** Lines of punctuation only ("-", ".") have little ink: their height is taken as this, px. */
  private static final double MIN_LINE_HEIGHT = 8;

  private PageCrops() {}

  /**
   * Crops of every word of {@code page}, in word order, {@code cfg.cropHeight} pixels high
   * (native height if 0); the jitter is drawn from {@code seed}.
   */
  public static List<SynthCrop> cut(SynthPage page, SynthConfig cfg, long seed) {
    Rng rng = new Rng(seed);
    List<SynthCrop> out = new ArrayList<>(page.words().size());
    for (SynthLine line : page.lines()) {
      double lineH = Math.max(MIN_LINE_HEIGHT, line.quad().height());
      for (int i = line.firstWord(); i < line.firstWord() + line.wordCount(); i++) {
        SynthWord w = page.words().get(i);
        Quad box = looseBox(w.quad(), line.quad(), lineH, cfg, rng);
        int outH = cfg.cropHeight > 0 ? cfg.cropHeight
            : Math.max(1, (int) Math.round(box.height()));
        int outW = (int) Math.max(1, Math.min(Rectify.MAX_CROP_WIDTH,
            Math.round(box.width() * outH / Math.max(1, box.height()))));
        out.add(new SynthCrop(Rectify.warp(page.image(), box, outW, outH), w.text()));
      }
    }
    return out;
  }

  /** The word's quad stretched along its line's direction: loose across, padded along. */
  static Quad looseBox(Quad word, Quad line, double lineH, SynthConfig cfg, Rng rng) {
    double ux = word.x1() - word.x0();
    double uy = word.y1() - word.y0();
    double len = Math.max(1e-9, Math.hypot(ux, uy));
    ux /= len;
    uy /= len;
    double vx = -uy;
    double vy = ux;
    double[] wc = Quads.center(word);
    double[] lc = Quads.center(line);
    // along the text: the word's own extent; across: centred on the line
    double u0 = Double.MAX_VALUE;
    double u1 = -Double.MAX_VALUE;
    double[] c = word.toArray();
    for (int k = 0; k < 8; k += 2) {
      double u = (c[k] - wc[0]) * ux + (c[k + 1] - wc[1]) * uy;
      u0 = Math.min(u0, u);
      u1 = Math.max(u1, u);
    }
    double boxH = lineH / rng.uniform(cfg.cropFillMin, cfg.cropFillMax) * 0.8;
    double vMid = (lc[0] - wc[0]) * vx + (lc[1] - wc[1]) * vy
        + rng.uniform(-CENTER_JITTER, CENTER_JITTER) * boxH;
    u0 -= rng.uniform(PAD_MIN, PAD_MAX) * lineH;
    u1 = Math.max(u0 + 1, u1 + rng.uniform(PAD_MIN, PAD_MAX) * lineH); // never flipped or empty
    double v0 = vMid - boxH / 2;
    double v1 = vMid + boxH / 2;
    return new Quad(wc[0] + ux * u0 + vx * v0, wc[1] + uy * u0 + vy * v0,
        wc[0] + ux * u1 + vx * v0, wc[1] + uy * u1 + vy * v0,
        wc[0] + ux * u1 + vx * v1, wc[1] + uy * u1 + vy * v1,
        wc[0] + ux * u0 + vx * v1, wc[1] + uy * u0 + vy * v1);
  }
}
