package dev.openocr.imageio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.imageio.DecodeException.Cause;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile files are refused (or read within bounds) before anything large is allocated. */
class HostileFilesTest {
  private static final DecodeLimits LIMITS = DecodeLimits.defaults();
  /** Heap a refused file may allocate on the decoding thread. */
  private static final long REFUSAL_BYTES = 8L << 20;

  @Test
  void tiffStripAskingTwoGigabytesIsCorruptBeforeAllocating() {
    byte[] tiff = HostileFiles.tiffHugeStrip(0x7FFF_FFF0L);
    assertThat(tiff).hasSize(1024);
    assertRefused(tiff, Cause.CORRUPT, "strip 0 of 2147483632 bytes at offset 200 runs past"
        + " the end of the 1024-byte file");
  }

  @Test
  @Timeout(120)
  void tiffWhoseDirectoryPointsToItselfIsCorrupt() {
    assertRefused(HostileFiles.tiffSelfLoop(), Cause.CORRUPT,
        "loops back to offset 8 after 1 page(s)");
  }

  @Test
  void bmpAskingTwoGigabytesOfRleIsCorruptBeforeAllocating() {
    assertRefused(HostileFiles.bmpHugeRle(), Cause.CORRUPT, "2147483632 bytes of RLE data");
  }

  @Test
  void sixteenBitRgbaPngAtThePixelLimitIsTooLargeBeforeAllocating() {
    byte[] png = HostileFiles.png16Rgba(16_000, 10_000);
    assertRefused(png, Cause.TOO_LARGE, "a 16-bit RGBA raster of 16000x10000 needs 1.44e9 bytes");
  }

  @Test
  void pdfNestedDeepIsCorruptWithoutRecursing() {
    assertRefused(HostileFiles.pdfDeepContent(100_000), Cause.CORRUPT,
        "nested 100000 deep (limit 256)");
  }

  @Test
  void pdfWithDeepObjectsIsCorruptBeforeParsing() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    byte[] pdf = HostileFiles.pdf("/Foo " + deep, "".getBytes(StandardCharsets.US_ASCII), false,
        null, null);
    // The page and resource dictionaries hold the arrays: two levels more.
    assertRefused(pdf, Cause.CORRUPT, "nested 100002 deep (limit 256)");
  }

  @Test
  void pdfContentStreamThatInflatesPastThePageLimitIsTooLarge() {
    DecodeLimits small = new DecodeLimits(LIMITS.maxFileBytes(), 10_000_000, 10, 300);
    byte[] pdf = HostileFiles.pdfContentBomb(60_000_000);
    assertThat(pdf.length).isLessThan(200_000);
    AtomicReference<DecodeException> thrown = new AtomicReference<>();
    long bytes = allocated(() -> {
      try {
        ImageDecoder.decodeAll(pdf, "bomb.pdf", small);
      } catch (DecodeException e) {
        thrown.set(e);
      }
    });
    assertThat(thrown.get()).isNotNull();
    assertThat(thrown.get().cause()).isEqualTo(Cause.TOO_LARGE);
    assertThat(thrown.get().getMessage()).contains("bomb.pdf: page 0: a stream (object 4 0 R)"
        + " decodes to more than 5e7 bytes");
    assertThat(bytes).isLessThan(REFUSAL_BYTES * 4);
  }

  @Test
  void pdfImageThatCannotBeDecodedFailsThePageNamingTheImage() {
    byte[] pdf = HostileFiles.pdfImage("JPXDecode", new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    assertThatThrownBy(() -> ImageDecoder.decodeAll(pdf, "jpx.pdf", LIMITS))
        .isInstanceOfSatisfying(DecodeException.class, e -> {
          assertThat(e.cause()).isEqualTo(Cause.CORRUPT);
          assertThat(e.getMessage()).startsWith("jpx.pdf: page 0: an image cannot be decoded: ")
              .contains("JPEG 2000");
        });
  }

  @Test
  void hugeFlateImageInAPdfIsSampledAtThePageResolution() throws Exception {
    byte[] pdf = HostileFiles.pdfHugeFlateImage(20_000);
    AtomicReference<GrayImage> page = new AtomicReference<>();
    long bytes = allocated(() -> {
      try {
        page.set(ImageDecoder.decodeAll(pdf, "huge.pdf", LIMITS).get(0));
      } catch (DecodeException e) {
        throw new AssertionError(e);
      }
    });
    GrayImage g = page.get();
    assertThat(g.width()).isEqualTo(2550);
    // PDFBox rounds 792 pt at 300 dpi down in float arithmetic.
    assertThat(g.height()).isBetween(3299, 3300);
    assertThat(mean(g, 0, g.width() / 2 - 20)).isLessThan(5);
    assertThat(mean(g, g.width() / 2 + 20, g.width())).isGreaterThan(250);
    // The page raster, its gray copy and a 2858x2858 sample: 25 MB measured, not the 400 MB image.
    assertThat(bytes).isLessThan(40L << 20);
  }

  private static double mean(GrayImage g, int x0, int x1) {
    long sum = 0;
    for (int y = 0; y < g.height(); y++) {
      for (int x = x0; x < x1; x++) {
        sum += g.get(x, y);
      }
    }
    return sum / ((double) (x1 - x0) * g.height());
  }

  private static void assertRefused(byte[] file, Cause cause, String message) {
    AtomicReference<DecodeException> thrown = new AtomicReference<>();
    long bytes = allocated(() -> {
      try {
        ImageDecoder.decodeAll(file, "hostile", LIMITS);
      } catch (DecodeException e) {
        thrown.set(e);
      }
    });
    assertThat(thrown.get()).as("refused").isNotNull();
    assertThat(thrown.get().cause()).isEqualTo(cause);
    assertThat(thrown.get().getMessage()).startsWith("hostile: ").contains(message);
    assertThat(bytes).as("bytes allocated").isLessThan(REFUSAL_BYTES);
  }

  /** Heap bytes the current thread allocates while running {@code r}. */
  static long allocated(Runnable r) {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = mx.getThreadAllocatedBytes(id);
    r.run();
    return mx.getThreadAllocatedBytes(id) - before;
  }
}
