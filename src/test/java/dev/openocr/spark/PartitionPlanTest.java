package dev.openocr.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartitionPlanTest {
  private static final long MB = 1L << 20;

  @Test
  void tenThousandTinyFilesGetNeitherOneTaskNorTenThousand() {
    int n = PartitionPlan.tasks(10_000, 10_000 * 2_000L, 2, 64, 64 * MB);
    assertThat(n).isBetween(100, 200);
  }

  @Test
  void bigFilesSpreadByBytesAndFewFilesKeepTheCoresBusy() {
    assertThat(PartitionPlan.tasks(100, 100 * 200 * MB, 4, 64, 64 * MB)).isEqualTo(100);
    assertThat(PartitionPlan.tasks(1000, 1000 * 50 * MB, 4, 64, 64 * MB)).isEqualTo(782);
    assertThat(PartitionPlan.tasks(5, 5_000, 8, 64, 64 * MB)).isEqualTo(5);
    assertThat(PartitionPlan.tasks(100, 100_000, 8, 64, 64 * MB)).isEqualTo(16);
    assertThat(PartitionPlan.tasks(0, 0, 8, 64, 64 * MB)).isEqualTo(1);
  }
}
