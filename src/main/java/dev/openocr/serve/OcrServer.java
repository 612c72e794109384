package dev.openocr.serve;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.openocr.engine.OcrEngine;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The OCR HTTP server on the JDK's built-in server: {@code POST /v1/ocr}, {@code GET /healthz},
 * {@code GET /v1/models}, {@code GET /metrics} and the web page at {@code /}. OCR runs on a fixed
 * worker pool with a bounded queue; connections on a fixed set of HTTP threads with a bounded
 * wait and a read timeout ({@link HttpThreads}). With a token, every request but the health
 * check and the web page must carry it as {@code Authorization: Bearer}; without one, only a
 * loopback address is served. The engine is the caller's and stays open after {@link #close}.
 */
public final class OcrServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(OcrServer.class.getName());
  /** HTTP threads beyond one per admitted OCR request, for quick answers (health, 503s). */
  static final int EXTRA_HTTP_THREADS = 4;
  /** Status recorded in metrics when the client closed the connection (nginx's convention). */
  static final int CLIENT_CLOSED = 499;
  /** Connections the OS may queue before the server accepts them. */
  static final int BACKLOG = 64;
  /** Seconds to let running exchanges finish on close. */
  static final int STOP_SECONDS = 1;
  /** Seconds the server may take to answer before the JDK server drops the connection (read
   *  once by the JDK when its server class loads); reading requests is bounded per server. */
  static final String MAX_RSP_SECONDS = "300";
  /** Paths served without the token: load balancers' health checks and the web page. */
  private static final Set<String> OPEN = Set.of("/healthz", "/", "/index.html", "/app.js");
  /** Static files of the web page: path -> (resource, content type). */
  private static final Map<String, String[]> STATIC = Map.of(
      "/", new String[] {"serve/index.html", "text/html; charset=utf-8"},
      "/index.html", new String[] {"serve/index.html", "text/html; charset=utf-8"},
      "/app.js", new String[] {"serve/app.js", "text/javascript; charset=utf-8"});

  static {
    if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
      System.setProperty("sun.net.httpserver.maxRspTime", MAX_RSP_SECONDS);
    }
    // Headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm and the
    // client's delayed ACK add about 40 ms to every answer.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final OcrEngine engine;
  private final ServerConfig config;
  private final ServerMetrics metrics = new ServerMetrics();
  private WorkerPool pool;
  private HttpThreads http;
  private HttpServer server;
  private OcrHandler ocr;

  public OcrServer(OcrEngine engine, ServerConfig config) {
    this.engine = engine;
    this.config = config;
  }

  /**
   * Binds and starts serving; returns the bound port.
   *
   * @throws IllegalStateException when the address is not a loopback one and there is no token
   */
  public synchronized int start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("Server already started on port " + port());
    }
    checkExposure(config);
    pool = new WorkerPool(engine, config.workers(), config.queueCapacity());
    ocr = new OcrHandler(pool, config, metrics, engine.modelId());
    int threads = config.workers() + config.queueCapacity() + EXTRA_HTTP_THREADS;
    // As many connections may wait for a thread as there are threads; more are closed.
    http = new HttpThreads(threads, threads, config.readTimeoutMillis());
    try {
      server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), BACKLOG);
    } catch (IOException e) {
      pool.close();
      http.close();
      throw new IOException("Cannot listen on " + config.host() + ":" + config.port(), e);
    }
    server.setExecutor(http);
    server.createContext("/", this::route);
    server.start();
    return port();
  }

  /**
   * Refuses an address beyond loopback without a token: anyone who reaches it could use it.
   *
   * @throws IllegalStateException naming the address and what to set
   */
  public static void checkExposure(ServerConfig config) throws IOException {
    if (config.token() == null && !InetAddress.getByName(config.host()).isLoopbackAddress()) {
      throw new IllegalStateException("Refusing to serve on " + config.host() + " without a "
          + "token: anyone who reaches it could use it. Set --token or " + ServerConfig.TOKEN_ENV
          + ", or bind a loopback address such as " + ServerConfig.HOST_DEFAULT);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The HTTP threads, for tests. */
  HttpThreads http() {
    return http;
  }

  /** The server's base URI, e.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    return URI.create("http://" + config.host() + ":" + port() + "/");
  }

  private void route(HttpExchange ex) {
    String path = ex.getRequestURI().getPath();
    String route = routeName(path);
    int status = 500;
    // Not try-with-resources: the exchange must stay open while a catch block answers.
    try {
      status = dispatch(ex, path);
    } catch (HttpError e) {
      status = e.status();
      answerError(ex, status, e.getMessage());
    } catch (IOException e) {
      // The client went away while sending or receiving: nobody is left to answer.
      status = CLIENT_CLOSED;
      LOG.log(Level.FINE, "Client closed " + ex.getRequestMethod() + " " + path, e);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Failed " + ex.getRequestMethod() + " " + path, e);
      status = 500;
      answerError(ex, status, "Internal error: " + e.getMessage());
    } finally {
      metrics.request(route, status);
      ex.close();
    }
  }

  private int dispatch(HttpExchange ex, String path) throws IOException {
    if (config.token() != null && !OPEN.contains(path)) {
      requireToken(ex);
    }
    if (path.equals("/v1/ocr")) {
      requireMethod(ex, "POST");
      ocr.handle(ex);
      return 200;
    }
    HttpThreads.requestRead();
    requireMethod(ex, "GET", "HEAD");
    switch (path) {
      case "/healthz" -> {
        boolean ok = pool.canTakeWork();
        Responses.json(ex, ok ? 200 : 503, health(ok));
        return ok ? 200 : 503;
      }
      case "/v1/models" -> Responses.json(ex, 200, models(engine.modelId()));
      case "/metrics" -> Responses.send(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
          metrics.render(pool, http).getBytes(StandardCharsets.UTF_8));
      default -> staticFile(ex, path);
    }
    return 200;
  }

  /** 401 unless the request carries the token; compared in constant time. */
  private void requireToken(HttpExchange ex) {
    String given = ex.getRequestHeaders().getFirst("Authorization");
    byte[] expected = ("Bearer " + config.token()).getBytes(StandardCharsets.UTF_8);
    if (given == null || !MessageDigest.isEqual(expected,
        given.strip().getBytes(StandardCharsets.UTF_8))) {
      ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"openocr\"");
      ex.getResponseHeaders().set("Connection", "close");
      throw new HttpError(401, given == null ? "Missing token: send Authorization: Bearer <token>"
          : "Invalid token");
    }
  }

  private static void requireMethod(HttpExchange ex, String... allowed) {
    for (String m : allowed) {
      if (m.equals(ex.getRequestMethod())) {
        return;
      }
    }
    ex.getResponseHeaders().set("Allow", String.join(", ", allowed));
    throw new HttpError(405, "Method " + ex.getRequestMethod() + " not allowed on "
        + ex.getRequestURI().getPath() + "; use " + String.join(" or ", allowed));
  }

  private void staticFile(HttpExchange ex, String path) throws IOException {
    String[] file = STATIC.get(path);
    if (file == null) {
      throw new HttpError(404, "No such resource: " + path);
    }
    try (InputStream in = OcrServer.class.getClassLoader().getResourceAsStream(file[0])) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + file[0]);
      }
      Responses.send(ex, 200, file[1], in.readAllBytes());
    }
  }

  /** The pool's state; unavailable when every worker is held by a page that ran out of time. */
  private JsonObject health(boolean ok) {
    JsonObject o = new JsonObject();
    o.addProperty("status", ok ? "ok" : "unavailable");
    o.addProperty("stuck", pool.stuck());
    o.addProperty("model", engine.modelId());
    o.addProperty("workers", pool.workers());
    o.addProperty("busy", pool.active());
    o.addProperty("queued", pool.queued());
    o.addProperty("queueCapacity", config.queueCapacity());
    return o;
  }

  /** Bundles from an engine model id such as {@code craft@1a2b+crnn@3c4d}. */
  static JsonObject models(String modelId) {
    JsonArray bundles = new JsonArray();
    for (String b : (modelId == null ? "" : modelId).split("\\+")) {
      if (b.isBlank()) {
        continue;
      }
      int at = b.lastIndexOf('@');
      JsonObject o = new JsonObject();
      o.addProperty("id", at < 0 ? b : b.substring(0, at));
      o.addProperty("checksum", at < 0 ? "" : b.substring(at + 1));
      bundles.add(o);
    }
    JsonObject out = new JsonObject();
    out.addProperty("model", modelId);
    out.add("bundles", bundles);
    return out;
  }

  private static void answerError(HttpExchange ex, int status, String message) {
    try {
      Responses.error(ex, status, message);
    } catch (IOException | RuntimeException e) {
      // Headers already sent or the client left: nothing more to tell it.
      LOG.log(Level.FINE, "Could not send error " + status, e);
    }
  }

  private static String routeName(String path) {
    return switch (path) {
      case "/v1/ocr", "/healthz", "/v1/models", "/metrics" -> path;
      default -> STATIC.containsKey(path) ? "static" : "other";
    };
  }

  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    server.stop(STOP_SECONDS);
    pool.close();
    http.close();
  }
}
