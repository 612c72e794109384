package dev.openocr.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.imageio.DecodeException.Cause;
import dev.openocr.imageio.DecodeLimits;
import dev.openocr.imageio.GrayImage;
import dev.openocr.imageio.HostileFiles;
import dev.openocr.imageio.ImageDecoder;
import dev.openocr.imageio.PageSource;
import dev.openocr.imageio.TestImages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadDecoderTest {
  private static final DecodeLimits LIMITS = UploadDecoder.limits(ServerConfig.defaults());

  @Test
  void readsUploadsAsTheJobDoes() throws Exception {
    byte[] pdf = TestImages.pdf(2, null);
    byte[] turned = TestImages.jpegWithOrientation(TestImages.page(120, 60, 3), 6);
    for (byte[] file : List.of(pdf, turned)) {
      List<GrayImage> job = ImageDecoder.decodeAll(file, "f", DecodeLimits.defaults());
      List<GrayImage> served = pages(file);
      assertThat(served).hasSameSizeAs(job);
      for (int i = 0; i < job.size(); i++) {
        assertThat(served.get(i).pixels()).isEqualTo(job.get(i).pixels());
      }
    }
    // The job's PDF resolution and EXIF orientation: an A6 page (105 mm) at 300 dpi, the JPEG upright.
    assertThat(pages(pdf).get(0).width()).isEqualTo(1240);
    assertThat(pages(turned).get(0).width()).isEqualTo(60);
  }

  @Test
  void answersEachDecodeCauseWithItsStatus() {
    Map<Cause, Integer> expected = Map.of(Cause.EMPTY, 400, Cause.TRUNCATED, 400, Cause.CORRUPT,
        400, Cause.UNSUPPORTED_FORMAT, 415, Cause.TOO_LARGE, 413, Cause.ENCRYPTED, 422);
    for (Cause c : Cause.values()) {
      assertThat(UploadDecoder.status(c)).as(c.name()).isEqualTo(expected.get(c));
    }
    assertStatus(HostileFiles.tiffSelfLoop(), 400, "loops back to offset 8");
    assertStatus(HostileFiles.png16Rgba(16_000, 10_000), 413, "image too large");
    assertStatus(TestImages.pdf(1, "secret"), 422, "a password is needed");
    assertStatus("GIF9x".getBytes(), 415, "not an image this server reads");
  }

  private static void assertStatus(byte[] upload, int status, String message) {
    assertThatThrownBy(() -> pages(upload)).isInstanceOfSatisfying(HttpError.class, e -> {
      assertThat(e.status()).isEqualTo(status);
      assertThat(e.getMessage()).containsIgnoringCase(message).contains("upload.bin");
    });
  }

  private static List<GrayImage> pages(byte[] upload) {
    List<GrayImage> out = new ArrayList<>();
    try (PageSource src = UploadDecoder.open(upload, "upload.bin", LIMITS)) {
      for (int i = 0; i < src.pageCount(); i++) {
        out.add(UploadDecoder.page(src, i));
      }
    }
    return out;
  }
}
