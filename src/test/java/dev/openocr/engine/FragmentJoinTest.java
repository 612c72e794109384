package dev.openocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.geometry.Quad;
import java.util.List;
import org.junit.jupiter.api.Test;

class FragmentJoinTest {
  /** A level box from x0 to x1, 20 px high, its top at y. */
  private static Quad box(double x0, double x1, double y) {
    return new Quad(x0, y, x1, y, x1, y + 20, x0, y + 20);
  }

  @Test
  void neighboursOnALineWithinTheGapAreChainedLeftToRight() {
    // given out of order: the chain runs left to right; the gaps are 2 px (0.1 of the height)
    List<Quad> q = List.of(box(72, 100, 0), box(10, 40, 0), box(42, 70, 1));
    assertThat(FragmentJoin.chains(q, 0.2, 0)).containsExactly(new int[] {1, 2, 0});
    // a gap of 0.1 of the height is over a limit of 0.05
    assertThat(FragmentJoin.chains(q, 0.05, 0)).isEmpty();
  }

  @Test
  void aWiderGapEndsTheChain() {
    List<Quad> q = List.of(box(0, 30, 0), box(32, 60, 0), box(70, 90, 0));
    // 2 px, then 10 px (half the height)
    assertThat(FragmentJoin.chains(q, 0.2, 0)).containsExactly(new int[] {0, 1});
  }

  @Test
  void theGapIsMeasuredBetweenTheUnpaddedBoxes() {
    // unpadded height 20 px, padding 0.25 of it (5 px) on every side: reported boxes 30 px high
    // that overlap by 6 px, so the ink is 4 px (0.2 of the height) apart
    Quad a = new Quad(-5, -5, 47, -5, 47, 25, -5, 25);
    Quad b = new Quad(41, -5, 80, -5, 80, 25, 41, 25);
    assertThat(FragmentJoin.chains(List.of(a, b), 0.25, 0.25)).hasSize(1);
    assertThat(FragmentJoin.chains(List.of(a, b), 0.15, 0.25)).isEmpty();
    // without the padding taken off, the overlapping boxes would have been chained at 0.15
    assertThat(FragmentJoin.chains(List.of(a, b), 0.15, 0)).hasSize(1);
  }

  @Test
  void boxesOnOtherLinesOfOtherSizesOrTiltedAreNotChained() {
    // the next line down
    assertThat(FragmentJoin.chains(List.of(box(0, 30, 0), box(32, 60, 15)), 0.2, 0)).isEmpty();
    // a mark less than half the word's height
    Quad small = new Quad(32, 10, 38, 10, 38, 18, 32, 18);
    assertThat(FragmentJoin.chains(List.of(box(0, 30, 0), small), 0.2, 0)).isEmpty();
    // a box turned by 10 degrees
    double c = Math.cos(Math.toRadians(10));
    double s = Math.sin(Math.toRadians(10));
    Quad tilted = new Quad(32, 0, 32 + 30 * c, 30 * s, 32 + 30 * c - 20 * s, 30 * s + 20 * c,
        32 - 20 * s, 20 * c);
    assertThat(FragmentJoin.chains(List.of(box(0, 30, 0), tilted), 0.2, 0)).isEmpty();
    // boxes that overlap along the line by more than half the height are not pieces in a row
    assertThat(FragmentJoin.chains(List.of(box(0, 30, 0), box(15, 45, 0)), 0.2, 0)).isEmpty();
  }

  @Test
  void aBoxJoinsOnlyItsNearestNeighbour() {
    // the second box starts 1 px after the first, the third 3 px after it (and overlaps the
    // second): the first's nearest neighbour is the second, so the third is in no chain
    List<Quad> q = List.of(box(0, 30, 0), box(31, 60, 0), box(33, 70, 4));
    List<int[]> chains = FragmentJoin.chains(q, 0.2, 0);
    assertThat(chains).hasSize(1);
    assertThat(chains.get(0)).startsWith(0, 1).doesNotContain(2);
  }

  @Test
  void theUnionIsTheLevelBoxAroundTheChain() {
    List<Quad> q = List.of(box(10, 40, 0), box(42, 70, 3));
    assertThat(FragmentJoin.union(q, new int[] {0, 1}))
        .isEqualTo(new Quad(10, 0, 70, 0, 70, 23, 10, 23));
  }
}
