package dev.openocr.bench;

import dev.openocr.engine.EngineOptions;
import dev.openocr.engine.OcrEngine;
import dev.openocr.engine.OcrSession;
import dev.openocr.imageio.DecodeLimits;
import dev.openocr.imageio.GrayImage;
import dev.openocr.imageio.ImageDecoder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory per OCR session, on one thread or a new thread per session (BENCHMARKS.md,
 * soak): {@code ThreadLeakProbe DET REC PAGE.png SESSIONS PAGES_PER_SESSION [new-threads]}.
 * Run with the test classpath, {@code -Dai.djl.pytorch.num_threads=1}.
 */
public final class ThreadLeakProbe {
  private ThreadLeakProbe() {}

  public static void main(String[] a) throws Exception {
    EngineOptions o = EngineOptions.defaults().withModels(a[0], a[1]);
    GrayImage page = ImageDecoder.decodeAll(Files.readAllBytes(Path.of(a[2])), a[2],
        DecodeLimits.defaults()).get(0);
    int sessions = Integer.parseInt(a[3]);
    int perSession = Integer.parseInt(a[4]);
    boolean newThreads = a.length > 5;
    try (OcrEngine e = OcrEngine.load(o)) {
      for (int s = 0; s < sessions; s++) {
        Runnable work = () -> {
          try (OcrSession ss = e.session()) {
            for (int i = 0; i < perSession; i++) {
              ss.ocr(page);
            }
          }
        };
        if (newThreads) {
          Thread t = new Thread(work);
          t.start();
          t.join();
        } else {
          work.run();
        }
        System.gc();
        System.out.println("session " + s + " rss_mb=" + rssMb() + " heap_committed_mb="
            + (Runtime.getRuntime().totalMemory() >> 20));
      }
    }
  }

  private static long rssMb() throws Exception {
    for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (l.startsWith("VmRSS:")) {
        return Long.parseLong(l.replaceAll("[^0-9]", "")) >> 10;
      }
    }
    return -1;
  }
}
