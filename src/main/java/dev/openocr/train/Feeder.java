package dev.openocr.train;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * Makes training batches on a background thread while the network trains on the previous one.
 * Batch {@code i} is always the same (made from its index), so a resumed run sees the same data.
 */
final class Feeder<T> implements AutoCloseable {
  private static final int DEPTH = 3;
  private final BlockingQueue<T> queue = new ArrayBlockingQueue<>(DEPTH);
  private final Thread thread;
  private volatile boolean stop;
  private volatile RuntimeException failure;

  Feeder(LongFunction<T> make, long first) {
    thread = new Thread(() -> {
      long i = first;
      try {
        while (!stop) {
          queue.put(make.apply(i++));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        failure = e;
      }
    }, "batch-feeder");
    thread.setDaemon(true);
    thread.start();
  }

  T next() {
    try {
      while (true) {
        T t = queue.poll(1, TimeUnit.SECONDS);
        if (t != null) {
          return t;
        }
        if (failure != null) {
          throw new IllegalStateException("Making a training batch failed: " + failure.getMessage(),
              failure);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a batch", e);
    }
  }

  @Override
  public void close() {
    stop = true;
    thread.interrupt();
  }
}
