package dev.openocr.spark;

import dev.openocr.detect.DetectedWord;
import dev.openocr.detect.TextDetector;
import dev.openocr.geometry.Box;
import dev.openocr.imageio.GrayImage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Test detector: dark connected components (4-connected, value < 128), merged with neighbours
 * on the same line closer than 0.6 x their height, as words. Stands in for CRAFT until the real
 * bundles load.
 */
public final class BlobDetector implements TextDetector {
  private static final int DARK = 128;
  private static final double GAP = 0.6;

  @Override
  public List<DetectedWord> detect(GrayImage page) {
    TestEngines.PAGES_DETECTED.incrementAndGet();
    List<Box> boxes = components(page);
    boolean merged = true;
    while (merged) {
      merged = false;
      outer:
      for (int i = 0; i < boxes.size(); i++) {
        for (int j = i + 1; j < boxes.size(); j++) {
          Box a = boxes.get(i);
          Box b = boxes.get(j);
          double gap = Math.max(a.left(), b.left()) - Math.min(a.right(), b.right());
          double h = Math.min(a.height(), b.height());
          if (a.verticalOverlap(b) > 0 && gap < GAP * Math.max(h, 4)) {
            boxes.set(i, a.union(b));
            boxes.remove(j);
            merged = true;
            break outer;
          }
        }
      }
    }
    List<DetectedWord> out = new ArrayList<>();
    for (Box b : boxes) {
      out.add(new DetectedWord(b.toQuad(), 0.9));
    }
    return out;
  }

  private static List<Box> components(GrayImage img) {
    int w = img.width();
    int h = img.height();
    boolean[] seen = new boolean[w * h];
    List<Box> out = new ArrayList<>();
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int start = 0; start < w * h; start++) {
      if (seen[start] || (img.pixels()[start] & 0xff) >= DARK) {
        continue;
      }
      int x0 = w;
      int y0 = h;
      int x1 = 0;
      int y1 = 0;
      seen[start] = true;
      queue.add(start);
      while (!queue.isEmpty()) {
        int p = queue.poll();
        int x = p % w;
        int y = p / w;
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
        int[] nb = {x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1,
            y < h - 1 ? p + w : -1};
        for (int q : nb) {
          if (q >= 0 && !seen[q] && (img.pixels()[q] & 0xff) < DARK) {
            seen[q] = true;
            queue.add(q);
          }
        }
      }
      out.add(new Box(x0, y0, x1 + 1, y1 + 1));
    }
    return out;
  }

  @Override
  public void close() {}
}
