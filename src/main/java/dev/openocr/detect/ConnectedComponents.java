package dev.openocr.detect;

/** 8-connected component labelling of a binary mask (two passes with union-find). */
final class ConnectedComponents {
  private ConnectedComponents() {}

  /**
   * Labels the non-zero pixels of {@code mask} 1..n into {@code labels} (0 = background).
   *
   * @return n, the number of components
   */
  static int label(byte[] mask, int w, int h, int[] labels) {
    int[] parent = new int[w * h / 2 + 2];
    int next = 1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        if (mask[i] == 0) {
          labels[i] = 0;
          continue;
        }
        int best = 0;
        // neighbours already visited: W, NW, N, NE
        int[] nb = {
            x > 0 ? labels[i - 1] : 0,
            x > 0 && y > 0 ? labels[i - w - 1] : 0,
            y > 0 ? labels[i - w] : 0,
            x < w - 1 && y > 0 ? labels[i - w + 1] : 0};
        for (int l : nb) {
          if (l != 0) {
            best = best == 0 ? find(parent, l) : Math.min(best, find(parent, l));
          }
        }
        if (best == 0) {
          if (next >= parent.length) {
            parent = java.util.Arrays.copyOf(parent, parent.length * 2);
          }
          parent[next] = next;
          best = next++;
        } else {
          for (int l : nb) {
            if (l != 0) {
              int r = find(parent, l);
              if (r != best) {
                parent[Math.max(r, best)] = Math.min(r, best);
              }
            }
          }
        }
        labels[i] = best;
      }
    }
    int[] remap = new int[next];
    int n = 0;
    for (int l = 1; l < next; l++) {
      int r = find(parent, l);
      if (remap[r] == 0) {
        remap[r] = ++n;
      }
      remap[l] = remap[r];
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != 0) {
        labels[i] = remap[labels[i]];
      }
    }
    return n;
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }
}
