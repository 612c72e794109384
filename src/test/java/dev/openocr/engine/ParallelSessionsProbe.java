package dev.openocr.engine;

import dev.openocr.imageio.GrayImage;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;

/**
 * Bench tool (not a test): N sessions of one engine in one JVM, as N Spark tasks of one executor
 * use it, each reading all the given pages on its own thread (one intra-op thread each, no
 * orientation check). Prints the pages per second of each session and in all, to tell the
 * engine's own scaling from the job's.
 *
 * <pre>java -cp ... dev.openocr.engine.ParallelSessionsProbe N PAGE.png...</pre>
 */
public final class ParallelSessionsProbe {
  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    List<GrayImage> pages = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      pages.add(GrayImage.fromBufferedImage(ImageIO.read(new File(args[i]))));
    }
    NativeSetup.configure(1);
    try (OcrEngine engine = OcrEngine.load(EngineOptions.forLanguage("en").withThreads(1)
        .withOrientation(false))) {
      try (OcrSession warm = engine.session()) {
        warm.ocr(pages.get(0));
      }
      ExecutorService pool = Executors.newFixedThreadPool(n);
      try {
        long t0 = System.nanoTime();
        List<Future<?>> runs = new ArrayList<>();
        for (int k = 0; k < n; k++) {
          runs.add(pool.submit(() -> {
            try (OcrSession s = engine.session()) {
              for (GrayImage p : pages) {
                s.ocr(p);
              }
            }
            return null;
          }));
        }
        for (Future<?> f : runs) {
          f.get();
        }
        double sec = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%d sessions: %d pages each in %.1f s: %.2f pages/s per session, "
            + "%.2f in all%n", n, pages.size(), sec, pages.size() / sec, n * pages.size() / sec);
      } finally {
        pool.shutdown();
      }
    }
  }
}
