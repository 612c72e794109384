package dev.openocr.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainLogTest {

  @TempDir
  Path dir;

  @Test
  void resumeDropsRowsLoggedAfterTheCheckpoint() throws Exception {
    Path csv = dir.resolve("log.csv");
    TrainLog first = new TrainLog(csv, 0, "step", "loss");
    for (int s = 50; s <= 300; s += 50) {
      first.row(s, 1.0 / s);
    }
    // killed at step 300, last checkpoint at 200: steps 250 and 300 are trained again
    TrainLog resumed = new TrainLog(csv, 200, "step", "loss");
    resumed.row(250, 0.5);
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).first().isEqualTo("step,loss");
    assertThat(lines.stream().skip(1).map(l -> l.split(",")[0]))
        .containsExactly("50", "100", "150", "200", "250");
    assertThat(lines.get(lines.size() - 1)).startsWith("250,0.5");
  }

  @Test
  void resumeAtTheLastLoggedStepKeepsEveryRow() throws Exception {
    Path csv = dir.resolve("log.csv");
    TrainLog first = new TrainLog(csv, 0, "step", "loss");
    first.row(10, 2.0);
    first.row(20, 1.0);
    List<String> before = Files.readAllLines(csv);
    new TrainLog(csv, 20, "step", "loss");
    assertThat(Files.readAllLines(csv)).isEqualTo(before);
  }
}
