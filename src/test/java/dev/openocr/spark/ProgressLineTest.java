package dev.openocr.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line from counters and a clock the test sets; the printer's thread ends. */
class ProgressLineTest {
  private static final long FILES = 1;
  private static final long PAGES = 2;
  private static final long ERRORS_A = 3;
  private static final long ERRORS_B = 4;
  private static final long SECOND = 1_000_000_000L;

  @Test
  void countsRunningAndEndedTasksAndExtrapolatesFromFilesDone() {
    AtomicLong clock = new AtomicLong(5 * SECOND);
    JobProgress p = new JobProgress(FILES, PAGES, Set.of(ERRORS_A, ERRORS_B), 10, clock::get);
    assertThat(p.line()).isEqualTo("progress: 0 pages, 0 of 10 files, 0.0 pages/s, 0 errors, "
        + "time left unknown until a file is read");

    clock.addAndGet(2 * SECOND);
    p.running(7, Map.of(PAGES, 4L));
    assertThat(p.line()).isEqualTo("progress: 4 pages, 0 of 10 files, 2.0 pages/s, 0 errors, "
        + "time left unknown until a file is read");

    clock.addAndGet(8 * SECOND);
    p.ended(8, true, Map.of(FILES, 2L, PAGES, 6L, ERRORS_A, 1L));
    // A heartbeat carries a running task's totals so far, not increments.
    p.running(7, Map.of(FILES, 1L, PAGES, 5L));
    // 12 rows in 10 s; 3 files of 10 done: 40 pages, 7 files at 10/3 s each.
    assertThat(p.line()).isEqualTo("progress: 12 of about 40 pages, 3 of 10 files, "
        + "1.2 pages/s, 1 error, about 23s left");

    p.ended(7, false, Map.of(FILES, 1L, PAGES, 5L));
    // A heartbeat that arrives after its task's end does not count the task twice.
    p.running(8, Map.of(FILES, 2L, PAGES, 6L));
    p.ended(9, true, Map.of(ERRORS_A, 1L, ERRORS_B, 2L, FILES, 3L, 99L, 50L));
    assertThat(p.line()).isEqualTo("progress: 10 of about 20 pages, 5 of 10 files, "
        + "1.0 pages/s, 4 errors, about 10s left");

    // A failed attempt's heartbeat that comes late counts no more than its end.
    p.running(7, Map.of(FILES, 1L, PAGES, 5L));
    p.ended(10, true, Map.of(FILES, 5L, PAGES, 10L));
    assertThat(p.line()).isEqualTo("progress: 20 of about 20 pages, 10 of 10 files, "
        + "2.0 pages/s, 4 errors, every file read");
  }

  @Test
  void timeLeftReadsInTheLargestUnits() {
    assertThat(ProgressLine.duration(44.6)).isEqualTo("45s");
    assertThat(ProgressLine.duration(725)).isEqualTo("12m05s");
    assertThat(ProgressLine.duration(11_220)).isEqualTo("3h07m");
    JobProgress.Counts c = new JobProgress.Counts(1, 300, 0);
    assertThat(ProgressLine.format(c, 1000, 3600))
        .endsWith("300 of about 300000 pages, 1 of 1000 files, 0.1 pages/s, 0 errors, "
            + "about 999h00m left");
  }

  @Test
  void thePrinterPrintsOnADaemonThreadThatCloseEnds() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (ProgressPrinter off = ProgressPrinter.start(() -> "x", lines::add, 0)) {
      assertThat(printerThreads()).isEmpty();
    }
    ProgressPrinter on = ProgressPrinter.start(() -> "x", lines::add, 3600);
    List<Thread> threads = printerThreads();
    assertThat(threads).hasSize(1);
    assertThat(threads.get(0).isDaemon()).isTrue();
    on.close();
    threads.get(0).join(10_000);
    assertThat(threads.get(0).isAlive()).isFalse();
    assertThat(lines).isEmpty();
  }

  /** Live threads named like the printer's. */
  static List<Thread> printerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(ProgressPrinter.THREAD) && t.isAlive()).toList();
  }
}
