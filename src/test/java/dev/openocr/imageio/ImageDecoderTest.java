package dev.openocr.imageio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.imageio.DecodeException.Cause;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {
  private static final DecodeLimits LIMITS = DecodeLimits.defaults();

  /** 40x20, white with a black 10x10 square in the top-left corner. */
  private static BufferedImage marked() {
    BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 40, 20);
    g.setColor(Color.BLACK);
    g.fillRect(0, 0, 10, 10);
    g.dispose();
    return img;
  }

  private static Cause causeOf(byte[] bytes, String name, DecodeLimits limits) {
    try {
      ImageDecoder.decodeAll(bytes, name, limits);
    } catch (DecodeException e) {
      assertThat(e.getMessage()).startsWith(name + ":");
      return e.cause();
    }
    throw new AssertionError("decoded without error: " + name);
  }

  @Test
  void decodesPngAndBmpToGray() throws Exception {
    for (String fmt : List.of("png", "bmp")) {
      List<GrayImage> pages = ImageDecoder.decodeAll(TestImages.encode(marked(), fmt), "a." + fmt,
          LIMITS);
      assertThat(pages).hasSize(1);
      assertThat(pages.get(0).width()).isEqualTo(40);
      assertThat(pages.get(0).get(2, 2)).isLessThan(50);
      assertThat(pages.get(0).get(35, 15)).isGreaterThan(200);
    }
  }

  @Test
  void decodesEveryTiffPageLazily() throws Exception {
    byte[] tif = TestImages.tiff(List.of(TestImages.page(100, 60, 1), TestImages.page(120, 80, 3),
        TestImages.page(90, 50, 2)));
    try (PageSource src = ImageDecoder.open(tif, "multi.tif", LIMITS)) {
      assertThat(src.pageCount()).isEqualTo(3);
      assertThat(src.page(1).width()).isEqualTo(120);
      assertThat(src.page(2).height()).isEqualTo(50);
      assertThat(src.page(0).width()).isEqualTo(100);
    }
  }

  @Test
  void appliesExifOrientation() throws Exception {
    // 6 = stored rotated: turn 90 degrees clockwise to view; the mark moves to the top-right.
    GrayImage r6 = ImageDecoder.decodeAll(TestImages.jpegWithOrientation(marked(), 6), "p.jpg",
        LIMITS).get(0);
    assertThat(r6.width()).isEqualTo(20);
    assertThat(r6.height()).isEqualTo(40);
    assertThat(r6.get(15, 3)).isLessThan(80);
    assertThat(r6.get(3, 3)).isGreaterThan(170);
    // 3 = upside down: the mark moves to the bottom-right.
    GrayImage r3 = ImageDecoder.decodeAll(TestImages.jpegWithOrientation(marked(), 3), "q.jpg",
        LIMITS).get(0);
    assertThat(r3.width()).isEqualTo(40);
    assertThat(r3.get(36, 16)).isLessThan(80);
    assertThat(r3.get(3, 3)).isGreaterThan(170);
    // 8 = rotate 270 clockwise: the mark moves to the bottom-left.
    GrayImage r8 = ImageDecoder.decodeAll(TestImages.jpegWithOrientation(marked(), 8), "r.jpg",
        LIMITS).get(0);
    assertThat(r8.get(3, 36)).isLessThan(80);
    assertThat(ExifOrientation.read(TestImages.encode(marked(), "jpeg"))).isEqualTo(1);
  }

  @Test
  void rendersEveryPdfPageAtTheConfiguredDpi() throws Exception {
    byte[] pdf = TestImages.pdf(2, null);
    List<GrayImage> at300 = ImageDecoder.decodeAll(pdf, "doc.pdf", LIMITS);
    assertThat(at300).hasSize(2);
    // A6 is 297.64 x 419.53 points.
    assertThat(at300.get(0).width()).isBetween(1239, 1241);
    DecodeLimits at72 = new DecodeLimits(LIMITS.maxFileBytes(), LIMITS.maxPixels(), 10, 72);
    GrayImage p = ImageDecoder.decodeAll(pdf, "doc.pdf", at72).get(1);
    assertThat(p.width()).isBetween(297, 298);
    // The rectangle of page 1 sits at x=30..90, y=300..312 from the bottom.
    assertThat(p.get(60, 420 - 306)).isLessThan(50);
  }

  @Test
  void refusesHugeHeaderWithoutDecoding() {
    byte[] bomb = TestImages.pngHeaderOnly(100_000, 100_000);
    assertThatThrownBy(() -> ImageDecoder.decodeAll(bomb, "bomb.png", LIMITS))
        .isInstanceOf(DecodeException.class)
        .hasMessage("bomb.png: page 0: image too large: 100000x100000 = 1e10 pixels > limit 1.6e8");
  }

  @Test
  void enforcesByteAndPageLimits() {
    byte[] tif = TestImages.tiff(List.of(TestImages.page(30, 30, 1), TestImages.page(30, 30, 1),
        TestImages.page(30, 30, 1)));
    DecodeLimits twoPages = new DecodeLimits(1 << 20, 1_000_000, 2, 300);
    assertThatThrownBy(() -> ImageDecoder.open(tif, "t.tif", twoPages))
        .hasMessageContaining("too many pages: more than 2 (limit 2)");
    DecodeLimits tiny = new DecodeLimits(100, 1_000_000, 2, 300);
    assertThat(causeOf(tif, "t.tif", tiny)).isEqualTo(Cause.TOO_LARGE);
    assertThat(causeOf(TestImages.pdf(3, null), "d.pdf", twoPages)).isEqualTo(Cause.TOO_LARGE);
  }

  @Test
  void namesTheCauseOfBrokenInput() {
    byte[] png = TestImages.png(TestImages.page(300, 200, 10));
    byte[] jpg = TestImages.encode(TestImages.page(300, 200, 10), "jpeg");
    byte[] random = new byte[2000];
    new Random(7).nextBytes(random);
    random[0] = 1;
    assertThat(causeOf(new byte[0], "e.png", LIMITS)).isEqualTo(Cause.EMPTY);
    assertThat(causeOf(TestImages.head(png, png.length / 2), "t.png", LIMITS))
        .isIn(Cause.TRUNCATED, Cause.CORRUPT);
    assertThat(causeOf(TestImages.head(jpg, jpg.length / 2), "t.jpg", LIMITS))
        .isEqualTo(Cause.TRUNCATED);
    assertThat(causeOf(random, "r.png", LIMITS)).isEqualTo(Cause.UNSUPPORTED_FORMAT);
    assertThat(causeOf("hello\n".getBytes(StandardCharsets.UTF_8), "x.tif", LIMITS))
        .isEqualTo(Cause.UNSUPPORTED_FORMAT);
    // complete (it ends with the end-of-file marker) but unreadable, versus cut short
    assertThat(causeOf("%PDF-1.4 not really\n%%EOF\n".getBytes(StandardCharsets.UTF_8), "n.pdf",
        LIMITS)).isEqualTo(Cause.CORRUPT);
    byte[] pdf = TestImages.pdf(2, null);
    assertThat(causeOf(TestImages.head(pdf, pdf.length / 2), "cut.pdf", LIMITS))
        .isEqualTo(Cause.TRUNCATED);
    assertThat(causeOf(TestImages.pdf(1, "secret"), "enc.pdf", LIMITS))
        .isEqualTo(Cause.ENCRYPTED);
    byte[] tif = TestImages.tiff(List.of(TestImages.page(200, 100, 5)));
    assertThat(causeOf(TestImages.head(tif, tif.length - 40), "t.tif", LIMITS))
        .isIn(Cause.TRUNCATED, Cause.CORRUPT);
  }

  @Test
  void messageSaysWhatTheContentIsNot() {
    assertThatThrownBy(() -> ImageDecoder.open("plain text".getBytes(StandardCharsets.UTF_8),
        "notes.tif", LIMITS))
        .hasMessageContaining("notes.tif: unsupported format")
        .hasMessageContaining("name ends in .tif");
  }

  @Test
  void formatsLargeNumbersCompactly() {
    assertThat(DecodeLimits.sci(10_000_000_000L)).isEqualTo("1e10");
    assertThat(DecodeLimits.sci(160_000_000L)).isEqualTo("1.6e8");
    assertThat(DecodeLimits.sci(640)).isEqualTo("640");
  }
}
