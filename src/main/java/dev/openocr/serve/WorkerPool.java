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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fixed set of OCR threads with a bounded number of requests admitted (running or waiting).
 * A request takes its place ({@link #admit}) before its body is read. Each thread opens one
 * engine session on first use and keeps it. A page that outruns its request's time is
 * abandoned, but its thread stays busy until the page returns: such a thread is stuck, keeps
 * its request's place, and when every thread is stuck no request is admitted. {@link #close}
 * stops the threads, then closes their sessions.
 */
final class WorkerPool implements AutoCloseable {
  /** Seconds {@link #close} waits for running pages to finish. */
  static final long SHUTDOWN_SECONDS = 30;
  private static final int QUEUED = 0;
  private static final int RUNNING = 1;
  private static final int DONE = 2;
  private static final int ABANDONED = 3;

  private final OcrEngine engine;
  private final ThreadPoolExecutor executor;
  /** Requests running or waiting: at most workers + queue capacity. */
  private final Semaphore admitted;
  /** Threads still running a page whose request gave up on it. */
  private final AtomicInteger stuck = new AtomicInteger();
  private final ThreadLocal<OcrSession> session = new ThreadLocal<>();
  private final List<OcrSession> opened = new CopyOnWriteArrayList<>();

  /** A request's place; closing it gives the place back (once). */
  final class Slot implements AutoCloseable {
    private final AtomicBoolean held = new AtomicBoolean(true);

    @Override
    public void close() {
      if (held.compareAndSet(true, false)) {
        admitted.release();
      }
    }
  }

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
   * A place for one request, taken before its body is read.
   *
   * @throws HttpError 503 when every worker is busy and the queue is full, or every worker is
   *     stuck
   */
  Slot admit() {
    if (!canTakeWork()) {
      throw new HttpError(503, "Server unavailable: every worker (" + workers() + ") is held by "
          + "a page that ran out of time; retry later");
    }
    if (!admitted.tryAcquire()) {
      throw busy();
    }
    return new Slot();
  }

  /**
   * Runs work on a worker with that worker's session and waits for it; gives the slot back when
   * the work is done or, for abandoned work, when it returns.
   *
   * @param timeoutMillis longest wait, queueing included
   * @param budgetMillis the request's whole time budget, named in the timeout error (the wait is
   *     what is left of it once the upload was read)
   * @throws HttpError 503 when every worker is busy and the queue is full, or on timeout
   */
  <T> T call(Slot slot, Function<OcrSession, T> work, long timeoutMillis, long budgetMillis) {
    AtomicInteger phase = new AtomicInteger(QUEUED);
    Future<T> future;
    try {
      future = executor.submit(() -> {
        if (!phase.compareAndSet(QUEUED, RUNNING)) {
          return null;
        }
        try {
          return work.apply(sessionOfThisThread());
        } finally {
          if (!phase.compareAndSet(RUNNING, DONE)) {
            stuck.decrementAndGet();
            slot.close();
          }
        }
      });
    } catch (RejectedExecutionException e) {
      slot.close();
      throw busy();
    }
    boolean handedOff = false;
    try {
      return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      handedOff = abandon(future, phase);
      throw new HttpError(503, "OCR took longer than " + budgetMillis + " ms");
    } catch (InterruptedException e) {
      handedOff = abandon(future, phase);
      Thread.currentThread().interrupt();
      throw new HttpError(503, "Server is shutting down");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof HttpError h) {
        throw h;
      }
      throw new IllegalStateException("OCR failed: " + e.getCause(), e.getCause());
    } finally {
      // Released before the answer is sent, so a client's next request finds its slot free.
      if (!handedOff) {
        slot.close();
      }
    }
  }

  /** Gives up on work; true when it is still running and will give the slot back itself. */
  private boolean abandon(Future<?> future, AtomicInteger phase) {
    stuck.incrementAndGet();
    if (phase.compareAndSet(RUNNING, ABANDONED)) {
      future.cancel(true);
      return true;
    }
    stuck.decrementAndGet();
    phase.compareAndSet(QUEUED, DONE);
    future.cancel(true);
    return false;
  }

  private HttpError busy() {
    return new HttpError(503, "Server busy: " + executor.getActiveCount() + " pages running and "
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

  /** Whether some worker is not held by abandoned work. */
  boolean canTakeWork() {
    return stuck.get() < workers();
  }

  int stuck() {
    return stuck.get();
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
