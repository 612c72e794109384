package dev.openocr.serve;

import dev.openocr.engine.OcrEngine;
import dev.openocr.engine.OcrSession;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fixed set of OCR threads with a bounded number of requests admitted (running or waiting). Each thread opens one engine session on first
 * use and keeps it; {@link #close} stops the threads, then closes their sessions.
 */
final class WorkerPool implements AutoCloseable {
  /** Seconds {@link #close} waits for running pages to finish. */
  static final long SHUTDOWN_SECONDS = 30;

  private final OcrEngine engine;
  private final ThreadPoolExecutor executor;
  /** Requests running or waiting: at most workers + queue capacity. */
  private final Semaphore admitted;
  private final ThreadLocal<OcrSession> session = new ThreadLocal<>();
  private final List<OcrSession> opened = new CopyOnWriteArrayList<>();

  WorkerPool(OcrEngine engine, int workers, int queueCapacity) {
    this.engine = engine;
    AtomicInteger n = new AtomicInteger();
    admitted = new Semaphore(workers + queueCapacity);
    // Slack of one slot per worker: a worker may not yet have taken its next task when the
    // request it finished has already given its permit back.
    executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(queueCapacity + workers), r -> {
          Thread t = new Thread(r, "ocr-worker-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * Runs work on a worker with that worker's session and waits for it.
   *
   * @param timeoutMillis longest wait, queueing included
   * @param budgetMillis the request's whole time budget, named in the timeout error (the wait is
   *     what is left of it once the upload was read)
   * @throws HttpError 429 when every worker is busy and the queue is full, 503 on timeout
   */
  <T> T call(Function<OcrSession, T> work, long timeoutMillis, long budgetMillis) {
    if (!admitted.tryAcquire()) {
      throw busy();
    }
    Future<T> future;
    try {
      future = executor.submit(() -> work.apply(sessionOfThisThread()));
    } catch (RejectedExecutionException e) {
      admitted.release();
      throw busy();
    }
    try {
      return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new HttpError(503, "OCR took longer than " + budgetMillis + " ms");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new HttpError(503, "Server is shutting down");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof HttpError h) {
        throw h;
      }
      throw new IllegalStateException("OCR failed: " + e.getCause(), e.getCause());
    } finally {
      // Released before the answer is sent, so a client's next request finds its slot free.
      admitted.release();
    }
  }

  private HttpError busy() {
    return new HttpError(429, "Server busy: " + executor.getActiveCount() + " pages running and "
        + executor.getQueue().size() + " waiting; retry later");
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
