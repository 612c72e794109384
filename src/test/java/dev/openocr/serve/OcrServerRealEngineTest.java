package dev.openocr.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.openocr.engine.EngineOptions;
import dev.openocr.engine.OcrEngine;
import dev.openocr.testing.TestImages;
import dev.openocr.testing.TinyBundles;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server on the real loading and inference path (DJL, untrained tiny bundles): concurrent
 * requests on two workers, each with its own predictors, all answered.
 */
class OcrServerRealEngineTest {

  @Test
  void servesConcurrentRequestsWithLoadedBundles(@TempDir Path tmp) throws Exception {
    Path det = TinyBundles.detector(tmp.resolve("det"));
    Path rec = TinyBundles.recognizer(tmp.resolve("rec"));
    EngineOptions opts = EngineOptions.defaults().withModels(det.toString(), rec.toString());
    byte[] png = TestImages.encode(TestImages.page(320, 200, OcrServerTest.WORDS), "png");
    ServerConfig config = ServerConfig.defaults().withAddress("127.0.0.1", 0).withPool(2, 4);
    try (OcrEngine engine = OcrEngine.load(opts); OcrServer server = new OcrServer(engine, config)) {
      server.start();
      JsonObject models = TestHttp.json(TestHttp.get(server, "/v1/models"));
      JsonArray bundles = models.getAsJsonArray("bundles");
      assertThat(bundles).hasSize(2);
      assertThat(bundles.get(0).getAsJsonObject().get("id").getAsString())
          .isEqualTo("craft-lean-test");
      assertThat(bundles.get(0).getAsJsonObject().get("checksum").getAsString()).isNotEmpty();

      List<CompletableFuture<HttpResponse<byte[]>>> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(CompletableFuture.supplyAsync(() -> {
          try {
            return TestHttp.post(server, "/v1/ocr", png, "image/png");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }));
      }
      for (CompletableFuture<HttpResponse<byte[]>> c : calls) {
        HttpResponse<byte[]> r = c.get();
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject page = TestHttp.json(r).getAsJsonArray("pages").get(0).getAsJsonObject();
        assertThat(page.get("width").getAsInt()).isEqualTo(320);
        for (JsonObject w : TestHttp.words(page)) {
          assertThat(w.get("confidence").getAsDouble()).isBetween(0.0, 1.0);
        }
      }
      HttpResponse<byte[]> alto = TestHttp.post(server, "/v1/ocr?format=alto", png, "image/png");
      assertThat(alto.statusCode()).isEqualTo(200);
    }
  }
}
