package dev.openocr.imageio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.imageio.DecodeException.Cause;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same bilevel page in every format archives hold reads as the same pixels. */
class FormatsTest {
  private static final DecodeLimits LIMITS = DecodeLimits.defaults();
  @TempDir
  static Path dir;
  private static FormatFixtures files;
  private static GrayImage source;

  @BeforeAll
  static void write() throws Exception {
    files = new FormatFixtures(dir);
    source = ImageDecoder.decodeAll(files.png(), "page.png", LIMITS).get(0);
  }

  @Test
  void everyFormatReadsTheSamePixels() throws Exception {
    Map<String, byte[]> formats = Map.of("page.jp2", files.jp2(), "page.j2k", files.j2k(),
        "page-g4.tif", files.g4Tiff(), "page-g3.tif", files.g3Tiff(), "page.webp", files.webp(),
        "jpx.pdf", files.pdfOfJpx(), "ccitt.pdf", files.pdfOfCcitt(), "jbig2.pdf",
        files.pdfOfJbig2());
    for (var e : formats.entrySet()) {
      List<GrayImage> pages = ImageDecoder.decodeAll(e.getValue(), e.getKey(), LIMITS);
      assertThat(pages).as(e.getKey()).hasSize(1);
      GrayImage g = pages.get(0);
      assertThat(g.width()).as(e.getKey()).isEqualTo(FormatFixtures.WIDTH);
      assertThat(g.height()).as(e.getKey()).isBetween(FormatFixtures.HEIGHT - 1,
          FormatFixtures.HEIGHT);
      // Every encoder here is lossless: not one pixel may change.
      assertThat(differing(g, source)).as(e.getKey()).isZero();
    }
  }

  @Test
  void jpeg2000AndWebpSizesAreCheckedFromTheirHeadersFirst() {
    byte[] j2k = files.j2k().clone();
    // The SIZ marker's Xsiz and Ysiz: 100000 x 100000.
    java.nio.ByteBuffer.wrap(j2k).putInt(8, 100_000).putInt(12, 100_000);
    assertTooLarge(j2k, "huge.j2k: page 0: image too large: 100000x100000 = 1e10 pixels");
    byte[] webp = files.webp().clone();
    // VP8L: 14 bits of width - 1, then 14 of height - 1, after the 0x2f signature.
    java.nio.ByteBuffer.wrap(webp).order(java.nio.ByteOrder.LITTLE_ENDIAN)
        .putInt(21, (16383 << 14) | 16383);
    assertTooLarge(webp, "huge.webp: page 0: image too large: 16384x16384");
  }

  private static void assertTooLarge(byte[] file, String message) {
    String name = message.substring(0, message.indexOf(':'));
    long bytes = HostileFilesTest.allocated(() -> assertThatThrownBy(
        () -> ImageDecoder.decodeAll(file, name, LIMITS))
        .isInstanceOfSatisfying(DecodeException.class, e -> {
          assertThat(e.cause()).isEqualTo(Cause.TOO_LARGE);
          assertThat(e.getMessage()).startsWith(message);
        }));
    assertThat(bytes).isLessThan(8L << 20);
  }

  /** Share of pixels that differ by more than half the range. */
  static double differing(GrayImage a, GrayImage b) {
    int h = Math.min(a.height(), b.height());
    long n = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < a.width(); x++) {
        if (Math.abs(a.get(x, y) - b.get(x, y)) > 127) {
          n++;
        }
      }
    }
    return n / ((double) a.width() * h);
  }
}
