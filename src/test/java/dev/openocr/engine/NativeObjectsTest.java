package dev.openocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.openocr.detect.DetectedWord;
import dev.openocr.detect.DetectorModel;
import dev.openocr.detect.TextDetector;
import dev.openocr.imageio.GrayImage;
import dev.openocr.nn.ModelBundle;
import dev.openocr.recognize.CropPreprocessor;
import dev.openocr.recognize.RecognizerModel;
import dev.openocr.recognize.TextRecognizer;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Issue 6: pages leave no native tensors behind. Every tensor a forward pass makes belongs to the
 * predictor's per-call manager and is freed when the call returns, so the arrays held under the
 * models' managers (their weights) are the same before and after a batch of pages.
 */
class NativeObjectsTest {
  @Test
  void aBatchOfPagesLeavesTheNumberOfLiveArraysUnchanged() throws Exception {
    GrayImage page = GrayImage.fromBufferedImage(
        ImageIO.read(Path.of("samples", "invoice.png").toFile()));
    NativeSetup.configure(2);
    try (DetectorModel det = DetectorModel.load(
            ModelBundle.open(ModelCatalog.defaultDetector("en")), "cpu");
         RecognizerModel rec = RecognizerModel.load(
            ModelBundle.open(ModelCatalog.defaultRecognizer("en")), "cpu");
         TextDetector d = det.newDetector();
         TextRecognizer r = rec.newRecognizer()) {
      NDManager dm = det.model().getNDManager();
      NDManager rm = rec.model().getNDManager();
      int words = readPage(d, r, page); // warm-up
      int before = dm.getManagedArrays().size() + rm.getManagedArrays().size();
      assertThat(before).isPositive();
      for (int i = 0; i < 3; i++) {
        assertThat(readPage(d, r, page)).isEqualTo(words);
      }
      int after = dm.getManagedArrays().size() + rm.getManagedArrays().size();
      assertThat(words).isGreaterThan(20);
      assertThat(after).isEqualTo(before);
    }
  }

  private static int readPage(TextDetector d, TextRecognizer r, GrayImage page) {
    List<DetectedWord> found = d.detect(page);
    List<GrayImage> crops = found.stream()
        .map(w -> CropPreprocessor.cut(page, w.quad(), CropPreprocessor.CROP_MARGIN_X,
            CropPreprocessor.CROP_MARGIN_Y))
        .toList();
    return r.recognize(crops).size();
  }
}
