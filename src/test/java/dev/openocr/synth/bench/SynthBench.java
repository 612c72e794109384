package dev.openocr.synth.bench;

import dev.openocr.synth.CraftTargets;
import dev.openocr.synth.CropGenerator;
import dev.openocr.synth.Lang;
import dev.openocr.synth.PageCrops;
import dev.openocr.synth.PageGenerator;
import dev.openocr.synth.SynthConfig;
import dev.openocr.synth.SynthPage;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Single-thread throughput of the generators: {@code SynthBench [pages] [crops] [lang]}.
 * Prints pages/s, CRAFT target time per page and crops/s on one core after a warm-up, from the
 * process's CPU time (this JVM's threads, GC and JIT included, so other processes on a shared
 * machine do not skew it) and wall time.
 */
public final class SynthBench {
  private static final int WARMUP = 40;
  private static final int CRAFT_PAGES = 20;

  private SynthBench() {}

  /** CPU time of the whole JVM process. */
  private static final class Cpu {
    private final com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    long nanos() {
      return os.getProcessCpuTime();
    }
  }

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
    Cpu mx = new Cpu();
    long c0 = mx.nanos();
    long t0 = System.nanoTime();
    long words = 0;
    for (int i = 0; i < pages; i++) {
      words += pg.generate(i).words().size();
    }
    double pageS = (mx.nanos() - c0) / 1e9;
    double pageWall = (System.nanoTime() - t0) / 1e9;
    java.util.List<SynthPage> sample = new java.util.ArrayList<>();
    for (int i = 0; i < CRAFT_PAGES; i++) {
      sample.add(pg.generate(i));
    }
    long c1 = mx.nanos();
    for (SynthPage p : sample) {
      CraftTargets.make(p, cfg.pageWidth / 2, cfg.pageHeight / 2, 0.5);
    }
    double craftMs = (mx.nanos() - c1) / 1e6 / CRAFT_PAGES;
    long c2 = mx.nanos();
    long t2 = System.nanoTime();
    for (int i = 0; i < crops; i++) {
      cg.generate(i);
    }
    double cropS = (mx.nanos() - c2) / 1e9;
    double cropWall = (System.nanoTime() - t2) / 1e9;
    long c3 = mx.nanos();
    long pageCrops = 0;
    for (int i = 0; i < pages / 4; i++) {
      pageCrops += PageCrops.cut(pg.generate(i), cfg, i).size();
    }
    double pageCropS = (mx.nanos() - c3) / 1e9;
    System.out.printf(Locale.ROOT, "lang=%s %dx%d per core (CPU time): pages %.2f/s"
        + " (%.0f words/page),"
        + " CRAFT targets %.1f ms/page, crops %.0f/s, page crops (page included) %.0f/s;"
        + " wall: pages %.2f/s, crops %.0f/s%n",
        lang.code(), cfg.pageWidth, cfg.pageHeight, pages / pageS, (double) words / pages, craftMs,
        crops / cropS, pageCrops / pageCropS, pages / pageWall, crops / cropWall);
  }
}
