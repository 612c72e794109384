package dev.openocr.spark;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.imageio.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A {@code local[2]} session with {@code ocr()} over the test engine, the files the function
 * tests read, and a page's content as one comparable string.
 */
final class FunctionSpark {
  /** PDFs rendered small, in the job and the function alike. */
  static final String PDF_DPI = "100";

  private FunctionSpark() {}

  static SparkSession start() {
    return SparkSession.builder().master("local[2]").appName("openocr-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1")
        .config(OcrExtensions.CONF, OcrExtensions.class.getName())
        .config(OcrJobConfig.ENGINE_FACTORY, TestEngines.Blobs.class.getName())
        .config(OcrJobConfig.PDF_DPI, PDF_DPI)
        .getOrCreate();
  }

  /** Good files of 1 + 2 + 1 + 1 pages and broken ones, by name; the cause each broken one has. */
  static Map<String, String> writeInputs(Path in) throws IOException {
    Files.createDirectories(in);
    byte[] png = TestImages.png(TestImages.page(320, 160, 3));
    Files.write(in.resolve("scan.png"), png);
    Files.write(in.resolve("multi.tif"), TestImages.tiff(
        List.of(TestImages.page(300, 120, 2), TestImages.page(300, 120, 5))));
    Files.write(in.resolve("doc.pdf"), TestImages.pdf(1, null));
    Files.write(in.resolve("photo.jpg"), TestImages.encode(TestImages.page(200, 100, 4), "jpeg"));
    Files.write(in.resolve("cut.png"), TestImages.head(png, png.length / 2));
    Files.write(in.resolve("bomb.png"), TestImages.pngHeaderOnly(100_000, 100_000));
    Files.write(in.resolve("text.tif"), "not an image\n".getBytes());
    Files.write(in.resolve("locked.pdf"), TestImages.pdf(1, "secret"));
    return Map.of("cut.png", "TRUNCATED", "bomb.png", "TOO_LARGE",
        "text.tif", "UNSUPPORTED_FORMAT", "locked.pdf", "ENCRYPTED");
  }

  /**
   * Pages by {@code name#page}, each as everything the function returns but the error's
   * detail: status, cause, size, text, counts, confidences and every word with its box.
   * {@code rows} have columns path (or source), page, status, error, width, height, text,
   * word_count, mean_confidence, words.
   */
  static Map<String, String> describe(List<Row> rows) {
    Map<String, String> out = new TreeMap<>();
    for (Row r : rows) {
      String name = r.getString(0).replaceAll(".*/", "");
      List<String> parts = new ArrayList<>();
      parts.add(r.getString(2));
      parts.add(r.isNullAt(3) ? "-" : r.getString(3).substring(0, r.getString(3).indexOf(':')));
      for (int i = 4; i < 9; i++) {
        parts.add(String.valueOf(r.get(i)));
      }
      for (Row w : r.<Row>getList(9)) {
        parts.add(w.mkString("(", ",", ")"));
      }
      out.put(name + "#" + r.getInt(1), String.join("|", parts));
    }
    return out;
  }
}
