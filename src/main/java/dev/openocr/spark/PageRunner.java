package dev.openocr.spark;

import dev.openocr.engine.OcrEngine;
import dev.openocr.engine.OcrSession;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs each page's work on a worker thread that owns the task's {@link OcrSession}, with a time
 * budget per page. A page over budget is abandoned: its worker (and session, which the stuck
 * call still uses) is retired and closes its session when the call returns; the next page gets a
 * fresh worker and session. Abandoned pages still running are capped per JVM: at the cap a page
 * is refused as over budget without starting, so stuck decodes never pile up. Not thread-safe:
 * one per task; worker threads are pooled per JVM.
 */
final class PageRunner implements AutoCloseable {
  /** How long close waits for the worker to close its session, seconds. */
  private static final long CLOSE_WAIT_SECONDS = 60;
  /** Idle worker threads kept per JVM; more than an executor runs tasks at once is waste. */
  private static final int MAX_IDLE_WORKERS = 64;
  private static final ConcurrentLinkedDeque<ExecutorService> IDLE =
      new ConcurrentLinkedDeque<>();
  /** Abandoned pages that may still run in this JVM, each holding a thread and its memory. */
  static final int MAX_ABANDONED = 4;
  private static final AtomicInteger ABANDONED = new AtomicInteger();
  private static final int QUEUED = 0;
  private static final int RUNNING = 1;
  private static final int DONE = 2;
  private static final int GIVEN_UP = 3;

  /** Work on one page with the worker's session. */
  interface Work<T> {
    T run(OcrSession session) throws Exception;
  }

  /** The engine could not open a session: the task fails (Spark runs it again), no file does. */
  static final class EngineFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EngineFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final OcrEngine engine;
  private final long timeoutMillis;
  private Worker worker;

  PageRunner(OcrEngine engine, long timeoutMillis) {
    this.engine = engine;
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * The work's result.
   *
   * @throws TimeoutException when the page took longer than the budget (the work is abandoned)
   * @throws ExecutionException when the work threw
   * @throws EngineFailure when no session could be opened for the work
   */
  <T> T run(Work<T> work) throws TimeoutException, ExecutionException {
    if (worker == null) {
      worker = new Worker();
    }
    int stuck = ABANDONED.get();
    if (stuck >= MAX_ABANDONED) {
      throw new TimeoutException("not started: " + stuck + " abandoned pages still run in this"
          + " executor (at most " + MAX_ABANDONED + ")");
    }
    Worker w = worker;
    AtomicInteger state = new AtomicInteger(QUEUED);
    Future<T> f = w.executor.submit(() -> {
      if (!state.compareAndSet(QUEUED, RUNNING)) {
        return null;
      }
      try {
        return work.run(w.session());
      } finally {
        if (!state.compareAndSet(RUNNING, DONE)) {
          ABANDONED.decrementAndGet();
        }
      }
    });
    try {
      return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof EngineFailure failure) {
        worker = null;
        w.retire();
        throw failure;
      }
      throw e;
    } catch (TimeoutException e) {
      // Work that never started is simply dropped; work running is counted until it returns.
      if (!state.compareAndSet(QUEUED, GIVEN_UP) && state.compareAndSet(RUNNING, GIVEN_UP)) {
        ABANDONED.incrementAndGet();
      }
      f.cancel(true);
      worker = null;
      w.retire();
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      worker = null;
      w.retire();
      throw new IllegalStateException("Interrupted while waiting for a page", e);
    }
  }

  /** Abandoned pages still running in this JVM. */
  static int abandoned() {
    return ABANDONED.get();
  }

  @Override
  public void close() {
    if (worker != null) {
      Worker w = worker;
      worker = null;
      w.release();
    }
  }

  /**
   * A single thread and the session only it touches. Threads are kept for the executor's next
   * tasks (as Spark keeps its task threads): native libraries keep per-thread state, which a
   * new thread per task would pile up.
   */
  private final class Worker {
    private final ExecutorService executor = borrow();
    private OcrSession session;

    /** The session, opened on first use on the worker thread. */
    OcrSession session() {
      if (session == null) {
        try {
          session = engine.session();
        } catch (RuntimeException | Error e) {
          throw new EngineFailure("Cannot open an OCR session of " + engine.modelId() + ": " + e,
              e);
        }
      }
      return session;
    }

    /** Closes the session on the worker thread, then returns the thread to the pool. */
    void release() {
      Future<?> closed = executor.submit(this::closeSession);
      try {
        closed.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        giveBack(executor);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        executor.shutdown();
      } catch (ExecutionException | TimeoutException e) {
        executor.shutdown();
        throw new IllegalStateException("Could not close the OCR session", e);
      }
    }

    /** Closes the session once queued (stuck) work is done, then stops the thread. */
    void retire() {
      executor.submit(this::closeSession);
      executor.shutdown();
    }

    private void closeSession() {
      if (session != null) {
        session.close();
        session = null;
      }
    }
  }

  private static ExecutorService borrow() {
    ExecutorService e = IDLE.poll();
    return e != null ? e : Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "openocr-page-worker");
      t.setDaemon(true);
      return t;
    });
  }

  private static void giveBack(ExecutorService e) {
    if (IDLE.size() < MAX_IDLE_WORKERS) {
      IDLE.push(e);
    } else {
      e.shutdown();
    }
  }
}
