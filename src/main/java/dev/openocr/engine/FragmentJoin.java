package dev.openocr.engine;

import dev.openocr.geometry.Box;
import dev.openocr.geometry.Quad;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds runs of boxes that may be pieces of one word: the detector's link map breaks some words
 * at punctuation or at a wide letter gap ({@code $73,456} | {@code .84}, {@code passwor} |
 * {@code d.}). Neighbours on one line whose gap is at most {@code maxGap} of their height are
 * chained; the engine reads each chain's box as one crop and joins the chain only when the
 * recognizer reads no word space in it (the recognizer reads the space between words, so two
 * real words stay apart).
 *
 * <p>Only boxes printed across the page, within {@link #MAX_TILT} degrees of level, are
 * chained.
 */
public final class FragmentJoin {
  /** Largest tilt of a box that is chained (degrees). */
  static final double MAX_TILT = 3.0;
  /** Two boxes are on one line when they share this share of the lower one's height. */
  static final double LINE_OVERLAP = 0.6;
  /** The lower of two chained boxes is at least this share of the taller one's height. */
  static final double HEIGHT_RATIO = 0.5;
  /** Boxes that overlap along the line by more than this share of the height are not chained. */
  static final double MAX_OVERLAP = 0.5;

  private FragmentJoin() {}

  /**
   * Chains of box indices, left to right, each of two boxes or more; a box is in one chain at
   * most. Box {@code k} follows box {@code i} when it is {@code i}'s nearest neighbour to the
   * right on its line and {@code i} is {@code k}'s nearest to the left, within the gap.
   *
   * @param maxGap largest gap between the unpadded boxes, as a share of the taller one's height
   * @param padding the detector's box padding, as a share of the unpadded height, which the
   *     reported boxes carry on every side
   */
  public static List<int[]> chains(List<Quad> quads, double maxGap, double padding) {
    int n = quads.size();
    Box[] b = new Box[n];
    boolean[] level = new boolean[n];
    for (int i = 0; i < n; i++) {
      Quad q = quads.get(i);
      b[i] = q.bounds();
      double a = q.angleDegrees();
      level[i] = Math.abs(a) <= MAX_TILT;
    }
    int[] right = new int[n];
    int[] left = new int[n];
    java.util.Arrays.fill(right, -1);
    java.util.Arrays.fill(left, -1);
    double[] rightGap = new double[n];
    double[] leftGap = new double[n];
    java.util.Arrays.fill(rightGap, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(leftGap, Double.POSITIVE_INFINITY);
    double unpad = 1 + 2 * padding;
    for (int i = 0; i < n; i++) {
      if (!level[i]) {
        continue;
      }
      for (int k = 0; k < n; k++) {
        if (k == i || !level[k] || b[k].left() + b[k].right() <= b[i].left() + b[i].right()) {
          continue; // k's centre must lie to the right of i's
        }
        double hi = b[i].bottom() - b[i].top();
        double hk = b[k].bottom() - b[k].top();
        double lo = Math.min(hi, hk);
        double tall = Math.max(hi, hk);
        double shared = Math.min(b[i].bottom(), b[k].bottom()) - Math.max(b[i].top(), b[k].top());
        if (lo < HEIGHT_RATIO * tall || shared < LINE_OVERLAP * lo) {
          continue;
        }
        // gap between the unpadded boxes, in units of the taller unpadded height
        double h = tall / unpad;
        double gap = (b[k].left() - b[i].right() + 2 * padding * h) / h;
        if (gap < -MAX_OVERLAP) {
          continue;
        }
        if (gap < rightGap[i]) {
          rightGap[i] = gap;
          right[i] = k;
        }
        if (gap < leftGap[k]) {
          leftGap[k] = gap;
          left[k] = i;
        }
      }
    }
    // next[i]: the box that follows i in a chain (mutual nearest neighbours within the gap; the
    // pair's gap is then both rightGap[i] and leftGap[next[i]])
    int[] next = new int[n];
    boolean[] follows = new boolean[n];
    for (int i = 0; i < n; i++) {
      boolean linked = right[i] >= 0 && rightGap[i] <= maxGap && left[right[i]] == i;
      next[i] = linked ? right[i] : -1;
      if (linked) {
        follows[right[i]] = true;
      }
    }
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (follows[i] || next[i] < 0) {
        continue; // not the head of a chain
      }
      List<Integer> c = new ArrayList<>();
      for (int j = i; j >= 0; j = next[j]) {
        c.add(j); // centres strictly increase along a chain, so it ends
      }
      out.add(c.stream().mapToInt(Integer::intValue).toArray());
    }
    return out;
  }

  /** The level box around every box of a chain. */
  public static Quad union(List<Quad> quads, int[] chain) {
    double x0 = Double.POSITIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (int i : chain) {
      Box b = quads.get(i).bounds();
      x0 = Math.min(x0, b.left());
      y0 = Math.min(y0, b.top());
      x1 = Math.max(x1, b.right());
      y1 = Math.max(y1, b.bottom());
    }
    return new Quad(x0, y0, x1, y0, x1, y1, x0, y1);
  }
}
