package dev.openocr.engine;

/**
 * Settings the native engine reads once, when it first starts: offline mode and thread counts.
 * Left unset, libtorch uses every core per call, which made a training step 18x and detection 3x
 * slower on these machines (STACK-NOTES).
 */
public final class NativeSetup {
  public static final String THREADS = "ai.djl.pytorch.num_threads";
  public static final String INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";
  public static final String OFFLINE = "ai.djl.offline";

  private NativeSetup() {}

  /** Sets the properties unless the user already did; only the first call before start counts. */
  public static synchronized void configure(int threads) {
    if (threads <= 0) {
      throw new IllegalArgumentException("Invalid thread count: " + threads);
    }
    System.setProperty(OFFLINE, System.getProperty(OFFLINE, "true"));
    if (System.getProperty(THREADS) == null) {
      System.setProperty(THREADS, Integer.toString(threads));
    }
    if (System.getProperty(INTEROP_THREADS) == null) {
      System.setProperty(INTEROP_THREADS, "1");
    }
  }
}
