package dev.openocr.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.imageio.GrayImage;
import dev.openocr.recognize.CropPreprocessor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Width-sorted training batches: the same crops as plain batches, little padding, resume-safe. */
class WidthBatchesTest {
  private static final int H = 32;
  private static final int MAX_W = 256;

  /**
   * Crop {@code i}: a blank image labelled with {@code i}, of a width drawn from {@code i}: most
   * narrow, a few wide, as word crops are.
   */
  private static LabeledCrop crop(long i) {
    int w = 8 + (int) (300 * Math.pow(new SplittableRandom(i).nextDouble(), 3));
    return new LabeledCrop(GrayImage.blank(w, H), Long.toString(i));
  }

  @Test
  void aPoolHoldsTheCropsOfItsPlainBatchesSortedIntoNarrowBatches() {
    int batch = 8;
    int pool = 6;
    WidthBatches plain = new WidthBatches(WidthBatchesTest::crop, 3, batch, 1, H, MAX_W);
    WidthBatches sorted = new WidthBatches(WidthBatchesTest::crop, 3, batch, pool, H, MAX_W);
    for (int p = 0; p < 3; p++) {
      Set<String> plainLabels = new HashSet<>();
      Set<String> sortedLabels = new HashSet<>();
      long plainPadded = 0;
      long sortedPadded = 0;
      for (int i = p * pool; i < (p + 1) * pool; i++) {
        List<LabeledCrop> a = plain.batch(i);
        List<LabeledCrop> b = sorted.batch(i);
        assertThat(b).hasSize(batch);
        a.forEach(c -> plainLabels.add(c.label()));
        b.forEach(c -> sortedLabels.add(c.label()));
        plainPadded += (long) batch * widest(a);
        sortedPadded += (long) batch * widest(b);
      }
      assertThat(sortedLabels).hasSize(batch * pool).isEqualTo(plainLabels);
      assertThat(sortedPadded).isLessThan(plainPadded / 2);
    }
    // a plain batch is the run's crops in generation order
    assertThat(plain.batch(2)).extracting(LabeledCrop::label)
        .containsExactly(labels(3 * 1_000_000_007L + 16, batch));
  }

  @Test
  void batchesDoNotComeInOrderOfWidthAndAreTheSameWhenMadeAgain() {
    WidthBatches a = new WidthBatches(WidthBatchesTest::crop, 5, 4, 16, H, MAX_W);
    List<Integer> widths = new ArrayList<>();
    List<List<String>> first = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      widths.add(widest(a.batch(i)));
      first.add(a.batch(i).stream().map(LabeledCrop::label).toList());
    }
    assertThat(widths).isNotEqualTo(widths.stream().sorted().toList());
    // a resumed run starts mid-pool with a new instance and gets the same batches
    WidthBatches b = new WidthBatches(WidthBatchesTest::crop, 5, 4, 16, H, MAX_W);
    for (int i = 11; i < 16; i++) {
      assertThat(b.batch(i)).extracting(LabeledCrop::label).isEqualTo(first.get(i));
    }
  }

  @Test
  void refusesAnEmptyPool() {
    assertThatThrownBy(() -> new WidthBatches(WidthBatchesTest::crop, 1, 4, 0, H, MAX_W))
        .hasMessageContaining("width pool 0");
  }

  private static int widest(List<LabeledCrop> b) {
    return b.stream().mapToInt(c -> CropPreprocessor.targetWidth(c.image(), H, MAX_W)).max()
        .orElseThrow();
  }

  private static String[] labels(long first, int n) {
    String[] out = new String[n];
    for (int k = 0; k < n; k++) {
      out[k] = Long.toString(first + k);
    }
    return out;
  }
}
