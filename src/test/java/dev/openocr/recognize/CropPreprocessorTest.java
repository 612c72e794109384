package dev.openocr.recognize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.imageio.GrayImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Crops become a padded batch just wide enough for the widest, in whole time steps. */
class CropPreprocessorTest {
  @Test
  void aBatchIsAsWideAsItsWidestCropRoundedUpToTheBucket() {
    List<CropPreprocessor.Prepared> crops = List.of(
        CropPreprocessor.prepare(GrayImage.blank(50, 32), 32, 256),
        CropPreprocessor.prepare(GrayImage.blank(83, 32), 32, 256));
    int w = CropPreprocessor.batchWidth(crops);
    assertThat(w).isGreaterThanOrEqualTo(83).isLessThan(83 + CropPreprocessor.WIDTH_BUCKET);
    assertThat(w % CropPreprocessor.WIDTH_BUCKET).isZero();
    assertThat(w % RecognizerSpec.WIDTH_STRIDE).isZero();
    // the narrower crop is padded with white (1) up to the batch width
    float[] data = new float[2 * 32 * w];
    CropPreprocessor.pack(crops, data, 32, w);
    assertThat(data[50]).isEqualTo(1f);
    assertThat(data[w - 1]).isEqualTo(1f);
  }

  @Test
  void widthsFollowTheAspectRatioWithinTheLimits() {
    assertThat(CropPreprocessor.targetWidth(GrayImage.blank(100, 48), 32, 256)).isEqualTo(67);
    assertThat(CropPreprocessor.targetWidth(GrayImage.blank(2000, 48), 32, 256)).isEqualTo(256);
    assertThat(CropPreprocessor.targetWidth(GrayImage.blank(2, 48), 32, 256))
        .isEqualTo(CropPreprocessor.MIN_WIDTH);
  }
}
