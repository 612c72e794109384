package dev.openocr.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.imageio.TestImages;
import dev.openocr.spark.TestEngines;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
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
  /** Largest single page buffer per pixel: a decoded RGB image is 3 bytes, ARGB 4. */
  private static final long PAGE_BYTES_PER_PIXEL = 4;
  /**
   * What a small job of Spark's own may leave live after a full collection, bytes (query plans,
   * UI and listener history, cached metadata; measured below zero, since the warm-up's garbage
   * is gone by then).
   */
  private static final long SPARK_BASELINE = 128L << 20;
  /** Name of the thread that decodes and reads pages ({@code PageRunner}). */
  private static final String PAGE_THREAD = "openocr-page-worker";

  /**
   * Three views of one run, all from what the page thread allocates or what the heap keeps, not
   * from when the collector happens to run: no single page buffer is larger than the pixel limit
   * allows; all large buffers of the page thread together stay within the files' count times
   * the limit (a decoder that reads a bomb in strips would pass the first and fail this); and
   * after a full collection the heap keeps no more than Spark's own baseline (nothing holds a
   * page). Skipping the pixel check makes the first fail with a 9e8-byte allocation.
   *
   * <p>An earlier version bounded the old generation's peak; under G1 that peak depends on when
   * Spark's own promotions are collected and failed on a CI machine with a clean run.
   */
  /** Bytes in use on the heap after a full collection (twice: finalizers, then what they freed). */
  private static long heapAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Test
  void hostileFilesKeepThePeakHeapWithinTheConfiguredPixelLimit(@TempDir Path tmp)
      throws Exception {
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
    long before = heapAfterGc();
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
    long kept = heapAfterGc() - before;

    // Pages are decoded and read on the page runner's thread; Spark's own buffers are not ours.
    long[] pageAllocs = RecordingFile.readAllEvents(jfr).stream()
        .filter(e -> e.getThread() != null
            && PAGE_THREAD.equals(e.getThread().getJavaName()))
        .mapToLong(e -> e.getLong("allocationSize")).toArray();
    long largest = LongStream.of(pageAllocs).max().orElse(0);
    long total = LongStream.of(pageAllocs).sum();
    assertThat(largest).as("largest allocation of a page, bytes")
        .isGreaterThanOrEqualTo(1400L * 1400)
        .isLessThanOrEqualTo(MAX_PIXELS * PAGE_BYTES_PER_PIXEL);
    int files = bad.size() + goodWords.size();
    assertThat(total).as("large allocations of the page thread, MiB: %s", total >> 20)
        .isLessThanOrEqualTo(files * MAX_PIXELS * PAGE_BYTES_PER_PIXEL);
    assertThat(kept).as("heap kept after the run, MiB: %s", kept >> 20)
        .isLessThanOrEqualTo(SPARK_BASELINE);
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
