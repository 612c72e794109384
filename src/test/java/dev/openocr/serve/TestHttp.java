package dev.openocr.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** HTTP calls and answer checks shared by the server tests. */
final class TestHttp {
  static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  /** Seconds any single test request may take. */
  static final long REQUEST_SECONDS = 60;

  private TestHttp() {}

  static HttpResponse<byte[]> post(OcrServer s, String pathAndQuery, byte[] body,
      String contentType) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(s.uri().resolve(pathAndQuery))
        .timeout(Duration.ofSeconds(REQUEST_SECONDS))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static HttpResponse<byte[]> get(OcrServer s, String path) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(s.uri().resolve(path))
        .timeout(Duration.ofSeconds(REQUEST_SECONDS)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static JsonObject json(HttpResponse<byte[]> r) {
    return JsonParser.parseString(new String(r.body(), StandardCharsets.UTF_8)).getAsJsonObject();
  }

  /** A JSON error answer with this status whose message contains the part (any case). */
  static void assertError(HttpResponse<byte[]> r, int status, String messagePart) {
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/json"));
    JsonObject e = json(r).getAsJsonObject("error");
    assertThat(e.get("status").getAsInt()).isEqualTo(status);
    assertThat(e.get("message").getAsString()).containsIgnoringCase(messagePart);
  }

  /** The words of a page object of the JSON answer, in reading order. */
  static List<JsonObject> words(JsonObject page) {
    List<JsonObject> out = new ArrayList<>();
    for (var w : page.getAsJsonArray("words")) {
      out.add(w.getAsJsonObject());
    }
    return out;
  }
}
