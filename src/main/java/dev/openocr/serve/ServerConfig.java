package dev.openocr.serve;

/**
 * Limits and sizes of the OCR server.
 *
 * @param host address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port TCP port, 0 for any free one
 * @param workers OCR threads (each holds one engine session)
 * @param queueCapacity OCR requests that may wait for a worker; more get 429
 * @param maxBodyBytes largest request body in bytes; larger gets 413
 * @param maxPixels largest page in pixels (width x height); larger gets 413
 * @param maxPages most pages decoded from one upload (multi-page TIFF)
 * @param timeoutMillis longest an OCR request may wait and run; longer gets 503
 */
public record ServerConfig(String host, int port, int workers, int queueCapacity,
                           long maxBodyBytes, long maxPixels, int maxPages, long timeoutMillis) {
  public static final String HOST_DEFAULT = "127.0.0.1";
  public static final int PORT_DEFAULT = 8080;
  /** Requests waiting per worker thread by default. */
  public static final int QUEUE_PER_WORKER_DEFAULT = 4;
  public static final long MAX_BODY_BYTES_DEFAULT = 32L << 20;
  /** 40 megapixels: an A3 page at 400 dpi. */
  public static final long MAX_PIXELS_DEFAULT = 40_000_000L;
  public static final int MAX_PAGES_DEFAULT = 20;
  public static final long TIMEOUT_MILLIS_DEFAULT = 60_000;

  public ServerConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("Invalid port: " + port);
    }
    if (workers <= 0) {
      throw new IllegalArgumentException("Invalid worker count: " + workers);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("Invalid queue capacity: " + queueCapacity);
    }
    if (maxBodyBytes <= 0 || maxPixels <= 0 || maxPages <= 0 || timeoutMillis <= 0) {
      throw new IllegalArgumentException("Invalid limits: body " + maxBodyBytes + " B, "
          + maxPixels + " px, " + maxPages + " pages, " + timeoutMillis + " ms");
    }
  }

  /** Defaults: loopback, port 8080, one worker per core. */
  public static ServerConfig defaults() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new ServerConfig(HOST_DEFAULT, PORT_DEFAULT, cores, QUEUE_PER_WORKER_DEFAULT * cores,
        MAX_BODY_BYTES_DEFAULT, MAX_PIXELS_DEFAULT, MAX_PAGES_DEFAULT, TIMEOUT_MILLIS_DEFAULT);
  }

  public ServerConfig withAddress(String h, int p) {
    return new ServerConfig(h, p, workers, queueCapacity, maxBodyBytes, maxPixels, maxPages,
        timeoutMillis);
  }

  public ServerConfig withPool(int w, int queue) {
    return new ServerConfig(host, port, w, queue, maxBodyBytes, maxPixels, maxPages,
        timeoutMillis);
  }

  public ServerConfig withLimits(long body, long pixels, int pages, long timeout) {
    return new ServerConfig(host, port, workers, queueCapacity, body, pixels, pages, timeout);
  }
}
