package dev.openocr.synth;

import dev.openocr.imageio.GrayImage;
import java.util.List;

/**
 * Generates synthetic document pages with exact ground truth. Thread-safe: every call draws
 * from its own {@link Rng}, so {@code generate(seed)} is a pure function of the seed, the config,
 * the text source and the fonts.
 */
public final class PageGenerator {
  private final SynthConfig cfg;
  private final TextSource text;
  private final FontBank fonts;

  public PageGenerator(SynthConfig cfg, TextSource text, FontBank fonts) {
    if (text.lang() != fonts.lang()) {
      throw new IllegalArgumentException("Text is " + text.lang() + " but fonts are "
          + fonts.lang());
    }
    this.cfg = cfg;
    this.text = text;
    this.fonts = fonts;
  }

  /** A generator with the shipped corpus and the default fonts of {@code lang}. */
  public static PageGenerator defaults(Lang lang, SynthConfig cfg) {
    return new PageGenerator(cfg, TextSource.defaults(lang), FontBank.defaults(lang));
  }

  public SynthConfig config() {
    return cfg;
  }

  /** One page, {@code cfg.pageWidth x cfg.pageHeight} pixels. */
  public SynthPage generate(long seed) {
    Rng rng = new Rng(seed);
    int w = cfg.pageWidth;
    int h = cfg.pageHeight;
    int scale = rng.chance(cfg.hiResProb) ? Math.max(1, cfg.hiResScale) : 1;
    byte[] ink;
    List<SynthWord> words;
    List<SynthLine> lines;
    boolean typed = rng.chance(cfg.typewriterProb);
    try (InkCanvas canvas = new InkCanvas(w, h, scale)) {
      new PageComposer(canvas, rng, cfg, text, fonts, typed).compose();
      ink = canvas.inkMap();
      words = canvas.words();
      lines = canvas.lines();
    }
    if (typed) {
      InkEffects.strikes(ink, w, h, words, cfg.typewriterStrike, rng);
    }
    InkEffects.apply(ink, w, h, cfg, rng, StrokeGuard.of(false));
    if (rng.chance(cfg.sineWarpProb)) {
      Warp.Sine sine = Warp.Sine.random(cfg, rng);
      ink = sine.apply(ink, w, h);
      List<SynthWord> moved = words.stream().map(x -> x.map(sine)).toList();
      lines = lines.stream().map(x -> x.map(sine, moved)).toList();
      words = moved;
    }
    double[] hm = Warp.random(w, h, cfg, rng);
    if (hm != null) {
      ink = Warp.apply(ink, w, h, hm, 0);
      words = words.stream().map(x -> x.transform(hm)).toList();
      lines = lines.stream().map(x -> x.transform(hm)).toList();
    }
    byte[] px = ImageEffects.finish(ink, w, h, cfg, rng, true, StrokeGuard.of(false));
    return new SynthPage(new GrayImage(w, h, px), words, lines);
  }
}
