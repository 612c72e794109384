package dev.openocr.train;

import dev.openocr.recognize.CropPreprocessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Training batches of crops of similar width. A batch is padded to its widest crop, so batches
 * drawn at random are mostly padding: with the generator's English crops the mean width at
 * height 32 is 87 px, but random batches of 48 average 217 px wide (226 with a 32-px width
 * bucket). Here the crops of {@code pool} consecutive batches are made
 * together, sorted by the width they take in the network and cut into {@code pool} batches, which
 * are then served in a shuffled order; the same crops are trained on, in batches about 92 px wide
 * (104 with the 32-px bucket).
 *
 * <p>Batch {@code i} is a function of {@code i} alone (its pool is pool {@code i / pool}, made from
 * the crop indices the run would use anyway), so a resumed run sees the same batches. A pool of 1
 * gives the plain batches of earlier runs. Not thread-safe: the {@link Feeder}'s one thread uses
 * it.
 */
final class WidthBatches {
  private final CropSource source;
  private final long seed;
  private final int batch;
  private final int pool;
  private final int height;
  private final int maxWidth;
  private long cachedPool = -1;
  private List<List<LabeledCrop>> cached;

  WidthBatches(CropSource source, long seed, int batch, int pool, int height, int maxWidth) {
    if (batch < 1 || pool < 1) {
      throw new IllegalArgumentException("Invalid batch " + batch + " or width pool " + pool);
    }
    this.source = source;
    this.seed = seed;
    this.batch = batch;
    this.pool = pool;
    this.height = height;
    this.maxWidth = maxWidth;
  }

  /** Batch number {@code i} of the run. */
  List<LabeledCrop> batch(long i) {
    long p = i / pool;
    if (p != cachedPool) {
      cached = makePool(p);
      cachedPool = p;
    }
    return cached.get((int) (i % pool));
  }

  private List<List<LabeledCrop>> makePool(long p) {
    int n = batch * pool;
    long first = p * n;
    List<LabeledCrop> crops = new ArrayList<>(n);
    int[] widths = new int[n];
    for (int k = 0; k < n; k++) {
      LabeledCrop c = source.crop(seed * 1_000_000_007L + first + k);
      crops.add(c);
      widths[k] = CropPreprocessor.targetWidth(c.image(), height, maxWidth);
    }
    List<Integer> order = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      order.add(k);
    }
    if (pool > 1) {
      order.sort(Comparator.comparingInt((Integer k) -> widths[k]).thenComparingInt(k -> k));
    }
    List<List<LabeledCrop>> batches = new ArrayList<>(pool);
    for (int b = 0; b < pool; b++) {
      List<LabeledCrop> out = new ArrayList<>(batch);
      for (int k = b * batch; k < (b + 1) * batch; k++) {
        out.add(crops.get(order.get(k)));
      }
      batches.add(out);
    }
    // narrow and wide batches take turns at random, not in order of width
    SplittableRandom r = new SplittableRandom(seed * 31 + p);
    for (int b = pool - 1; b > 0; b--) {
      int j = r.nextInt(b + 1);
      batches.set(b, batches.set(j, batches.get(b)));
    }
    return batches;
  }
}
