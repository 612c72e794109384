package dev.openocr.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuadTest {
  @Test
  void orderedStartsTopLeftAndGoesClockwise() {
    Quad q = Quad.ordered(new double[][] {{10, 20}, {0, 0}, {10, 0}, {0, 20}});
    assertThat(q).isEqualTo(new Quad(0, 0, 10, 0, 10, 20, 0, 20));
  }

  @Test
  void expandGrowsInTheQuadsOwnFrame() {
    Quad axis = new Quad(0, 0, 10, 0, 10, 4, 0, 4).expand(1, 2);
    assertThat(axis).isEqualTo(new Quad(-1, -2, 11, -2, 11, 6, -1, 6));
    // rotated 90 degrees: width runs down the page
    Quad r = new Quad(4, 0, 4, 10, 0, 10, 0, 0).expand(1, 0);
    assertThat(r.width()).isCloseTo(12, within(1e-9));
    assertThat(r.height()).isCloseTo(4, within(1e-9));
  }

  @Test
  void boxIouMatchesHandComputedValue() {
    Box a = new Box(0, 0, 10, 10);
    Box b = new Box(5, 0, 15, 10);
    assertThat(a.iou(b)).isCloseTo(50.0 / 150.0, within(1e-12));
    assertThat(a.iou(new Box(20, 20, 30, 30))).isZero();
  }

  @Test
  void aSliceRunsAlongTheQuadBetweenTheShares() {
    // a box 100 long and 20 high, turned 90 degrees clockwise (top edge pointing down the page)
    Quad q = new Quad(20, 0, 20, 100, 0, 100, 0, 0);
    Quad s = q.slice(0.25, 0.5);
    assertThat(s.toArray()).containsExactly(new double[] {20, 25, 20, 50, 0, 50, 0, 25},
        within(1e-9));
    assertThat(s.width()).isCloseTo(25, within(1e-9));
    assertThat(s.height()).isCloseTo(q.height(), within(1e-9));
    assertThat(q.slice(0, 1)).isEqualTo(q);
  }
}
