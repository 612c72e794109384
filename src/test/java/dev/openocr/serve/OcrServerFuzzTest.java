package dev.openocr.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.engine.OcrEngine;
import dev.openocr.testing.TestImages;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Corrupted uploads of every format the server reads: each gets a 200 or a JSON 4xx, never a 5xx
 * or a dropped connection, and the server stays healthy.
 */
class OcrServerFuzzTest {
  /** Mutated uploads per seed format. */
  static final int MUTATIONS = Integer.getInteger("fuzz.mutations", 40);

  @Test
  @Timeout(300)
  void corruptUploadsNeverFailTheServer() throws Exception {
    var img = TestImages.page(120, 80, OcrServerTest.WORDS.subList(0, 2));
    List<byte[]> seeds = new ArrayList<>();
    for (String fmt : List.of("png", "jpeg", "bmp", "gif")) {
      seeds.add(TestImages.encode(img, fmt));
    }
    seeds.add(TestImages.tiff(List.of(img, img)));
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      doc.save(pdf);
    }
    seeds.add(pdf.toByteArray());
    Random rnd = new Random(20261124);
    ServerConfig config = ServerConfig.defaults().withAddress("127.0.0.1", 0).withPool(2, 8)
        .withLimits(1 << 20, 2_000_000, 4, 20_000);
    int ok = 0;
    int rejected = 0;
    try (OcrEngine engine = TestImages.engine(); OcrServer server = new OcrServer(engine, config)) {
      server.start();
      for (byte[] seed : seeds) {
        for (int m = 0; m < MUTATIONS; m++) {
          byte[] body = mutate(seed, rnd);
          HttpResponse<byte[]> r = TestHttp.post(server, "/v1/ocr", body, "application/octet-stream");
          String answer = new String(r.body(), StandardCharsets.UTF_8);
          assertThat(r.statusCode()).as(answer).isIn(200, 400, 413, 415);
          if (r.statusCode() == 200) {
            ok++;
          } else {
            TestHttp.assertError(r, r.statusCode(), "");
            rejected++;
          }
        }
      }
      assertThat(TestHttp.get(server, "/healthz").statusCode()).isEqualTo(200);
      String metrics = new String(TestHttp.get(server, "/metrics").body(), StandardCharsets.UTF_8);
      assertThat(metrics).doesNotContain("status=\"500\"");
    }
    assertThat(ok + rejected).isEqualTo(seeds.size() * MUTATIONS);
    assertThat(rejected).isPositive();
  }

  /** Flips bytes, truncates, or splices in random bytes, keeping the format's magic most times. */
  private static byte[] mutate(byte[] seed, Random rnd) {
    byte[] b = seed.clone();
    switch (rnd.nextInt(4)) {
      case 0 -> {
        for (int i = 0; i < 1 + rnd.nextInt(8); i++) {
          b[8 + rnd.nextInt(b.length - 8)] = (byte) rnd.nextInt(256);
        }
      }
      case 1 -> b = java.util.Arrays.copyOf(b, 4 + rnd.nextInt(b.length - 4));
      case 2 -> {
        // Overwrite header fields (sizes, offsets) right after the magic.
        for (int i = 4; i < Math.min(b.length, 64); i++) {
          if (rnd.nextInt(4) == 0) {
            b[i] = (byte) (rnd.nextBoolean() ? 0xff : rnd.nextInt(256));
          }
        }
      }
      default -> {
        byte[] junk = new byte[rnd.nextInt(2000)];
        rnd.nextBytes(junk);
        int at = rnd.nextInt(b.length);
        byte[] out = new byte[at + junk.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(junk, 0, out, at, junk.length);
        b = out;
      }
    }
    return b;
  }
}
