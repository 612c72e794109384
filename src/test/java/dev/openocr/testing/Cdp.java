package dev.openocr.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives a headless Chromium over the DevTools protocol with the JDK's WebSocket client: enough
 * to load a page, upload a file, evaluate JavaScript and move the mouse. Loopback only.
 */
public final class Cdp implements AutoCloseable {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  /** Seconds to wait for Chromium to start and for each command. */
  static final long WAIT_SECONDS = 30;

  private final Process process;
  private final WebSocket socket;
  private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  private Cdp(Process process, WebSocket socket) {
    this.process = process;
    this.socket = socket;
  }

  /** Starts Chromium with a fresh profile in {@code profile} and attaches to its first tab. */
  public static Cdp start(Path profile) throws Exception {
    Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless=new", "--no-sandbox",
        "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-proxy-server",
        "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
        "--user-data-dir=" + profile, "about:blank")
        .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile())
        .start();
    try {
      Path portFile = profile.resolve("DevToolsActivePort");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
        if (System.nanoTime() > deadline || !p.isAlive()) {
          throw new IOException("Chromium did not start; see chromium.log beside " + profile);
        }
        Thread.sleep(100);
      }
      int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
      HttpClient http = HttpClient.newHttpClient();
      String list = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      String ws = null;
      for (JsonElement e : JsonParser.parseString(list).getAsJsonArray()) {
        if ("page".equals(e.getAsJsonObject().get("type").getAsString())) {
          ws = e.getAsJsonObject().get("webSocketDebuggerUrl").getAsString();
          break;
        }
      }
      if (ws == null) {
        throw new IOException("Chromium has no page target: " + list);
      }
      Listener listener = new Listener();
      WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(ws), listener)
          .get(WAIT_SECONDS, TimeUnit.SECONDS);
      Cdp cdp = new Cdp(p, socket);
      listener.owner = cdp;
      return cdp;
    } catch (Exception e) {
      p.destroyForcibly();
      throw e;
    }
  }

  /** Sends a command and returns its {@code result}; a protocol error becomes an exception. */
  public JsonObject send(String method, JsonObject params) throws Exception {
    int id = ids.incrementAndGet();
    JsonObject msg = new JsonObject();
    msg.addProperty("id", id);
    msg.addProperty("method", method);
    msg.add("params", params == null ? new JsonObject() : params);
    CompletableFuture<JsonObject> f = new CompletableFuture<>();
    pending.put(id, f);
    socket.sendText(msg.toString(), true).get(WAIT_SECONDS, TimeUnit.SECONDS);
    JsonObject reply = f.get(WAIT_SECONDS, TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IOException(method + " failed: " + reply.get("error"));
    }
    return reply.getAsJsonObject("result");
  }

  /** Evaluates a JavaScript expression and returns its value (JSON-compatible). */
  public JsonElement eval(String expression) throws Exception {
    JsonObject p = new JsonObject();
    p.addProperty("expression", expression);
    p.addProperty("returnByValue", true);
    p.addProperty("awaitPromise", true);
    JsonObject r = send("Runtime.evaluate", p);
    if (r.has("exceptionDetails")) {
      throw new IOException("JavaScript failed: " + r.get("exceptionDetails"));
    }
    JsonObject v = r.getAsJsonObject("result");
    return v.has("value") ? v.get("value") : null;
  }

  /** Evaluates until the expression is true, or fails after {@code seconds}. */
  public void waitFor(String expression, long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      JsonElement v = eval(expression);
      if (v != null && v.isJsonPrimitive() && v.getAsBoolean()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("Timed out waiting for " + expression);
      }
      Thread.sleep(100);
    }
  }

  public void navigate(String url) throws Exception {
    JsonObject p = new JsonObject();
    p.addProperty("url", url);
    send("Page.navigate", p);
    waitFor("document.readyState === 'complete'", WAIT_SECONDS);
  }

  /** Puts local files into an {@code <input type=file>} (fires its change event). */
  public void setFiles(String selector, List<Path> files) throws Exception {
    int root = send("DOM.getDocument", null).getAsJsonObject("root").get("nodeId").getAsInt();
    JsonObject q = new JsonObject();
    q.addProperty("nodeId", root);
    q.addProperty("selector", selector);
    int node = send("DOM.querySelector", q).get("nodeId").getAsInt();
    JsonObject p = new JsonObject();
    JsonArray arr = new JsonArray();
    files.forEach(f -> arr.add(f.toAbsolutePath().toString()));
    p.add("files", arr);
    p.addProperty("nodeId", node);
    send("DOM.setFileInputFiles", p);
  }

  /** Moves the mouse to page coordinates (CSS pixels). */
  public void mouseMove(double x, double y) throws Exception {
    JsonObject p = new JsonObject();
    p.addProperty("type", "mouseMoved");
    p.addProperty("x", x);
    p.addProperty("y", y);
    send("Input.dispatchMouseEvent", p);
  }

  /** Saves a PNG of the visible page. */
  public void screenshot(Path png) throws Exception {
    JsonObject p = new JsonObject();
    p.addProperty("format", "png");
    String data = send("Page.captureScreenshot", p).get("data").getAsString();
    Files.write(png, java.util.Base64.getDecoder().decode(data));
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Closing anyway.
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Collects text frames into messages and completes the matching command. */
  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder buf = new StringBuilder();
    private volatile Cdp owner;

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      buf.append(data);
      if (last) {
        JsonObject msg = JsonParser.parseString(buf.toString()).getAsJsonObject();
        buf.setLength(0);
        if (msg.has("id") && owner != null) {
          CompletableFuture<JsonObject> f = owner.pending.remove(msg.get("id").getAsInt());
          if (f != null) {
            f.complete(msg);
          }
        }
      }
      ws.request(1);
      return null;
    }
  }

  /** How long callers should allow a whole browser scenario to take. */
  public static Duration scenarioTimeout() {
    return Duration.ofSeconds(4 * WAIT_SECONDS);
  }
}
