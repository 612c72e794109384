package dev.openocr.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.engine.OcrEngine;
import dev.openocr.testing.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * What keeps the server answering under hostile or stuck load: admission before the body,
 * a bounded wait for HTTP threads, a read timeout per connection, a health check that tells
 * when no worker can take work, and a bearer token beyond loopback.
 */
class OcrServerGuardsTest {
  /** Longest any socket read of these tests waits, ms: far above what each step needs. */
  private static final int SOCKET_WAIT_MS = 10_000;
  private static final byte[] PNG = png();

  private static byte[] png() {
    try {
      return TestImages.encode(TestImages.page(100, 60, OcrServerTest.WORDS.subList(0, 1)), "png");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Holds each page until released, deaf to interrupts as native code is. */
  static final class StubbornDetector implements dev.openocr.detect.TextDetector {
    private final CountDownLatch release;
    private final dev.openocr.testing.BlobDetector inner = new dev.openocr.testing.BlobDetector();

    StubbornDetector(CountDownLatch release) {
      this.release = release;
    }

    @Override
    public List<dev.openocr.detect.DetectedWord> detect(dev.openocr.imageio.GrayImage page) {
      boolean interrupted = false;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (release.getCount() > 0 && System.nanoTime() < deadline) {
        try {
          release.await(50, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return inner.detect(page);
    }

    @Override
    public void close() {}
  }

  private static ServerConfig config(int workers, int queue) {
    return ServerConfig.defaults().withAddress("127.0.0.1", 0).withPool(workers, queue);
  }

  private static Socket connect(OcrServer s) throws IOException {
    Socket socket = new Socket("127.0.0.1", s.port());
    socket.setSoTimeout(SOCKET_WAIT_MS);
    return socket;
  }

  private static void send(Socket s, String text) throws IOException {
    OutputStream o = s.getOutputStream();
    o.write(text.getBytes(StandardCharsets.ISO_8859_1));
    o.flush();
  }

  /** The status line the server sent, or "closed" when it closed the connection unanswered. */
  private static String statusLine(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    StringBuilder line = new StringBuilder();
    try {
      int c;
      while ((c = in.read()) >= 0 && c != '\r') {
        line.append((char) c);
      }
    } catch (SocketException e) {
      // A reset: closed without an answer.
    }
    return line.length() == 0 ? "closed" : line.toString();
  }

  private static HttpRequest ocr(OcrServer s, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(s.uri().resolve("/v1/ocr"))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "image/png")
        .POST(HttpRequest.BodyPublishers.ofByteArray(PNG));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b.build();
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SOCKET_WAIT_MS);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(condition.getAsBoolean()).as(what).isTrue();
  }

  @Test
  void aRequestThatCannotGetAWorkerIsRefusedBeforeItsBodyIsRead() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Semaphore started = new Semaphore(0);
    try (OcrEngine engine = TestImages.engine(
             () -> new OcrServerLimitsTest.GatedDetector(release, started));
         OcrServer server = new OcrServer(engine, config(1, 1))) {
      server.start();
      CompletableFuture<HttpResponse<String>> running =
          TestHttp.CLIENT.sendAsync(ocr(server, null), HttpResponse.BodyHandlers.ofString());
      assertThat(started.tryAcquire(SOCKET_WAIT_MS, TimeUnit.MILLISECONDS)).isTrue();
      CompletableFuture<HttpResponse<String>> waiting =
          TestHttp.CLIENT.sendAsync(ocr(server, null), HttpResponse.BodyHandlers.ofString());
      await("second request queued", () -> server.http() != null && queued(server) == 1);

      // Headers and 10 of the 1,000,000 bytes they announce: the answer must not wait for more.
      try (Socket s = connect(server)) {
        send(s, "POST /v1/ocr HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\n"
            + "Content-Length: 1000000\r\n\r\n0123456789");
        assertThat(statusLine(s)).isEqualTo("HTTP/1.1 503 Service Unavailable");
      }
      release.countDown();
      assertThat(running.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      assertThat(waiting.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
  }

  private static int queued(OcrServer s) {
    try {
      return TestHttp.json(TestHttp.get(s, "/healthz")).get("queued").getAsInt();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void clientsThatStallAreDroppedAfterTheReadTimeout() throws Exception {
    ServerConfig c = config(1, 1).withReadTimeout(500);
    int threads = 1 + 1 + OcrServer.EXTRA_HTTP_THREADS;
    try (OcrEngine engine = TestImages.engine(); OcrServer server = new OcrServer(engine, c)) {
      server.start();
      List<Socket> stalled = new ArrayList<>();
      try {
        // Every HTTP thread held: half a request line, half the headers, half a body.
        for (int i = 0; i < threads; i++) {
          Socket s = connect(server);
          stalled.add(s);
          send(s, i % 3 == 0 ? "GET /heal" : i % 3 == 1 ? "GET /healthz HTTP/1.1\r\nHost: x\r\n"
              : "POST /v1/ocr HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n01234");
        }
        for (Socket s : stalled) {
          assertThat(statusLine(s)).isEqualTo("closed");
        }
      } finally {
        for (Socket s : stalled) {
          s.close();
        }
      }
      assertThat(TestHttp.get(server, "/healthz").statusCode()).isEqualTo(200);
      assertThat(server.http().timedOut()).isEqualTo(threads);
      assertThat(TestHttp.CLIENT.send(ocr(server, null), HttpResponse.BodyHandlers.ofString())
          .statusCode()).isEqualTo(200);
    }
  }

  @Test
  void connectionsBeyondTheThreadsAndTheirWaitAreClosedUnanswered() throws Exception {
    ServerConfig c = config(1, 1).withReadTimeout(5_000);
    int threads = 1 + 1 + OcrServer.EXTRA_HTTP_THREADS;
    try (OcrEngine engine = TestImages.engine(); OcrServer server = new OcrServer(engine, c)) {
      server.start();
      List<Socket> stalled = new ArrayList<>();
      try {
        for (int i = 0; i < 2 * threads; i++) {
          Socket s = connect(server);
          stalled.add(s);
          send(s, "GET /heal");
        }
        await("threads busy and the wait full", () -> server.http().busy() == threads
            && server.http().waiting() == threads);
        try (Socket s = connect(server)) {
          send(s, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
          assertThat(statusLine(s)).isEqualTo("closed");
        }
        assertThat(server.http().refused()).isEqualTo(1);
      } finally {
        for (Socket s : stalled) {
          s.close();
        }
      }
      await("answers again", () -> {
        try {
          return TestHttp.get(server, "/healthz").statusCode() == 200;
        } catch (Exception e) {
          return false;
        }
      });
    }
  }

  @Test
  void healthIsUnavailableWhileEveryWorkerIsHeldByAPageThatRanOutOfTime() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ServerConfig c = config(1, 2).withLimits(1 << 20, 1_000_000, 2, 300);
    try (OcrEngine engine = TestImages.engine(() -> new StubbornDetector(release));
         OcrServer server = new OcrServer(engine, c)) {
      server.start();
      assertThat(TestHttp.get(server, "/healthz").statusCode()).isEqualTo(200);
      HttpResponse<byte[]> slow = TestHttp.CLIENT.send(ocr(server, null),
          HttpResponse.BodyHandlers.ofByteArray());
      TestHttp.assertError(slow, 503, "longer than 300 ms");

      HttpResponse<byte[]> health = TestHttp.get(server, "/healthz");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(TestHttp.json(health).get("status").getAsString()).isEqualTo("unavailable");
      assertThat(TestHttp.json(health).get("stuck").getAsInt()).isEqualTo(1);
      // Nothing is admitted that could only wait behind the stuck page.
      TestHttp.assertError(TestHttp.CLIENT.send(ocr(server, null),
          HttpResponse.BodyHandlers.ofByteArray()), 503, "held by a page");

      release.countDown();
      await("healthy once the page returns",
          () -> server.http() != null && healthStatus(server) == 200);
      assertThat(TestHttp.CLIENT.send(ocr(server, null), HttpResponse.BodyHandlers.ofString())
          .statusCode()).isEqualTo(200);
    }
  }

  private static int healthStatus(OcrServer s) {
    try {
      return TestHttp.get(s, "/healthz").statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  @Test
  void aTokenIsRequiredOfEveryRequestButTheHealthCheckAndThePage() throws Exception {
    String token = "s3cret-token-for-tests";
    try (OcrEngine engine = TestImages.engine();
         OcrServer server = new OcrServer(engine, config(1, 1).withToken(token))) {
      server.start();
      HttpResponse<byte[]> none = TestHttp.CLIENT.send(ocr(server, null),
          HttpResponse.BodyHandlers.ofByteArray());
      TestHttp.assertError(none, 401, "missing token");
      assertThat(none.headers().firstValue("WWW-Authenticate"))
          .hasValue("Bearer realm=\"openocr\"");
      TestHttp.assertError(TestHttp.CLIENT.send(ocr(server, token + "x"),
          HttpResponse.BodyHandlers.ofByteArray()), 401, "invalid token");
      assertThat(TestHttp.CLIENT.send(ocr(server, token), HttpResponse.BodyHandlers.ofString())
          .statusCode()).isEqualTo(200);
      assertThat(TestHttp.get(server, "/metrics").statusCode()).isEqualTo(401);
      assertThat(TestHttp.get(server, "/v1/models").statusCode()).isEqualTo(401);
      assertThat(TestHttp.get(server, "/healthz").statusCode()).isEqualTo(200);
      assertThat(TestHttp.get(server, "/").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anAddressBeyondLoopbackIsRefusedWithoutAToken() throws Exception {
    try (OcrEngine engine = TestImages.engine()) {
      try (OcrServer server = new OcrServer(engine, config(1, 1).withAddress("0.0.0.0", 0))) {
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("Refusing to serve on 0.0.0.0 without a token")
            .hasMessageContaining(ServerConfig.TOKEN_ENV);
      }
      ServerConfig withToken = config(1, 1).withAddress("0.0.0.0", 0).withToken("t0ken");
      try (OcrServer server = new OcrServer(engine, withToken)) {
        assertThat(server.start()).isPositive();
      }
      try (OcrServer server = new OcrServer(engine, config(1, 1).withAddress("localhost", 0))) {
        assertThat(server.start()).isPositive();
      }
    }
  }
}
