package dev.openocr.testing;

import dev.openocr.detect.DetectedWord;
import dev.openocr.detect.TextDetector;
import dev.openocr.imageio.GrayImage;
import dev.openocr.geometry.Quad;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A test detector that finds dark blobs: pixels darker than {@link #DARK}, joined across small
 * horizontal gaps (so the bars of one {@link TestImages} word form one word), as word boxes.
 */
public final class BlobDetector implements TextDetector {
  /** Gray level below which a pixel is ink. */
  public static final int DARK = 200;
  /** Horizontal gaps up to twice this many pixels join blobs. */
  static final int JOIN = 3;
  /** Blobs with fewer ink-or-joined pixels are noise. */
  static final int MIN_AREA = 20;

  @Override
  public List<DetectedWord> detect(GrayImage page) {
    int w = page.width();
    int h = page.height();
    boolean[] mask = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (page.get(x, y) < DARK) {
          for (int dx = -JOIN; dx <= JOIN; dx++) {
            int nx = x + dx;
            if (nx >= 0 && nx < w) {
              mask[y * w + nx] = true;
            }
          }
        }
      }
    }
    boolean[] seen = new boolean[w * h];
    List<DetectedWord> out = new ArrayList<>();
    ArrayDeque<Integer> stack = new ArrayDeque<>();
    for (int start = 0; start < mask.length; start++) {
      if (!mask[start] || seen[start]) {
        continue;
      }
      int minX = w;
      int minY = h;
      int maxX = -1;
      int maxY = -1;
      int area = 0;
      stack.push(start);
      seen[start] = true;
      while (!stack.isEmpty()) {
        int p = stack.pop();
        int x = p % w;
        int y = p / w;
        area++;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
        int[] nbrs = {p - 1, p + 1, p - w, p + w};
        for (int q : nbrs) {
          if (q >= 0 && q < mask.length && mask[q] && !seen[q]
              && Math.abs(q % w - x) <= 1) {
            seen[q] = true;
            stack.push(q);
          }
        }
      }
      if (area >= MIN_AREA) {
        // Undo the horizontal join on the outer edges: the box hugs the ink.
        double l = Math.min(maxX, minX + JOIN);
        double r = Math.max(l, maxX - JOIN + 1);
        out.add(new DetectedWord(new Quad(l, minY, r, minY, r, maxY + 1, l, maxY + 1), 0.9));
      }
    }
    return out;
  }

  @Override
  public void close() {}
}
