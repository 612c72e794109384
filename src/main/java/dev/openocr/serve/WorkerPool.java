package dev.openocr.serve;

import dev.openocr.engine.OcrEngine;
import dev.openocr.engine.OcrSession;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fixed set of OCR threads with a bounded queue. Each thread opens one engine session on first
 * use and keeps it; {@link #close} stops the threads, then closes their sessions.
 */
final class WorkerPool implements AutoCloseable {
  /** Seconds {@link #close} waits for running pages to finish. */
  static final long SHUTDOWN_SECONDS = 30;

  private final OcrEngine engine;
  private final ThreadPoolExecutor executor;
  private final ThreadLocal<OcrSession> session = new ThreadLocal<>();
  private final List<OcrSession> opened = new CopyOnWriteArrayList<>();

  WorkerPool(OcrEngine engine, int workers, int queueCapacity) {
    this.engine = engine;
    AtomicInteger n = new AtomicInteger();
    executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(queueCapacity), r -> {
          Thread t = new Thread(r, "ocr-worker-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * Queues work that runs with the worker's session.
   *
   * @throws HttpError 429 when every worker is busy and the queue is full
   */
  <T> Future<T> submit(Function<OcrSession, T> work) {
    try {
      return executor.submit(() -> work.apply(sessionOfThisThread()));
    } catch (RejectedExecutionException e) {
      throw new HttpError(429, "Server busy: " + executor.getActiveCount() + " pages running and "
          + executor.getQueue().size() + " waiting; retry later");
    }
  }

  private OcrSession sessionOfThisThread() {
    OcrSession s = session.get();
    if (s == null) {
      s = engine.session();
      session.set(s);
      opened.add(s);
    }
    return s;
  }

  int queued() {
    return executor.getQueue().size();
  }

  int active() {
    return executor.getActiveCount();
  }

  int workers() {
    return executor.getMaximumPoolSize();
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (OcrSession s : opened) {
      s.close();
    }
    opened.clear();
  }
}
