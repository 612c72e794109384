package dev.openocr.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.openocr.detect.DetectedWord;
import dev.openocr.detect.TextDetector;
import dev.openocr.engine.OcrEngine;
import dev.openocr.imageio.GrayImage;
import dev.openocr.testing.BlobDetector;
import dev.openocr.testing.TestImages;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Queue bound and timeout (503s) with a detector the test holds until it lets go. */
class OcrServerLimitsTest {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Blocks each page until released; counts pages that started. */
  static final class GatedDetector implements TextDetector {
    final CountDownLatch release;
    final Semaphore started;
    private final BlobDetector inner = new BlobDetector();

    GatedDetector(CountDownLatch release, Semaphore started) {
      this.release = release;
      this.started = started;
    }

    @Override
    public List<DetectedWord> detect(GrayImage page) {
      started.release();
      try {
        if (!release.await(20, TimeUnit.SECONDS)) {
          throw new IllegalStateException("test never released the detector");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      return inner.detect(page);
    }

    @Override
    public void close() {}
  }

  private static HttpRequest ocr(OcrServer s, byte[] png) {
    return HttpRequest.newBuilder(s.uri().resolve("/v1/ocr")).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(png))
        .build();
  }

  private static int queued(OcrServer s) throws Exception {
    HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(s.uri().resolve("/healthz"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    return JsonParser.parseString(r.body()).getAsJsonObject().get("queued").getAsInt();
  }

  @Test
  void fullQueueAnswers503AndAdmittedRequestsStillSucceed() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Semaphore started = new Semaphore(0);
    byte[] png = TestImages.encode(TestImages.page(100, 60, OcrServerTest.WORDS.subList(0, 1)),
        "png");
    ServerConfig config = ServerConfig.defaults().withAddress("127.0.0.1", 0).withPool(1, 1);
    try (OcrEngine engine = TestImages.engine(() -> new GatedDetector(release, started));
         OcrServer server = new OcrServer(engine, config)) {
      server.start();
      CompletableFuture<HttpResponse<String>> running =
          CLIENT.sendAsync(ocr(server, png), HttpResponse.BodyHandlers.ofString());
      assertThat(started.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<HttpResponse<String>> waiting =
          CLIENT.sendAsync(ocr(server, png), HttpResponse.BodyHandlers.ofString());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (queued(server) < 1 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      HttpResponse<byte[]> rejected = CLIENT.send(ocr(server, png),
          HttpResponse.BodyHandlers.ofByteArray());
      TestHttp.assertError(rejected, 503, "busy");
      assertThat(rejected.headers().firstValue("Retry-After")).hasValue("1");

      release.countDown();
      assertThat(running.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      HttpResponse<String> second = waiting.get(20, TimeUnit.SECONDS);
      assertThat(second.statusCode()).isEqualTo(200);
      assertThat(second.body()).contains("\"text\":\"w3\"");
    }
  }

  @Test
  void slowPagesTimeOutWith503() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Semaphore started = new Semaphore(0);
    byte[] png = TestImages.encode(TestImages.page(100, 60, OcrServerTest.WORDS.subList(0, 1)),
        "png");
    ServerConfig config = ServerConfig.defaults().withAddress("127.0.0.1", 0).withPool(1, 2)
        .withLimits(1 << 20, 1_000_000, 2, 300);
    try (OcrEngine engine = TestImages.engine(() -> new GatedDetector(release, started));
         OcrServer server = new OcrServer(engine, config)) {
      server.start();
      long t0 = System.nanoTime();
      HttpResponse<byte[]> r = CLIENT.send(ocr(server, png), HttpResponse.BodyHandlers.ofByteArray());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      TestHttp.assertError(r, 503, "longer than 300 ms");
      assertThat(ms).isBetween(250L, 5_000L);
      release.countDown();
      // The worker was freed: the next page is read.
      HttpResponse<String> ok = CLIENT.send(ocr(server, png), HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
      assertThat(new String(ok.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
          .contains("w3");
    }
  }
}
