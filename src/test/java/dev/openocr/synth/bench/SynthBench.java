package dev.openocr.synth.bench;

import dev.openocr.synth.CraftTargets;
import dev.openocr.synth.CropGenerator;
import dev.openocr.synth.Lang;
import dev.openocr.synth.PageGenerator;
import dev.openocr.synth.SynthConfig;
import dev.openocr.synth.SynthPage;
import java.util.Locale;

/**
 * Single-thread throughput of the generators: {@code SynthBench [pages] [crops] [lang]}.
 * Prints pages/s, pages+CRAFT targets/s and crops/s on one core after a warm-up.
 */
public final class SynthBench {
  private static final int WARMUP = 10;

  private SynthBench() {}

  public static void main(String[] args) {
    int pages = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int crops = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
    Lang lang = args.length > 2 ? Lang.parse(args[2]) : Lang.EN;
    SynthConfig cfg = SynthConfig.defaults();
    PageGenerator pg = PageGenerator.defaults(lang, cfg);
    CropGenerator cg = CropGenerator.defaults(lang, cfg);
    for (int i = 0; i < WARMUP; i++) {
      pg.generate(-1 - i);
      cg.generate(-1 - i);
    }
    long t0 = System.nanoTime();
    long words = 0;
    for (int i = 0; i < pages; i++) {
      words += pg.generate(i).words().size();
    }
    double pageS = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    for (int i = 0; i < pages / 2; i++) {
      SynthPage p = pg.generate(i);
      CraftTargets.make(p, cfg.pageWidth / 2, cfg.pageHeight / 2, 0.5);
    }
    double craftS = (System.nanoTime() - t1) / 1e9;
    long t2 = System.nanoTime();
    for (int i = 0; i < crops; i++) {
      cg.generate(i);
    }
    double cropS = (System.nanoTime() - t2) / 1e9;
    System.out.printf(Locale.ROOT, "lang=%s pages: %.2f/s (%.0f words/page), pages+CRAFT: %.2f/s, "
        + "crops: %.0f/s%n", lang.code(), pages / pageS, (double) words / pages,
        (pages / 2) / craftS, crops / cropS);
  }
}
