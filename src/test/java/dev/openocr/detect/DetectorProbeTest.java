package dev.openocr.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.imageio.DecodeLimits;
import dev.openocr.imageio.GrayImage;
import dev.openocr.imageio.ImageDecoder;
import dev.openocr.nn.ModelBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A first look at a page, and views with other settings that finish from it. */
class DetectorProbeTest {
  private static DetectorModel model;
  private static DetectorOptions korean;
  private static GrayImage page;

  @BeforeAll
  static void load() throws Exception {
    model = DetectorModel.load(ModelBundle.open("classpath:models/craft-lean-en"), "cpu");
    korean = DetectorModel.inferenceOptions(ModelBundle.open("classpath:models/craft-lean-ko"));
    page = ImageDecoder.decodeAll(Files.readAllBytes(Path.of("samples/letter.png")), "letter.png",
        DecodeLimits.defaults()).get(0);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  private static List<double[]> corners(List<DetectedWord> words) {
    return words.stream().map(w -> w.quad().toArray()).toList();
  }

  @Test
  void detectingAfterAProbeFindsWhatDetectingAloneFinds() {
    try (TextDetector d = model.newDetector(); TextDetector fresh = model.newDetector()) {
      List<DetectedWord> first = d.probe(page);
      assertThat(first).isNotEmpty();
      assertThat(corners(d.detect(page))).usingRecursiveFieldByFieldElementComparator()
          .containsExactlyElementsOf(corners(fresh.detect(page)));
    }
  }

  @Test
  void aViewFinishesFromTheProbeWithItsOwnSettingsKeepingItsFinerScale() {
    DetectorOptions en = model.defaults();
    int longSide = Math.max(page.width(), page.height());
    double probe = en.autoScale().probeScale(en.magRatio(), longSide);
    // the Korean settings choose a coarser scale for this print than the English probe's: the
    // view keeps the probe's, as a detector with those settings at that fixed scale would
    DetectorOptions atProbe = korean.withAutoScale(null).withMagRatio(probe);
    try (TextDetector d = model.newDetector(); TextDetector own = model.newDetector(atProbe)) {
      List<DetectedWord> viewed;
      try (TextDetector view = d.withOptions(korean)) {
        d.probe(page);
        viewed = view.detect(page);
        assertThat(view.cropMargin()).isEqualTo(korean.cropMarginOfPaddedBoxes());
      }
      assertThat(corners(viewed)).usingRecursiveFieldByFieldElementComparator()
          .containsExactlyElementsOf(corners(own.detect(page)));
      // closing the view left the network to its detector
      assertThat(d.detect(page)).isNotEmpty();
    }
  }
}
