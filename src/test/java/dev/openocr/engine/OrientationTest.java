package dev.openocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.geometry.Quad;
import dev.openocr.imageio.GrayImage;
import org.junit.jupiter.api.Test;

class OrientationTest {

  @Test
  void uprightPointsMapToTheSamePixelOfTheRotatedScan() {
    int w = 7;
    int h = 4;
    byte[] px = new byte[w * h];
    java.util.Arrays.fill(px, (byte) 255);
    px[1 * w + 5] = 0; // dark pixel at (5, 1)
    GrayImage upright = new GrayImage(w, h, px);
    for (int deg : new int[] {0, 90, 180, 270}) {
      GrayImage scan = upright.rotate(deg);
      double[] p = Quad.turnPoint(5.5, 1.5, deg, w, h);
      assertThat(scan.get((int) Math.floor(p[0]), (int) Math.floor(p[1]))).as("deg %d", deg).isZero();
    }
  }

  @Test
  void readingQuadStartsAtTheTextsTopLeft() {
    // a word box on a page turned 90 degrees clockwise: its text starts at the box's top-right
    Quad box = new Quad(10, 0, 20, 0, 20, 50, 10, 50);
    Quad q = Orientation.readingQuad(box, 90);
    assertThat(q.x0()).isEqualTo(20);
    assertThat(q.y0()).isEqualTo(0);
    assertThat(q.width()).isEqualTo(50);
    assertThat(q.height()).isEqualTo(10);
    assertThat(Orientation.readingQuad(box, 0)).isEqualTo(box);
    assertThat(Orientation.readingQuad(box, 180).x0()).isEqualTo(20);
    assertThat(Orientation.readingQuad(box, 180).y0()).isEqualTo(50);
  }

  @Test
  void aPairedMedianIsNotSwungByOneOutlier() {
    // three words read clearly as they stand; one (a signature, say) reads as nothing upright
    double[] upright = {-0.01, -0.02, -0.01, -13.8};
    double[] turned = {-0.5, -0.4, -0.6, -0.01};
    // the mean gain of turning is positive (+3.1): only the median keeps the page upright
    Orientation.Decision d = Orientation.pair(0, upright, 180, turned, 0);
    assertThat(d.degrees()).isZero();
    assertThat(d.confidence()).isGreaterThan(0.5);
    assertThat(Orientation.pair(0, turned, 180, upright, 0).degrees()).isEqualTo(180);
  }

  @Test
  void theTurnedReadingMustWinByTheMargin() {
    double[] a = {-0.30, -0.30, -0.30};
    double[] b = {-0.26, -0.26, -0.26};
    assertThat(Orientation.pair(0, a, 180, b, 0).degrees()).isEqualTo(180);
    assertThat(Orientation.pair(0, a, 180, b, Orientation.UPRIGHT_MARGIN).degrees()).isZero();
    assertThat(Orientation.pair(0, a, 180, b, 0.04).confidence())
        .isLessThan(Orientation.pair(0, a, 180, b, 0).confidence());
    assertThat(Orientation.median(new double[] {3, 1, 2, 10})).isEqualTo(2.5);
  }
}
