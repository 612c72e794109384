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

  /** A word of {@code n} square-ish characters, {@code h} pixels high, at (x, y) on the page. */
  private static dev.openocr.synth.SynthWord word(double x, double y, double h, int n) {
    List<Quad> chars = new java.util.ArrayList<>();
    double cw = 0.6 * h;
    for (int i = 0; i < n; i++) {
      double l = x + i * (cw + 0.1 * h);
      chars.add(new Quad(l, y, l + cw, y, l + cw, y + h, l, y + h));
    }
    double r = x + n * cw + (n - 1) * 0.1 * h;
    return new dev.openocr.synth.SynthWord("a".repeat(n), new Quad(x, y, r, y, r, y + h, x, y + h),
        chars);
  }

  private static double iou(Box a, Box b) {
    double iw = Math.max(0, Math.min(a.right(), b.right()) - Math.max(a.left(), b.left()));
    double ih = Math.max(0, Math.min(a.bottom(), b.bottom()) - Math.max(a.top(), b.top()));
    double i = iw * ih;
    return i / ((a.right() - a.left()) * (a.bottom() - a.top())
        + (b.right() - b.left()) * (b.bottom() - b.top()) - i);
  }

  @Test
  void grownBoxesOfPerfectMapsHugTheWordAtEveryScale() {
    // the training targets of one word, at heatmap sizes from tiny to large print
    for (double h : new double[] {6, 10, 20, 40}) {
      dev.openocr.synth.SynthWord w = word(20, 30, h, 5);
      int mw = (int) (w.quad().bounds().right() + 20);
      int mh = (int) (30 + h + 20);
      dev.openocr.synth.CraftTargets t = dev.openocr.synth.CraftTargets.make(List.of(w), mw, mh, 1);
      List<DetectedWord> grown = HeatmapPostProcessor.boxes(t.region(), t.affinity(), mw, mh,
          new HeatmapPostProcessor.Thresholds(0.7, 0.4, 0.4, 1),
          HeatmapPostProcessor.BoxGrowth.defaults());
      assertThat(grown).as("height %s", h).hasSize(1);
      assertThat(iou(grown.get(0).quad().bounds(), w.quad().bounds())).as("height %s", h)
          .isGreaterThan(0.8);
    }
    // CRAFT's dilation grows less than proportionally: small words come out far too big
    dev.openocr.synth.SynthWord small = word(20, 30, 6, 5);
    dev.openocr.synth.CraftTargets t = dev.openocr.synth.CraftTargets.make(List.of(small), 60, 60, 1);
    List<DetectedWord> craft = HeatmapPostProcessor.boxes(t.region(), t.affinity(), 60, 60,
        new HeatmapPostProcessor.Thresholds(0.7, 0.4, 0.4, 1));
    assertThat(iou(craft.get(0).quad().bounds(), small.quad().bounds())).isLessThan(0.6);
  }

  @Test
  void growthFollowsARotatedLine() {
    // a rectangle 40 x 10 along 30 degrees: grown 0.25 x 10 at each end, 0.35 x 10 across
    double a = Math.toRadians(30);
    double ux = Math.cos(a);
    double uy = Math.sin(a);
    double[][] r = {{0, 0}, {40 * ux, 40 * uy}, {40 * ux - 10 * uy, 40 * uy + 10 * ux},
        {-10 * uy, 10 * ux}};
    double[][] g = HeatmapPostProcessor.grow(r, new HeatmapPostProcessor.BoxGrowth(0.25, 0.35));
    assertThat(Math.hypot(g[1][0] - g[0][0], g[1][1] - g[0][1])).isCloseTo(45, within(1e-9));
    assertThat(Math.hypot(g[3][0] - g[0][0], g[3][1] - g[0][1])).isCloseTo(17, within(1e-9));
    // the centre does not move
    assertThat((g[0][0] + g[2][0]) / 2).isCloseTo((r[0][0] + r[2][0]) / 2, within(1e-9));
    assertThat((g[0][1] + g[2][1]) / 2).isCloseTo((r[0][1] + r[2][1]) / 2, within(1e-9));
  }

  @Test
  void boxGrowthParsesAndRejectsNonsense() {
    assertThat(HeatmapPostProcessor.BoxGrowth.parse("craft")).isNull();
    assertThat(HeatmapPostProcessor.BoxGrowth.parse("0.2, 0.3"))
        .isEqualTo(new HeatmapPostProcessor.BoxGrowth(0.2, 0.3));
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> HeatmapPostProcessor.BoxGrowth.parse("0.2")).hasMessageContaining("ALONG,ACROSS");
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> HeatmapPostProcessor.BoxGrowth.parse("wide,0.3")).hasMessageContaining("ALONG,ACROSS");
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> HeatmapPostProcessor.BoxGrowth.parse("-1,0.3")).hasMessageContaining("Invalid");
  }

  @Test
  void boxGrowthTravelsInTheBundleAndNullMeansCraftsDilation() {
    com.google.gson.JsonObject j = DetectorModel.optionsJson(DetectorOptions.defaults());
    assertThat(DetectorModel.optionsOf(j).boxGrowth())
        .isEqualTo(HeatmapPostProcessor.BoxGrowth.defaults());
    com.google.gson.JsonObject dilation =
        DetectorModel.optionsJson(DetectorOptions.defaults().withBoxGrowth(null));
    assertThat(dilation.get("boxGrowth").isJsonNull()).isTrue();
    assertThat(DetectorModel.optionsOf(dilation).boxGrowth()).isNull();
  }
}
