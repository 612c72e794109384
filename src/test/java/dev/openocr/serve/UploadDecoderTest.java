package dev.openocr.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.imageio.GrayImage;
import dev.openocr.testing.TestImages;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadDecoderTest {
  private static final long MAX_PIXELS = 1_000_000;

  @Test
  void decodesEveryPageOfATiff() throws Exception {
    var a = TestImages.page(100, 60, List.of());
    var b = TestImages.page(80, 40, List.of(new TestImages.BarWord(10, 10, 2, 0)));
    List<GrayImage> pages = UploadDecoder.decode(TestImages.tiff(List.of(a, b)), "t.tif",
        MAX_PIXELS, 10);
    assertThat(pages).hasSize(2);
    assertThat(pages.get(1).width()).isEqualTo(80);
    assertThat(pages.get(1).get(11, 15)).isZero();
    assertThat(pages.get(1).get(14, 15)).isEqualTo(255);
  }

  @Test
  void boundsThePixelsOfAllPagesTogether() throws Exception {
    var big = TestImages.page(1000, 900, List.of());
    byte[] five = TestImages.tiff(List.of(big, big, big, big, big));
    assertThatThrownBy(() -> UploadDecoder.decode(five, "five.tif", MAX_PIXELS, 10))
        .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(413))
        .hasMessageContaining("five.tif").hasMessageContaining("in all");
    assertThat(UploadDecoder.decode(TestImages.tiff(List.of(big, big, big, big)), "four.tif",
        MAX_PIXELS, 10)).hasSize(4);
  }
}
