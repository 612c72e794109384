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

  /** One line: pages of the task, heap used and resident set size, MiB. */
  static void log(long taskPages) {
    Runtime rt = Runtime.getRuntime();
    long heap = (rt.totalMemory() - rt.freeMemory()) >> 20;
    LOG.info("task memory: pages={} heap_used_mb={} rss_mb={}", taskPages, heap, rssMb());
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
