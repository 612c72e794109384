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

  @Option(names = "--max-body-mb", defaultValue = "32", description = "Largest upload in MiB.")
  int maxBodyMb;

  @Option(names = "--max-megapixels", defaultValue = "40", description = "Largest page.")
  double maxMegapixels;

  @Option(names = "--timeout-seconds", defaultValue = "60", description = "Longest request.")
  int timeoutSeconds;

  @Option(names = "--read-timeout-seconds", defaultValue = "60",
      description = "Longest a client may take to send a request (headers and body); the "
          + "connection is dropped after.")
  int readTimeoutSeconds;

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

  @Override
  public Integer call() throws Exception {
    ServerConfig d = ServerConfig.defaults();
    int w = workers != null ? workers : d.workers();
    ServerConfig config = d.withAddress(host, port)
        .withPool(w, queue != null ? queue : ServerConfig.QUEUE_PER_WORKER_DEFAULT * w)
        .withLimits((long) maxBodyMb << 20, (long) (maxMegapixels * 1e6), d.maxPages(),
            timeoutSeconds * 1000L)
        .withReadTimeout(readTimeoutSeconds * 1000L)
        .withToken(token != null ? token : tokenFromEnvironment());
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
