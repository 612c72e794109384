package dev.openocr.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.imageio.TestImages;
import dev.openocr.spark.TestEngines;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6: hostile files beside good ones keep the JVM's heap within a bound that follows from
 * the configured limits, not from what the files claim.
 */
class MemoryLimitJobTest extends WithLocalSpark {
  /** Pixel limit of the run: a 1400 x 1400 page fits, every bomb below is far over it. */
  private static final long MAX_PIXELS = 2_000_000;
  /** Generous heap per allowed pixel of a page in flight: decoded RGB, gray copy, detector. */
  private static final long BYTES_PER_PIXEL = 16;
  /** Pages in flight at once: local[2] runs two tasks, each one page at a time. */
  private static final int CONCURRENT_PAGES = 2;
  /** Largest single page buffer per pixel: a decoded RGB image is 3 bytes, ARGB 4. */
  private static final long PAGE_BYTES_PER_PIXEL = 4;
  /**
   * What a small job of Spark's own promotes to the old generation after warm-up, bytes
   * (measured 60-130 MiB: query plans, broadcast buffers of 4-64 MiB, Parquet writers).
   */
  private static final long SPARK_BASELINE = 256L << 20;
  /** Name of the thread that decodes and reads pages ({@code PageRunner}). */
  private static final String PAGE_THREAD = "openocr-page-worker";

  /**
   * G1 puts every array over half a region (1-4 MiB here) straight into the old generation, so
   * its peak sees each decoded page at once, while eden's churn of small objects does not blur
   * it. Empty under other collectors.
   */
  private static Optional<MemoryPoolMXBean> g1OldGen() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.getName().equals("G1 Old Gen"))
        .findFirst();
  }

  /**
   * Two views of one run: no single page buffer is larger than the pixel limit allows (exact,
   * from JFR), and the old generation grows by at most Spark's baseline plus two pages in flight
   * at the limit (coarse, catches anything that holds a bomb's pixels). Skipping the pixel
   * check makes the first fail with a 9e8-byte allocation.
   */
  @Test
  void hostileFilesKeepThePeakHeapWithinTheConfiguredPixelLimit(@TempDir Path tmp)
      throws Exception {
    Optional<MemoryPoolMXBean> old = g1OldGen();
    assumeThat(old).as("G1 collector (the JVM default on 2+ cores)").isPresent();
    Path in = tmp.resolve("in");
    Map<String, String> bad = new HashMap<>();
    // A header claiming 1e10 pixels, one claiming 9e8 that javax.imageio would allocate, a real
    // 64 MB deflate bomb in 80 KB, a TIFF page claiming 9e8, too many pages, noise, too long.
    TestInputs.write(in.resolve("bomb.png"), TestImages.pngHeaderOnly(100_000, 100_000));
    bad.put("bomb.png", "TOO_LARGE: ");
    TestInputs.write(in.resolve("bomb-30k.png"), TestImages.pngHeaderOnly(30_000, 30_000));
    bad.put("bomb-30k.png", "TOO_LARGE: ");
    TestInputs.write(in.resolve("deflate.png"), TestImages.pngBomb(8000, 8000));
    bad.put("deflate.png", "TOO_LARGE: ");
    TestInputs.write(in.resolve("bomb.tif"), TestImages.tiffHeaderOnly(30_000, 30_000));
    bad.put("bomb.tif", "TOO_LARGE: ");
    TestInputs.write(in.resolve("many.tif"),
        TestImages.tiff(Collections.nCopies(60, TestImages.page(40, 30, 1))));
    bad.put("many.tif", "TOO_LARGE: ");
    byte[] noise = new byte[3 << 20];
    new Random(6).nextBytes(noise);
    TestInputs.write(in.resolve("noise.bin"), TestImages.head(noise, 4096));
    bad.put("noise.bin", "UNSUPPORTED_FORMAT: ");
    TestInputs.write(in.resolve("long.png"), noise);
    bad.put("long.png", "TOO_LARGE: ");
    // Good files, one of them just under the pixel limit.
    TestInputs.write(in.resolve("near-limit.png"),
        TestImages.png(TestImages.page(1400, 1400, 9)));
    TestInputs.png(in, "a.png", 3);
    TestInputs.png(in, "b.png", 4);
    TestInputs.tiff(in, "c.tif");
    Map<String, Long> goodWords = Map.of("near-limit.png", 9L, "a.png", 3L, "b.png", 4L,
        "c.tif", 7L);
    OcrJobConfig c = OcrJobConfig.of(Map.of(OcrJobConfig.INPUT, in.toString(),
        OcrJobConfig.OUTPUT, tmp.resolve("out").toString(),
        OcrJobConfig.MAX_PIXELS, Long.toString(MAX_PIXELS),
        OcrJobConfig.MAX_PAGES, "50",
        OcrJobConfig.MAX_FILE_BYTES, Integer.toString(1 << 20),
        OcrJobConfig.FILES_PER_TASK, "2"));

    // Warm-up: Spark's first job in a JVM loads and promotes far more than any later one.
    Path warm = tmp.resolve("warm");
    TestInputs.png(warm, "w.png", 2);
    OcrJob.run(spark, OcrJobConfig.of(Map.of(OcrJobConfig.INPUT, warm.toString(),
        OcrJobConfig.OUTPUT, tmp.resolve("warm-out").toString())), new TestEngines.Blobs());
    System.gc();
    long before = old.get().getUsage().getUsed();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    JobSummary s;
    Path jfr = tmp.resolve("alloc.jfr");
    try (Recording rec = new Recording()) {
      // Every array too big for a thread-local buffer, so every decoded page buffer.
      rec.enable("jdk.ObjectAllocationOutsideTLAB").withoutStackTrace();
      rec.start();
      s = OcrJob.run(spark, c, new TestEngines.Blobs());
      rec.stop();
      rec.dump(jfr);
    }
    long grown = old.get().getPeakUsage().getUsed() - before;

    // Pages are decoded and read on the page runner's thread; Spark's own buffers are not ours.
    long largestPageAlloc = RecordingFile.readAllEvents(jfr).stream()
        .filter(e -> e.getThread() != null
            && PAGE_THREAD.equals(e.getThread().getJavaName()))
        .mapToLong(e -> e.getLong("allocationSize")).max().orElse(0);
    assertThat(largestPageAlloc).as("largest allocation of a page, bytes")
        .isGreaterThanOrEqualTo(1400L * 1400)
        .isLessThanOrEqualTo(MAX_PIXELS * PAGE_BYTES_PER_PIXEL);
    long bound = SPARK_BASELINE + CONCURRENT_PAGES * MAX_PIXELS * BYTES_PER_PIXEL;
    assertThat(grown).as("old generation growth, MiB: %s > %s", grown >> 20, bound >> 20)
        .isLessThanOrEqualTo(bound);
    List<Row> rows = spark.read().parquet(tmp.resolve("out/pages").toString())
        .select("source", "status", "error", "word_count").collectAsList();
    Map<String, Long> words = new HashMap<>();
    for (Row r : rows) {
      String name = r.getString(0).substring(r.getString(0).lastIndexOf('/') + 1);
      if (bad.containsKey(name)) {
        assertThat(r.getString(2)).as(name).startsWith(bad.get(name)).contains(name);
      } else {
        assertThat(r.getString(1)).as(name).isEqualTo("ok");
        words.merge(name, (long) r.getInt(3), Long::sum);
      }
    }
    assertThat(rows).hasSize(bad.size() + goodWords.size() + 1);
    assertThat(words).containsOnlyKeys(goodWords.keySet());
    goodWords.forEach((name, n) -> assertThat(words.get(name)).as(name).isEqualTo(n));
    assertThat(s.errorRows()).isEqualTo(bad.size());
  }
}
