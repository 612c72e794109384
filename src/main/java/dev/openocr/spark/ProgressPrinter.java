package dev.openocr.spark;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Prints a line every interval on a daemon thread until closed; closing waits for a line being
 * printed, so none comes after the run's end.
 */
public final class ProgressPrinter implements AutoCloseable {
  /** Name of the printing thread. */
  public static final String THREAD = "openocr-progress";
  /** How long close waits for a line being printed, seconds. */
  private static final long CLOSE_WAIT_SECONDS = 10;

  private final ScheduledExecutorService timer;

  private ProgressPrinter(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /** Prints {@code line} to {@code sink} every {@code seconds}; 0 prints nothing. */
  public static ProgressPrinter start(Supplier<String> line, Consumer<String> sink,
      long seconds) {
    if (seconds <= 0) {
      return new ProgressPrinter(null);
    }
    ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread th = new Thread(r, THREAD);
      th.setDaemon(true);
      return th;
    });
    t.scheduleAtFixedRate(() -> sink.accept(line.get()), seconds, seconds, TimeUnit.SECONDS);
    return new ProgressPrinter(t);
  }

  @Override
  public void close() {
    if (timer == null) {
      return;
    }
    timer.shutdownNow();
    try {
      timer.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
