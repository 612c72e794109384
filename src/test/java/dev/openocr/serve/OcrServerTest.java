package dev.openocr.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.openocr.engine.OcrEngine;
import dev.openocr.export.AltoSchema;
import dev.openocr.testing.TestImages;
import dev.openocr.testing.TestImages.BarWord;
import dev.openocr.testing.Xml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Starts the server on a loopback port with the test engine and exercises every endpoint. */
class OcrServerTest {
  static final List<BarWord> WORDS = List.of(new BarWord(40, 50, 3, 0),
      new BarWord(120, 50, 5, 0), new BarWord(40, 78, 2, 150), new BarWord(120, 78, 4, 0));
  static final long MAX_BODY = 400_000;
  static final long MAX_PIXELS = 1_000_000;

  private static OcrEngine engine;
  private static OcrServer server;
  private static byte[] png;

  @BeforeAll
  static void start() throws Exception {
    engine = TestImages.engine();
    ServerConfig config = ServerConfig.defaults().withAddress("127.0.0.1", 0).withPool(2, 4)
        .withLimits(MAX_BODY, MAX_PIXELS, 3, 20_000);
    server = new OcrServer(engine, config);
    server.start();
    png = TestImages.encode(TestImages.page(300, 150, WORDS), "png");
  }

  @AfterAll
  static void stop() {
    server.close();
    engine.close();
  }

  static HttpResponse<byte[]> post(String pathAndQuery, byte[] body, String contentType)
      throws Exception {
    return TestHttp.post(server, pathAndQuery, body, contentType);
  }

  static HttpResponse<byte[]> get(String path) throws Exception {
    return TestHttp.get(server, path);
  }

  @Test
  void ocrReturnsWordsBoxesConfidencesAndTimings() throws Exception {
    HttpResponse<byte[]> r = post("/v1/ocr", png, "image/png");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject o = TestHttp.json(r);
    assertThat(o.get("model").getAsString()).isEqualTo(TestImages.MODEL_ID);
    JsonArray pages = o.getAsJsonArray("pages");
    assertThat(pages).hasSize(1);
    JsonObject page = pages.get(0).getAsJsonObject();
    assertThat(page.get("width").getAsInt()).isEqualTo(300);
    assertThat(page.get("text").getAsString()).isEqualTo("w3 w5\nw2 w4");
    List<JsonObject> words = TestHttp.words(page);
    assertThat(words).hasSize(4);
    JsonArray box = words.get(0).getAsJsonArray("box");
    assertThat(box.get(0).getAsDouble()).isEqualTo(40);
    assertThat(box.get(1).getAsDouble()).isEqualTo(50);
    assertThat(box.get(2).getAsDouble()).isEqualTo(WORDS.get(0).right());
    assertThat(box.get(3).getAsDouble()).isEqualTo(70);
    assertThat(words.get(0).get("confidence").getAsDouble()).isGreaterThan(0.95);
    assertThat(words.get(2).get("confidence").getAsDouble()).isBetween(0.3, 0.5);
    assertThat(page.getAsJsonObject("timings").has("detectMs")).isTrue();
    assertThat(o.getAsJsonObject("timings").get("totalMs").getAsLong()).isNotNegative();
  }

  @Test
  void minConfidenceDropsLowWords() throws Exception {
    JsonObject page = TestHttp.json(post("/v1/ocr?min_confidence=0.6", png, "image/png"))
        .getAsJsonArray("pages").get(0).getAsJsonObject();
    assertThat(TestHttp.words(page)).extracting(w -> w.get("text").getAsString())
        .containsExactly("w3", "w5", "w4");
  }

  @Test
  void otherFormatsAnswerTheirExport() throws Exception {
    HttpResponse<byte[]> txt = post("/v1/ocr?format=txt", png, "image/png");
    assertThat(txt.statusCode()).isEqualTo(200);
    assertThat(txt.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(new String(txt.body(), StandardCharsets.UTF_8)).isEqualTo("w3 w5\nw2 w4\n");

    HttpResponse<byte[]> alto = post("/v1/ocr?format=alto&name=scan.png", png, "image/png");
    assertThat(alto.statusCode()).isEqualTo(200);
    AltoSchema.get().newValidator().validate(
        new StreamSource(new ByteArrayInputStream(alto.body())));
    assertThat(Xml.elements(Xml.parse(alto.body()), "http://www.loc.gov/standards/alto/ns-v4#",
        "String")).hasSize(4);

    HttpResponse<byte[]> hocr = post("/v1/ocr?format=hocr", png, "image/png");
    assertThat(new String(hocr.body(), StandardCharsets.UTF_8))
        .contains("class=\"ocrx_word\"", "bbox 40 50 55 70; x_wconf 100");
  }

  @Test
  void multipartUploadUsesTheFileName() throws Exception {
    String boundary = "----openocrTestBoundary42";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n"
        + "hello\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
        + "filename=\"form.png\"\r\nContent-Type: image/png\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.write(png);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> r = post("/v1/ocr", body.toByteArray(),
        "multipart/form-data; boundary=" + boundary);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject o = TestHttp.json(r);
    assertThat(o.get("source").getAsString()).isEqualTo("form.png");
    assertThat(TestHttp.words(o.getAsJsonArray("pages").get(0).getAsJsonObject())).hasSize(4);
  }

  @Test
  void readsJpegBmpAndMultiPageTiff() throws Exception {
    var img = TestImages.page(300, 150, WORDS);
    for (String fmt : List.of("jpeg", "bmp")) {
      JsonObject page = TestHttp.json(post("/v1/ocr", TestImages.encode(img, fmt), "image/" + fmt))
          .getAsJsonArray("pages").get(0).getAsJsonObject();
      assertThat(TestHttp.words(page)).as(fmt).hasSize(4);
    }
    var second = TestImages.page(200, 100, List.of(new BarWord(10, 10, 6, 0)));
    JsonArray pages = TestHttp.json(post("/v1/ocr", TestImages.tiff(List.of(img, second)), "image/tiff"))
        .getAsJsonArray("pages");
    assertThat(pages).hasSize(2);
    assertThat(pages.get(1).getAsJsonObject().get("text").getAsString()).isEqualTo("w6");
    HttpResponse<byte[]> secondTxt = post("/v1/ocr?format=txt&page=1",
        TestImages.tiff(List.of(img, second)), "image/tiff");
    assertThat(new String(secondTxt.body(), StandardCharsets.UTF_8)).isEqualTo("w6\n");
    assertThat(secondTxt.headers().firstValue("X-Page-Count")).hasValue("2");
  }

  @Test
  void rendersPdfPages() throws Exception {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try (PDDocument doc = new PDDocument()) {
      for (int n = 1; n <= 2; n++) {
        PDPage page = new PDPage(new PDRectangle(300, 150));
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          for (int i = 0; i < n + 1; i++) {
            // PDF y grows upwards: words on one row near the top, solid black.
            cs.addRect(20 + i * 60, 110, 30, 10);
          }
          cs.fill();
        }
      }
      doc.save(pdf);
    }
    JsonArray pages = TestHttp.json(post("/v1/ocr", pdf.toByteArray(), "application/pdf"))
        .getAsJsonArray("pages");
    assertThat(pages).hasSize(2);
    JsonObject first = pages.get(0).getAsJsonObject();
    // 300 pt at the job's 300 dpi.
    assertThat(first.get("width").getAsInt()).isEqualTo(1250);
    assertThat(first.get("text").getAsString()).isEqualTo("w1 w1");
    assertThat(pages.get(1).getAsJsonObject().get("text").getAsString()).isEqualTo("w1 w1 w1");
  }

  @Test
  void badUploadsGetClear4xx() throws Exception {
    TestHttp.assertError(post("/v1/ocr", new byte[0], "image/png"), 400, "empty");
    TestHttp.assertError(post("/v1/ocr", "hello, not an image".getBytes(StandardCharsets.UTF_8),
        "image/png"), 415, "not an image");
    TestHttp.assertError(post("/v1/ocr", "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII),
        "application/pdf"), 400, "cannot parse pdf");
    byte[] truncated = java.util.Arrays.copyOf(png, png.length / 2);
    TestHttp.assertError(post("/v1/ocr", truncated, "image/png"), 400, "cannot decode");
    TestHttp.assertError(post("/v1/ocr", new byte[(int) MAX_BODY + 1], "image/png"), 413, "limit");
    byte[] huge = TestImages.encode(TestImages.page(1500, 1000, List.of()), "png");
    TestHttp.assertError(post("/v1/ocr", huge, "image/png"), 413, "pixels");
    var one = TestImages.page(50, 50, List.of());
    TestHttp.assertError(post("/v1/ocr", TestImages.tiff(List.of(one, one, one, one)), "image/tiff"), 413,
        "pages");
    TestHttp.assertError(post("/v1/ocr?format=pdf", png, "image/png"), 400, "format");
    TestHttp.assertError(post("/v1/ocr?min_confidence=2", png, "image/png"), 400, "min_confidence");
    TestHttp.assertError(post("/v1/ocr?min_confidence=abc", png, "image/png"), 400, "not a number");
    TestHttp.assertError(post("/v1/ocr?format=txt&page=3", png, "image/png"), 400, "1 page");
    TestHttp.assertError(post("/v1/ocr?page=-1", png, "image/png"), 400, "page");
    TestHttp.assertError(post("/v1/ocr", "--x\r\nbroken".getBytes(StandardCharsets.UTF_8),
        "multipart/form-data; boundary=x"), 400, "multipart");
    TestHttp.assertError(post("/v1/ocr", png, "multipart/form-data"), 400, "boundary");
  }

  @Test
  void wrongMethodsAndPathsAreRejected() throws Exception {
    HttpResponse<byte[]> r = get("/v1/ocr");
    TestHttp.assertError(r, 405, "POST");
    assertThat(r.headers().firstValue("Allow")).hasValue("POST");
    TestHttp.assertError(post("/healthz", png, "image/png"), 405, "GET");
    TestHttp.assertError(get("/nope"), 404, "/nope");
    TestHttp.assertError(get("/../etc/passwd"), 404, "no such");
  }

  @Test
  void healthModelsAndIndex() throws Exception {
    JsonObject h = TestHttp.json(get("/healthz"));
    assertThat(h.get("status").getAsString()).isEqualTo("ok");
    assertThat(h.get("workers").getAsInt()).isEqualTo(2);
    JsonArray bundles = TestHttp.json(get("/v1/models")).getAsJsonArray("bundles");
    assertThat(bundles).hasSize(2);
    assertThat(bundles.get(0).getAsJsonObject().get("id").getAsString()).isEqualTo("blob-detector");
    assertThat(bundles.get(1).getAsJsonObject().get("checksum").getAsString()).isEqualTo("4567ef01");
    HttpResponse<byte[]> index = get("/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("text/html"));
    assertThat(new String(index.body(), StandardCharsets.UTF_8)).contains("app.js", "<title>openocr");
    assertThat(new String(get("/app.js").body(), StandardCharsets.UTF_8)).contains("v1/ocr");
  }

  @Test
  void metricsCountRequests() throws Exception {
    post("/v1/ocr", png, "image/png");
    post("/v1/ocr", new byte[0], "image/png");
    String m = new String(get("/metrics").body(), StandardCharsets.UTF_8);
    assertThat(m).containsPattern("openocr_http_requests_total\\{route=\"/v1/ocr\",status=\"200\"\\} [1-9]");
    assertThat(m).containsPattern("openocr_http_requests_total\\{route=\"/v1/ocr\",status=\"400\"\\} [1-9]");
    assertThat(m).containsPattern("openocr_ocr_request_seconds_count [1-9]");
    assertThat(m).contains("openocr_workers 2", "# TYPE openocr_ocr_request_seconds histogram");
    assertThat(m).containsPattern("openocr_pages_total [1-9]");
  }
}
