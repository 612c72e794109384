package dev.openocr.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the executor's memory when a task ends, so a soak run shows whether heap and native
 * memory stay flat after warm-up (bench/soak.sh reads these lines).
 */
final class TaskMemory {
  private static final Logger LOG = LoggerFactory.getLogger(TaskMemory.class);
  private static final Path STATUS = Path.of("/proc/self/status");

  private TaskMemory() {}

  /** One line: pages of the task, heap used / committed, resident set size, MiB. */
  static void log(long taskPages) {
    Runtime rt = Runtime.getRuntime();
    long heap = (rt.totalMemory() - rt.freeMemory()) >> 20;
    long committed = rt.totalMemory() >> 20;
    long rss = rssMb();
    // RSS minus the committed heap approximates native memory (libtorch, OpenCV, buffers).
    LOG.info("task memory: pages={} heap_used_mb={} heap_committed_mb={} rss_mb={} "
        + "native_mb={} threads={}", taskPages, heap, committed, rss,
        rss < 0 ? -1 : rss - committed, Thread.activeCount());
  }

  /** Resident set size of this JVM in MiB (heap + native), -1 where /proc is missing. */
  static long rssMb() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux: no RSS figure.
    }
    return -1;
  }
}
