package dev.openocr.synth;

import dev.openocr.geometry.Box;
import dev.openocr.imageio.GrayImage;
import dev.openocr.imageio.Rectify;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;

/**
 * Word crops for the recognizer, cut the way a detector would see them in a scan: a word is
 * rendered inside its line between neighbouring words and lines (with rules and underlines),
 * degraded like a page, then cut with a LOOSE, jittered axis-aligned box (the text em fills
 * {@code cropFillMin..cropFillMax} of the box height, as in FUNSD) and resized to
 * {@code cropHeight}. With {@code cropPhraseProb} a share of the crops take in one or both
 * neighbouring words (label with spaces). Thread-safe; {@code generate(seed)} is a pure
 * function of the seed.
 */
public final class CropGenerator {
  /** Canvas margin around the line, in ems. */
  private static final double MARGIN_EM = 2.5;
  /** Horizontal padding of the crop box on each side, in ems. */
  private static final double PAD_MIN_EM = -0.03;
  private static final double PAD_MAX_EM = 0.6;
  /** Vertical jitter of the box centre, as a fraction of the box height. */
  private static final double CENTER_JITTER = 0.12;
  private static final int MAX_TRIES = 8;

  private final SynthConfig cfg;
  /** {@link SynthConfig#printLike} of {@link #cfg}. */
  private final SynthConfig print;
  private final TextSource text;
  private final FontBank fonts;

  public CropGenerator(SynthConfig cfg, TextSource text, FontBank fonts) {
    if (text.lang() != fonts.lang()) {
      throw new IllegalArgumentException("Text is " + text.lang() + " but fonts are "
          + fonts.lang());
    }
    this.cfg = cfg;
    this.print = cfg.printLike();
    this.text = text;
    this.fonts = fonts;
  }

  public static CropGenerator defaults(Lang lang, SynthConfig cfg) {
    return new CropGenerator(cfg, TextSource.defaults(lang), FontBank.defaults(lang));
  }

  /** One crop and its label. */
  public SynthCrop generate(long seed) {
    Rng rng = new Rng(seed);
    for (int t = 0; t < MAX_TRIES; t++) {
      SynthCrop c = attempt(rng);
      if (c != null) {
        return c;
      }
    }
    throw new IllegalStateException("No font can draw the sampled text for seed " + seed);
  }

  private String target(Rng rng) {
    if (rng.chance(cfg.cropTokenProb)) {
      String[] parts = text.token(rng).split(" ");
      return parts[rng.nextInt(parts.length)];
    }
    return text.word(rng);
  }

  private SynthCrop attempt(Rng rng) {
    // drawn only when phrases are on, so the crops of a seed are as before when they are off
    boolean phrase = cfg.cropPhraseProb > 0 && rng.chance(cfg.cropPhraseProb);
    SynthConfig cfg = this.cfg.printCropProb > 0 && rng.chance(this.cfg.printCropProb)
        ? print : this.cfg;
    String word = target(rng);
    String leftCtx = rng.chance(phrase ? 0.7 : 0.5) ? text.word(rng) + " " : "";
    String rightCtx = rng.chance(phrase ? 0.7 : 0.5) ? " " + text.word(rng) : "";
    // a phrase takes in one or both neighbours: the crop a detector makes of merged words
    boolean withLeft = phrase && !leftCtx.isEmpty() && (rightCtx.isEmpty() || rng.chance(0.6));
    boolean withRight = phrase && !rightCtx.isEmpty() && (!withLeft || rng.chance(0.4));
    String line = leftCtx + word + rightCtx;
    FontFace face = fonts.pick(rng, line, cfg.monoWeight, rng.chance(cfg.boldProb));
    if (face == null) {
      return null;
    }
    double size = rng.uniform(cfg.fontMin(text.lang()), cfg.fontMax(text.lang()));
    double tracking = rng.chance(cfg.trackingProb) ? rng.uniform(0, cfg.trackingMax) * size : 0;
    int gray = (int) Math.round(255 * (1 - cfg.inkDarkness * (1 - rng.uniform(0,
        cfg.inkJitter))));
    boolean typed = rng.chance(cfg.typewriterProb);
    TextStyle st = TextStyle.of(face, size, tracking, gray);
    if (rng.chance(cfg.widthScaleProb)) {
      st = st.withWidthScale(1 + rng.uniform(-cfg.widthScaleMax, cfg.widthScaleMax));
    }
    if (typed) {
      st = st.withJitter(cfg.typewriterJitter * size);
    }
    GlyphVector gv = st.layout(line, rng);
    double adv = InkCanvas.advance(gv);
    int w = (int) Math.ceil(adv + 2 * MARGIN_EM * size);
    int h = (int) Math.ceil((2 * MARGIN_EM + 1.2) * size);
    int scale = rng.chance(cfg.hiResProb) ? Math.max(1, cfg.hiResScale) : 1;
    double baseline = MARGIN_EM * size + st.ascent();
    double x0 = MARGIN_EM * size;
    double angle = rng.chance(cfg.smallAngleProb) ? Math.toRadians(rng.signed(rng.uniform(0.2,
        cfg.smallAngleMax / 2))) : 0;
    byte[] ink;
    SynthWord target;
    Box inkBox;
    Box left = null;
    Box right = null;
    try (InkCanvas canvas = new InkCanvas(w, h, scale)) {
      AffineTransform at = AffineTransform.getTranslateInstance(x0, baseline);
      at.rotate(angle);
      int first = canvas.drawText(gv, line, at, gray);
      if (first < 0) {
        return null;
      }
      int ti = first + (leftCtx.isEmpty() ? 0 : 1);
      target = canvas.words().get(ti);
      inkBox = target.quad().bounds();
      if (!leftCtx.isEmpty()) {
        Box b = canvas.words().get(ti - 1).quad().bounds();
        if (withLeft) {
          inkBox = inkBox.union(b);
        } else {
          left = b;
        }
      }
      if (!rightCtx.isEmpty()) {
        Box b = canvas.words().get(ti + 1).quad().bounds();
        if (withRight) {
          inkBox = inkBox.union(b);
        } else {
          right = b;
        }
      }
      if (rng.chance(cfg.cropNeighbourProb)) {
        neighbours(canvas, st, rng, baseline, w);
      }
      if (rng.chance(cfg.cropRuleProb)) {
        rule(canvas, st, rng, baseline, w, h);
      }
      ink = canvas.inkMap();
      if (typed) {
        InkEffects.strikes(ink, w, h, canvas.words(), cfg.typewriterStrike, rng);
      }
    }
    StrokeGuard guard = StrokeGuard.of(cfg.fragile(text.lang(), size, face.bold()));
    InkEffects.apply(ink, w, h, cfg, rng, guard);
    byte[] px = ImageEffects.finish(ink, w, h, cfg, rng, false, guard);
    GrayImage img = new GrayImage(w, h, px);
    Box box = looseBox(inkBox, st, baseline, rng, left, right);
    int outH = cfg.cropHeight > 0 ? cfg.cropHeight : Math.max(1, (int) Math.round(box.height()));
    int outW = (int) Math.max(1, Math.min(Rectify.MAX_CROP_WIDTH,
        Math.round(box.width() * outH / box.height())));
    String label = (withLeft ? leftCtx : "") + word + (withRight ? rightCtx : "");
    return new SynthCrop(Rectify.warp(img, box.toQuad(), outW, outH), label);
  }

  /**
   * The detector-like box: loose vertically (em fills a random share), jittered, and padded
   * sideways but never past the middle of the space to a neighbouring word (whose ink would
   * then be in the crop without being in the label).
   */
  private Box looseBox(Box ink, TextStyle st, double baseline, Rng rng, Box leftWord,
      Box rightWord) {
    double size = st.size();
    double boxH = size / rng.uniform(cfg.cropFillMin, cfg.cropFillMax);
    double mid = (baseline - st.ascent() * 0.8 + baseline + st.descent() * 0.6) / 2;
    // rotated words: centre on the ink instead of the baseline
    double cy = Math.abs(ink.centerY() - mid) > size * 0.5 ? ink.centerY() : mid;
    cy += rng.uniform(-CENTER_JITTER, CENTER_JITTER) * boxH;
    double top = Math.min(cy - boxH / 2, ink.top() - 1);
    double bottom = Math.max(cy + boxH / 2, ink.bottom() + 1);
    double l = ink.left() - rng.uniform(PAD_MIN_EM, PAD_MAX_EM) * size;
    double r = ink.right() + rng.uniform(PAD_MIN_EM, PAD_MAX_EM) * size;
    return withinSpaces(new Box(l, top, Math.max(l + 1, r), bottom), ink, leftWord, rightWord);
  }

  /**
   * {@code box} with its sides moved in to the middle of the space between the word's ink and
   * each neighbouring word's ink (null: no neighbour on that side); at least 1 pixel wide.
   */
  static Box withinSpaces(Box box, Box ink, Box leftWord, Box rightWord) {
    double l = box.left();
    double r = box.right();
    if (leftWord != null) {
      l = Math.max(l, (leftWord.right() + ink.left()) / 2);
    }
    if (rightWord != null) {
      r = Math.min(r, (ink.right() + rightWord.left()) / 2);
    }
    return new Box(l, box.top(), Math.max(l + 1, r), box.bottom());
  }

  /** Fragments of the lines above and below. */
  private void neighbours(InkCanvas canvas, TextStyle st, Rng rng, double baseline, int w) {
    for (int dir = -1; dir <= 1; dir += 2) {
      if (!rng.chance(0.6)) {
        continue;
      }
      double pitch = st.size() * rng.uniform(1.05, 1.9);
      String s = text.text(rng, 60);
      if (!st.face().canDraw(s)) {
        continue;
      }
      double x = rng.uniform(-st.width(s), w * 0.5);
      AffineTransform at = AffineTransform.getTranslateInstance(x, baseline + dir * pitch);
      canvas.drawText(st.layout(s, rng), s, at, st.gray());
    }
  }

  /** An underline, a rule through the text, or a vertical table line. */
  private void rule(InkCanvas canvas, TextStyle st, Rng rng, double baseline, int w, int h) {
    double t = rng.uniform(0.6, 1.8);
    switch (rng.nextInt(4)) {
      case 0, 1 -> {
        double y = baseline + st.descent() * rng.uniform(0.2, 1.6);
        canvas.line(rng.uniform(0, w * 0.3), y, rng.uniform(w * 0.7, w), y, t, st.gray());
      }
      case 2 -> {
        double y = baseline - st.ascent() - st.size() * rng.uniform(0.1, 0.6);
        canvas.line(0, y, w, y, t, st.gray());
      }
      default -> {
        double x = rng.chance(0.5) ? rng.uniform(0, st.size() * MARGIN_EM)
            : w - rng.uniform(0, st.size() * MARGIN_EM);
        canvas.line(x, 0, x, h, t, st.gray());
      }
    }
  }
}
