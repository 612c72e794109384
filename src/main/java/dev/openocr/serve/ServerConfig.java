package dev.openocr.serve;

/**
 * Limits and sizes of the OCR server.
 *
 * @param host address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port TCP port, 0 for any free one
 * @param workers OCR threads (each holds one engine session)
 * @param queueCapacity OCR requests that may wait for a worker; more get 503
 * @param maxBodyBytes largest request body in bytes; larger gets 413
 * @param maxPixels largest page in pixels (width x height); larger gets 413
 * @param maxPages most pages decoded from one upload (multi-page TIFF)
 * @param timeoutMillis longest an OCR request may wait and run; longer gets 503
 * @param readTimeoutMillis longest a client may take to send a request, headers and body;
 *     longer and the connection is dropped
 * @param token bearer token every request but {@code /healthz} and the web page must carry, or
 *     null for none (then only a loopback address may be bound)
 */
public record ServerConfig(String host, int port, int workers, int queueCapacity,
                           long maxBodyBytes, long maxPixels, int maxPages, long timeoutMillis,
                           long readTimeoutMillis, String token) {
  public static final String HOST_DEFAULT = "127.0.0.1";
  public static final int PORT_DEFAULT = 8080;
  /** Requests waiting per worker thread by default. */
  public static final int QUEUE_PER_WORKER_DEFAULT = 4;
  public static final long MAX_BODY_BYTES_DEFAULT = 32L << 20;
  /** The body is read into one array. */
  public static final long MAX_BODY_BYTES_LIMIT = Integer.MAX_VALUE - 8;
  /** 40 megapixels: an A3 page at 400 dpi. */
  public static final long MAX_PIXELS_DEFAULT = 40_000_000L;
  public static final int MAX_PAGES_DEFAULT = 20;
  public static final long TIMEOUT_MILLIS_DEFAULT = 60_000;
  /** 32 MiB at 5 Mbit/s takes about 55 s. */
  public static final long READ_TIMEOUT_MILLIS_DEFAULT = 60_000;
  /** Environment variable the serve command takes the token from. */
  public static final String TOKEN_ENV = "OPENOCR_TOKEN";

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
    if (maxBodyBytes <= 0 || maxBodyBytes > MAX_BODY_BYTES_LIMIT || maxPixels <= 0
        || maxPages <= 0 || timeoutMillis <= 0 || readTimeoutMillis <= 0) {
      throw new IllegalArgumentException("Invalid limits: body " + maxBodyBytes + " B (at most "
          + MAX_BODY_BYTES_LIMIT + "), " + maxPixels + " px, " + maxPages + " pages, "
          + timeoutMillis + " ms, read " + readTimeoutMillis + " ms");
    }
    if (token != null && (token.isBlank() || !token.equals(token.strip()))) {
      throw new IllegalArgumentException("Invalid token: blank, or with spaces at an end");
    }
  }

  /** Defaults: loopback, port 8080, one worker per core, no token. */
  public static ServerConfig defaults() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new ServerConfig(HOST_DEFAULT, PORT_DEFAULT, cores, QUEUE_PER_WORKER_DEFAULT * cores,
        MAX_BODY_BYTES_DEFAULT, MAX_PIXELS_DEFAULT, MAX_PAGES_DEFAULT, TIMEOUT_MILLIS_DEFAULT,
        READ_TIMEOUT_MILLIS_DEFAULT, null);
  }

  public ServerConfig withAddress(String h, int p) {
    return new ServerConfig(h, p, workers, queueCapacity, maxBodyBytes, maxPixels, maxPages,
        timeoutMillis, readTimeoutMillis, token);
  }

  public ServerConfig withPool(int w, int queue) {
    return new ServerConfig(host, port, w, queue, maxBodyBytes, maxPixels, maxPages,
        timeoutMillis, readTimeoutMillis, token);
  }

  public ServerConfig withLimits(long body, long pixels, int pages, long timeout) {
    return new ServerConfig(host, port, workers, queueCapacity, body, pixels, pages, timeout,
        readTimeoutMillis, token);
  }

  public ServerConfig withReadTimeout(long millis) {
    return new ServerConfig(host, port, workers, queueCapacity, maxBodyBytes, maxPixels, maxPages,
        timeoutMillis, millis, token);
  }

  /** With a bearer token, or null for none. */
  public ServerConfig withToken(String t) {
    return new ServerConfig(host, port, workers, queueCapacity, maxBodyBytes, maxPixels, maxPages,
        timeoutMillis, readTimeoutMillis, t);
  }

  /** Keeps the token out of logs and error messages. */
  @Override
  public String toString() {
    return "ServerConfig[" + host + ":" + port + ", workers " + workers + ", queue "
        + queueCapacity + ", body " + maxBodyBytes + " B, " + maxPixels + " px, " + maxPages
        + " pages, " + timeoutMillis + " ms, read " + readTimeoutMillis + " ms, token "
        + (token == null ? "none" : "set") + "]";
  }
}
