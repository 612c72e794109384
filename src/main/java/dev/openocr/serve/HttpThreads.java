package dev.openocr.serve;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The threads the JDK server runs exchanges on: a fixed number, and at most as many accepted
 * connections waiting for one (more are closed unanswered, counted as refused). Each exchange
 * must read its request, headers and body, within the read timeout: past it, the thread is
 * interrupted, which closes the connection it blocks on (a slow or stalled client cannot hold
 * a thread longer). The handler calls {@link #requestRead} once it has the whole request.
 */
final class HttpThreads implements Executor, AutoCloseable {
  private static final ThreadLocal<ScheduledFuture<?>> DEADLINE = new ThreadLocal<>();

  private final ThreadPoolExecutor pool;
  private final ScheduledExecutorService timer;
  private final long readTimeoutMillis;
  private final LongAdder refused = new LongAdder();
  private final LongAdder timedOut = new LongAdder();

  /**
   * @param threads exchanges served at once
   * @param waiting accepted connections that may wait for a thread
   * @param readTimeoutMillis longest a request may take to arrive
   */
  HttpThreads(int threads, int waiting, long readTimeoutMillis) {
    this.readTimeoutMillis = readTimeoutMillis;
    AtomicInteger n = new AtomicInteger();
    pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(waiting), r -> daemon(r, "http-" + n.incrementAndGet()),
        new ThreadPoolExecutor.AbortPolicy());
    timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "http-read-deadline"));
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Runs an exchange, or throws when every thread is busy and the wait is full. */
  @Override
  public void execute(Runnable exchange) {
    try {
      pool.execute(() -> runWithDeadline(exchange));
    } catch (RejectedExecutionException e) {
      // The JDK server closes the connection.
      refused.increment();
      throw e;
    }
  }

  private void runWithDeadline(Runnable exchange) {
    Thread t = Thread.currentThread();
    ScheduledFuture<?> deadline = timer.schedule(() -> {
      timedOut.increment();
      t.interrupt();
    }, readTimeoutMillis, TimeUnit.MILLISECONDS);
    DEADLINE.set(deadline);
    try {
      exchange.run();
    } finally {
      disarm(deadline);
      DEADLINE.remove();
      // A pooled thread must not carry an interrupt into the next exchange.
      Thread.interrupted();
    }
  }

  /**
   * Ends the read deadline of the calling thread's exchange: its request has arrived.
   *
   * @throws IOException when the deadline passed first (the connection is being closed)
   */
  static void requestRead() throws IOException {
    ScheduledFuture<?> deadline = DEADLINE.get();
    if (deadline != null && !disarm(deadline)) {
      Thread.interrupted();
      throw new IOException("The request took longer than the read timeout to arrive");
    }
  }

  /** Cancels the deadline; false when it already fired (then after its interrupt landed). */
  private static boolean disarm(ScheduledFuture<?> deadline) {
    if (deadline.cancel(false)) {
      return true;
    }
    try {
      deadline.get();
    } catch (InterruptedException | ExecutionException e) {
      // It fired; what is left of its interrupt is cleared by the caller.
    } catch (java.util.concurrent.CancellationException e) {
      return true;
    }
    return false;
  }

  /** Exchanges on a thread now. */
  int busy() {
    return pool.getActiveCount();
  }

  /** Accepted connections waiting for a thread. */
  int waiting() {
    return pool.getQueue().size();
  }

  /** Connections closed unanswered because every thread was busy and the wait full. */
  long refused() {
    return refused.sum();
  }

  /** Exchanges whose request did not arrive within the read timeout. */
  long timedOut() {
    return timedOut.sum();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    pool.shutdownNow();
    try {
      pool.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
