package dev.openocr.tools;

import dev.openocr.engine.OcrEngine;
import dev.openocr.serve.OcrServer;
import dev.openocr.serve.ServerConfig;
import dev.openocr.testing.TestImages;
import dev.openocr.testing.TestImages.BarWord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the OCR server on loopback with the test engine (blob detector, bar recognizer) and
 * writes a sample page PNG, for load tests and browser checks from another process.
 * Usage: {@code ServeBench PORT SAMPLE_PNG [WORKERS QUEUE]}; runs until killed.
 */
public final class ServeBench {
  /** Rows and words per row of the sample page. */
  static final int ROWS = 12;
  static final int PER_ROW = 6;

  private ServeBench() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    List<BarWord> words = new ArrayList<>();
    for (int r = 0; r < ROWS; r++) {
      for (int c = 0; c < PER_ROW; c++) {
        words.add(new BarWord(30 + c * 90, 30 + r * 40, 2 + (r + c) % 6, (r * 37 + c * 11) % 160));
      }
    }
    Files.write(Path.of(args[1]), TestImages.encode(TestImages.page(600, 520, words), "png"));
    ServerConfig d = ServerConfig.defaults();
    ServerConfig config = args.length >= 4
        ? d.withAddress("127.0.0.1", port).withPool(Integer.parseInt(args[2]),
            Integer.parseInt(args[3]))
        : d.withAddress("127.0.0.1", port);
    try (OcrEngine engine = TestImages.engine(); OcrServer server = new OcrServer(engine, config)) {
      server.start();
      System.out.println("serving " + server.uri() + " workers " + config.workers() + " queue "
          + config.queueCapacity());
      Thread.currentThread().join();
    }
  }
}
