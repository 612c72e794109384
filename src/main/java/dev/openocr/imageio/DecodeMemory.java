package dev.openocr.imageio;

import dev.openocr.imageio.DecodeException.Cause;

/**
 * The heap that page decodes may hold at once in this JVM. Each decode reserves the bytes its
 * headers say it needs before it allocates and waits while other decodes hold too much, so pages
 * decoding in parallel on one executor cannot fill the heap together. Thread-safe.
 */
public final class DecodeMemory {
  /** Share of the largest heap that decodes may hold together; the rest is the engine's. */
  static final double HEAP_SHARE = 0.5;
  private static final DecodeMemory SHARED =
      new DecodeMemory((long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE));

  private final long capacity;
  private long used;

  /** @param capacity bytes all reservations together may hold */
  public DecodeMemory(long capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("Invalid decode memory: " + capacity + " bytes");
    }
    this.capacity = capacity;
  }

  /** The JVM's pool: half of the largest heap. */
  public static DecodeMemory shared() {
    return SHARED;
  }

  public long capacity() {
    return capacity;
  }

  /** Bytes reserved now. */
  public synchronized long used() {
    return used;
  }

  /**
   * Reserves {@code bytes}, waiting while other decodes hold too much.
   *
   * @throws DecodeException TOO_LARGE when the page alone needs more than the pool holds
   * @throws java.util.concurrent.CancellationException when the waiting thread is interrupted
   */
  public Reservation reserve(String name, int page, long bytes) throws DecodeException {
    if (bytes > capacity) {
      throw new DecodeException(Cause.TOO_LARGE, name + ": page " + page + " needs "
          + DecodeLimits.sci(bytes) + " bytes to decode, more than this JVM lets decoding hold ("
          + DecodeLimits.sci(capacity) + ", half of the heap)");
    }
    synchronized (this) {
      while (used + bytes > capacity) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.util.concurrent.CancellationException(
              name + ": page " + page + ": interrupted while waiting for decode memory");
        }
      }
      used += bytes;
    }
    return new Reservation(bytes);
  }

  private synchronized void release(long bytes) {
    used -= bytes;
    notifyAll();
  }

  /** Bytes held until closed. */
  public final class Reservation implements AutoCloseable {
    private long bytes;

    private Reservation(long bytes) {
      this.bytes = bytes;
    }

    @Override
    public void close() {
      if (bytes > 0) {
        release(bytes);
        bytes = 0;
      }
    }
  }
}
