package dev.openocr.serve;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes HTTP responses. */
final class Responses {
  static final String JSON = "application/json; charset=utf-8";

  private Responses() {}

  static void send(HttpExchange ex, int status, String contentType, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean head = "HEAD".equals(ex.getRequestMethod());
    ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream os = ex.getResponseBody()) {
        os.write(body);
      }
    }
  }

  static void json(HttpExchange ex, int status, JsonObject body) throws IOException {
    send(ex, status, JSON, body.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** {@code {"error": {"status": 400, "message": "..."}}}. */
  static void error(HttpExchange ex, int status, String message) throws IOException {
    JsonObject e = new JsonObject();
    e.addProperty("status", status);
    e.addProperty("message", message);
    JsonObject o = new JsonObject();
    o.add("error", e);
    json(ex, status, o);
  }
}
