package dev.openocr.cli;

import dev.openocr.engine.OcrEngine;
import dev.openocr.serve.OcrServer;
import dev.openocr.serve.ServerConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code openocr serve}: the HTTP API and web page on one engine, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serves OCR over HTTP: POST /v1/ocr, GET /healthz, /v1/models, /metrics, "
        + "and a web page at /.")
final class ServeCommand implements Callable<Integer> {
  /** Pixels in a megapixel. */
  private static final long MEGA = 1_000_000;

  @Option(names = "--host", defaultValue = ServerConfig.HOST_DEFAULT,
      description = "Address to bind (0.0.0.0 for every interface). Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(names = "--port", defaultValue = "" + ServerConfig.PORT_DEFAULT,
      description = "TCP port. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--workers", description = "OCR threads. Default: the number of cores.")
  Integer workers;

  @Option(names = "--queue", description = "Requests that may wait; more get 503. "
      + "Default: " + ServerConfig.QUEUE_PER_WORKER_DEFAULT + " per worker.")
  Integer queue;

  @Option(names = "--max-body-mb", description = "Largest upload in MiB. Default: "
      + (ServerConfig.MAX_BODY_BYTES_DEFAULT >> 20) + ".")
  Integer maxBodyMb;

  @Option(names = "--max-megapixels", description = "Largest page. Default: "
      + ServerConfig.MAX_PIXELS_DEFAULT / MEGA + ".")
  Double maxMegapixels;

  @Option(names = "--timeout-seconds", description = "Longest request. Default: "
      + ServerConfig.TIMEOUT_MILLIS_DEFAULT / 1000 + ".")
  Integer timeoutSeconds;

  @Option(names = "--read-timeout-seconds",
      description = "Longest a client may take to send a request (headers and body); the "
          + "connection is dropped after. Default: "
          + ServerConfig.READ_TIMEOUT_MILLIS_DEFAULT / 1000 + ".")
  Integer readTimeoutSeconds;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "Bearer token every request but /healthz and the web page must carry. "
          + "Default: the " + ServerConfig.TOKEN_ENV + " environment variable (which other users "
          + "of the machine cannot read from the process list). Required to bind an address "
          + "other than loopback.")
  String token;

  @Mixin
  EngineArgs engine;

  private static String tokenFromEnvironment() {
    String t = System.getenv(ServerConfig.TOKEN_ENV);
    return t == null || t.isBlank() ? null : t.strip();
  }

  /** The server's settings: the flags given, {@link ServerConfig#defaults()} for the others. */
  ServerConfig config() {
    ServerConfig d = ServerConfig.defaults();
    int w = workers != null ? workers : d.workers();
    return d.withAddress(host, port)
        .withPool(w, queue != null ? queue : ServerConfig.QUEUE_PER_WORKER_DEFAULT * w)
        .withLimits(maxBodyMb != null ? (long) maxBodyMb << 20 : d.maxBodyBytes(),
            maxMegapixels != null ? Math.round(maxMegapixels * MEGA) : d.maxPixels(),
            d.maxPages(), timeoutSeconds != null ? timeoutSeconds * 1000L : d.timeoutMillis())
        .withReadTimeout(readTimeoutSeconds != null ? readTimeoutSeconds * 1000L
            : d.readTimeoutMillis())
        .withToken(token != null ? token : tokenFromEnvironment());
  }

  @Override
  public Integer call() throws Exception {
    ServerConfig config = config();
    OcrServer.checkExposure(config);
    // One intra-op thread per worker: the workers share the cores.
    try (OcrEngine e = OcrEngine.load(engine.options(1));
         OcrServer server = new OcrServer(e, config)) {
      server.start();
      System.out.println("openocr serving " + e.modelId() + " at " + server.uri());
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      stop.await();
    }
    return 0;
  }
}
