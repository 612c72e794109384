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

  @Option(names = "--queue", description = "Requests that may wait; more get 429. "
      + "Default: " + ServerConfig.QUEUE_PER_WORKER_DEFAULT + " per worker.")
  Integer queue;

  @Option(names = "--max-body-mb", defaultValue = "32", description = "Largest upload in MiB.")
  int maxBodyMb;

  @Option(names = "--max-megapixels", defaultValue = "40", description = "Largest page.")
  double maxMegapixels;

  @Option(names = "--timeout-seconds", defaultValue = "60", description = "Longest request.")
  int timeoutSeconds;

  @Mixin
  EngineArgs engine;

  @Override
  public Integer call() throws Exception {
    ServerConfig d = ServerConfig.defaults();
    int w = workers != null ? workers : d.workers();
    ServerConfig config = d.withAddress(host, port)
        .withPool(w, queue != null ? queue : ServerConfig.QUEUE_PER_WORKER_DEFAULT * w)
        .withLimits((long) maxBodyMb << 20, (long) (maxMegapixels * 1e6), d.maxPages(),
            timeoutSeconds * 1000L);
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
