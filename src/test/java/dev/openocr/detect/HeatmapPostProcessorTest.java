package dev.openocr.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.openocr.geometry.Box;
import dev.openocr.geometry.Quad;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Post-processing on hand-made heatmaps, no model involved. */
class HeatmapPostProcessorTest {
  private static final int W = 100;
  private static final int H = 60;
  private static final HeatmapPostProcessor.Thresholds T = HeatmapPostProcessor.Thresholds.defaults();

  private static void blob(float[] map, int cx, int cy, int rx, int ry, float peak) {
    for (int y = Math.max(0, cy - ry); y <= Math.min(H - 1, cy + ry); y++) {
      for (int x = Math.max(0, cx - rx); x <= Math.min(W - 1, cx + rx); x++) {
        double d = Math.pow((x - cx) / (double) rx, 2) + Math.pow((y - cy) / (double) ry, 2);
        if (d <= 1) {
          map[y * W + x] = Math.max(map[y * W + x], (float) (peak * Math.exp(-2 * d)));
        }
      }
    }
  }

  @Test
  void linkedCharactersFormOneWordAndUnlinkedOnesDoNot() {
    float[] region = new float[W * H];
    float[] affinity = new float[W * H];
    // word 1: three characters linked by affinity
    blob(region, 10, 20, 4, 6, 1f);
    blob(region, 20, 20, 4, 6, 1f);
    blob(region, 30, 20, 4, 6, 1f);
    blob(affinity, 15, 20, 4, 5, 0.9f);
    blob(affinity, 25, 20, 4, 5, 0.9f);
    // word 2: far away, no link
    blob(region, 70, 20, 4, 6, 1f);
    blob(region, 80, 20, 4, 6, 1f);
    blob(affinity, 75, 20, 4, 5, 0.9f);
    List<DetectedWord> words = HeatmapPostProcessor.boxes(region, affinity, W, H, T);
    assertThat(words).hasSize(2);
    words = words.stream().sorted(Comparator.comparingDouble(w -> w.quad().bounds().left())).toList();
    Box first = words.get(0).quad().bounds();
    assertThat(first.left()).isLessThan(10);
    assertThat(first.right()).isGreaterThan(30);
    assertThat(first.top()).isLessThan(20);
    assertThat(first.bottom()).isGreaterThan(20);
    assertThat(words.get(1).quad().bounds().left()).isGreaterThan(60);
    assertThat(words.get(0).score()).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void weakAndTinyComponentsAreDropped() {
    float[] region = new float[W * H];
    float[] affinity = new float[W * H];
    blob(region, 20, 20, 6, 6, 0.5f); // below text threshold 0.7
    region[40 * W + 80] = 1f; // one pixel: below min size
    assertThat(HeatmapPostProcessor.boxes(region, affinity, W, H, T)).isEmpty();
  }

  @Test
  void rotatedWordGivesRotatedQuadClockwiseFromTopLeft() {
    float[] region = new float[W * H];
    float[] affinity = new float[W * H];
    // a thin bar at about 20 degrees
    double a = Math.toRadians(20);
    for (int s = -30; s <= 30; s++) {
      for (int n = -3; n <= 3; n++) {
        int x = (int) Math.round(50 + s * Math.cos(a) - n * Math.sin(a));
        int y = (int) Math.round(30 + s * Math.sin(a) + n * Math.cos(a));
        region[y * W + x] = 0.95f;
      }
    }
    List<DetectedWord> words = HeatmapPostProcessor.boxes(region, affinity, W, H, T);
    assertThat(words).hasSize(1);
    Quad q = words.get(0).quad();
    assertThat(q.angleDegrees()).isCloseTo(20, within(4.0));
    // clockwise from top-left: top-left is left of top-right, bottom-right below top-right
    assertThat(q.x0()).isLessThan(q.x1());
    assertThat(q.y2()).isGreaterThan(q.y1());
    assertThat(q.width()).isGreaterThan(3 * q.height());
  }

  @Test
  void heatmapCoordinatesMapBackToThePage() {
    Quad q = new Quad(10, 5, 20, 5, 20, 9, 10, 9);
    // network input was the page at 1.5x, heatmap at half of that
    Quad p = HeatmapPostProcessor.toPage(q, 1.5, 0, 0);
    assertThat(p.x0()).isCloseTo(10 * 2 / 1.5, within(1e-9));
    assertThat(p.y2()).isCloseTo(9 * 2 / 1.5, within(1e-9));
  }

  @Test
  void tileOriginsCoverTheWholeSideWithOverlap() {
    assertThat(DjlDetector.origins(500, 1280, 1152)).containsExactly(0);
    List<Integer> o = DjlDetector.origins(3000, 1280, 1152);
    assertThat(o.get(0)).isZero();
    assertThat(o.get(o.size() - 1) + 1280).isEqualTo(3000);
    for (int i = 1; i < o.size(); i++) {
      assertThat(o.get(i) - o.get(i - 1)).isLessThanOrEqualTo(1152);
    }
  }
}
