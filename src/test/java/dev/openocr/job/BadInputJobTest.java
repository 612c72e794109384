package dev.openocr.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.imageio.TestImages;
import dev.openocr.spark.TestEngines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken and hostile files beside good ones: each gets its error row, nothing is lost. */
class BadInputJobTest extends WithLocalSpark {
  @Test
  void everyBadFileGetsOneErrorRowNamingTheCause(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("in");
    byte[] png = TestImages.png(TestImages.page(320, 160, 4));
    byte[] jpg = TestImages.encode(TestImages.page(320, 160, 4), "jpeg");
    Random seeded = new Random(1);
    Map<String, String> bad = new HashMap<>();
    bad.put("empty.png", "EMPTY: ");
    bad.put("empty %20 'ü'.png", "EMPTY: ");
    bad.put("cut.png", "TRUNCATED: ");
    bad.put("cut.jpg", "TRUNCATED: ");
    bad.put("noise.png", "UNSUPPORTED_FORMAT: ");
    bad.put("noise.jpg", "UNSUPPORTED_FORMAT: ");
    bad.put("noise.tif", "UNSUPPORTED_FORMAT: ");
    bad.put("text.tif", "UNSUPPORTED_FORMAT: ");
    bad.put("bomb.png", "TOO_LARGE: ");
    bad.put("fake.pdf", "UNSUPPORTED_FORMAT: ");
    bad.put("locked.pdf", "ENCRYPTED: ");
    TestInputs.write(in.resolve("empty.png"), new byte[0]);
    TestInputs.write(in.resolve("empty %20 'ü'.png"), new byte[0]);
    TestInputs.write(in.resolve("cut.png"), TestImages.head(png, png.length / 2));
    TestInputs.write(in.resolve("cut.jpg"), TestImages.head(jpg, jpg.length / 2));
    for (String noise : List.of("noise.png", "noise.jpg", "noise.tif")) {
      TestInputs.write(in.resolve(noise), noise(seeded));
    }
    TestInputs.write(in.resolve("text.tif"), "not an image\n".getBytes(StandardCharsets.UTF_8));
    TestInputs.write(in.resolve("bomb.png"), TestImages.pngHeaderOnly(100_000, 100_000));
    TestInputs.write(in.resolve("fake.pdf"), "<html>hello</html>".getBytes(StandardCharsets.UTF_8));
    TestInputs.write(in.resolve("locked.pdf"), TestImages.pdf(1, "secret"));
    List<String> good = List.of("good.png", "with space 'quote' \"dq\".png", "ünïcødé 한국어.png");
    for (String g : good) {
      TestInputs.write(in.resolve(g), png);
    }
    Path out = tmp.resolve("out");
    OcrJobConfig c = OcrJobConfig.of(Map.of(OcrJobConfig.INPUT, in.toString(),
        OcrJobConfig.OUTPUT, out.toString()));

    int enginesBefore = TestEngines.CREATED.get();
    JobSummary s = OcrJob.run(spark, c, new TestEngines.Blobs());

    List<Row> rows = spark.read().parquet(out.resolve("pages").toString())
        .select("source", "status", "error", "word_count").collectAsList();
    assertThat(rows).hasSize(bad.size() + good.size());
    // Exactly one row per file: every name once.
    assertThat(rows).extracting(BadInputJobTest::nameOf)
        .containsExactlyInAnyOrderElementsOf(
            Stream.concat(bad.keySet().stream(), good.stream()).toList());
    for (Row r : rows) {
      String name = nameOf(r);
      if (good.contains(name)) {
        assertThat(r.getString(1)).as(name).isEqualTo("ok");
        assertThat(r.getInt(3)).as(name).isEqualTo(4);
      } else {
        assertThat(r.getString(1)).as(name).isEqualTo("error");
        assertThat(r.getString(2)).as(name).startsWith(bad.get(name)).contains(name);
      }
    }
    assertThat(rows.stream().filter(r -> r.getString(0).endsWith("bomb.png")).findFirst()
        .orElseThrow().getString(2))
        .endsWith("image too large: 100000x100000 = 1e10 pixels > limit 1.6e8");
    // The decoder's EOF, not a damaged-data guess: the PNG's pixel data ends early.
    assertThat(errorOf(rows, "cut.png"))
        .matches("TRUNCATED: \\S*/cut\\.png: cannot read page 0: data ends early: .+");
    for (String ext : List.of("png", "jpg", "tif")) {
      assertThat(errorOf(rows, "noise." + ext)).as(ext)
          .contains("content is not PNG, JPEG, TIFF, BMP, GIF, JPEG 2000, WebP or PDF although the"
              + " name ends in ." + ext);
    }
    assertThat(s.errorRows()).isEqualTo(bad.size());
    assertThat(s.errorsByCause().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(bad.size());
    // Counts by cause are those of the error prefixes expected above, cause by cause.
    assertThat(s.errorsByCause()).isEqualTo(bad.values().stream().collect(Collectors.groupingBy(
        p -> p.substring(0, p.indexOf(':')), Collectors.counting())));
    assertThat(s.errorsByCause()).containsEntry("UNSUPPORTED_FORMAT", 5L)
        .containsEntry("TRUNCATED", 2L).containsEntry("TOO_LARGE", 1L)
        .containsEntry("ENCRYPTED", 1L);
    assertThat(spark.read().parquet(out.resolve("words").toString()).count()).isEqualTo(12);
    // One engine per JVM (it may already be cached from an earlier test), not one per task.
    assertThat(TestEngines.CREATED.get() - enginesBefore).isLessThanOrEqualTo(1);
    assertThat(s.tasks()).isGreaterThan(1);
  }

  /** 3000 random bytes that start with no known magic number. */
  private static byte[] noise(Random r) {
    byte[] b = new byte[3000];
    r.nextBytes(b);
    b[0] = 7;
    return b;
  }

  private static String nameOf(Row r) {
    return r.getString(0).substring(r.getString(0).lastIndexOf('/') + 1);
  }

  private static String errorOf(List<Row> rows, String name) {
    return rows.stream().filter(r -> r.getString(0).endsWith("/" + name)).findFirst()
        .orElseThrow().getString(2);
  }
}
