package dev.openocr.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
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

  private static final StructType FILES = new StructType().add("path", "string")
      .add("modificationTime", "timestamp").add("length", "long");

  private static Row file(String path, long length) {
    return new GenericRowWithSchema(new Object[] {path, null, length}, FILES);
  }

  private static List<List<String>> paths(List<List<Row>> groups) {
    List<List<String>> out = new ArrayList<>();
    for (List<Row> g : groups) {
      List<String> p = new ArrayList<>();
      g.forEach(r -> p.add(r.getAs("path")));
      out.add(p);
    }
    return out;
  }

  @Test
  void theSameFilesGetTheSameTasksInAnyOrder() {
    // Many files of equal length: the order they are listed in must not matter.
    List<Row> files = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      files.add(file("hdfs:///in/f" + i + ".png", i % 3 == 0 ? 5000 : 1000));
    }
    List<List<String>> first = paths(PartitionPlan.deal(files, 7));
    for (long seed = 1; seed <= 5; seed++) {
      List<Row> shuffled = new ArrayList<>(files);
      Collections.shuffle(shuffled, new Random(seed));
      assertThat(paths(PartitionPlan.deal(shuffled, 7))).isEqualTo(first);
    }
    assertThat(first).hasSize(7).allSatisfy(g -> assertThat(g).hasSizeBetween(5, 6));
    assertThat(first.stream().flatMap(List::stream).distinct()).hasSize(40);
  }

  @Test
  void bigFilesAreSpreadOverTheTasks() {
    List<Row> files = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      files.add(file("f" + i, i < 4 ? 100 << 20 : 1000));
    }
    // Four big files over four tasks: one each, before any small file.
    List<List<Row>> groups = PartitionPlan.deal(files, 4);
    assertThat(groups).allSatisfy(g -> {
      assertThat(g).hasSize(3);
      assertThat(g.get(0).<Long>getAs("length")).isEqualTo(100L << 20);
    });
  }
}
