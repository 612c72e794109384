package dev.openocr.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.openocr.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Executes the notebooks headless with {@code notebooks/run.sh} (jupyter nbconvert) so they never
 * rot: the script must succeed and the executed notebooks must hold no error output. Needs
 * Debian's jupyter packages and the application jar; skipped otherwise, failed on CI.
 */
@Timeout(value = 11, unit = TimeUnit.MINUTES)
class NotebooksIT {
  private static final Path APP_JAR = Path.of("target/openocr-app.jar");
  private static final Path EXECUTED = Path.of("out/notebooks");
  private static final List<String> NOTEBOOKS =
      List.of("explore_output.ipynb", "training_curves.ipynb");
  private static final long TIMEOUT_MINUTES = 10;

  @Test
  void notebooksExecuteWithoutErrors() throws Exception {
    Prerequisites.require(Prerequisites.onPath("jupyter"), "jupyter on the PATH (apt-get install "
        + "jupyter-nbconvert python3-ipykernel python3-pandas python3-matplotlib)");
    Prerequisites.require(Files.isRegularFile(APP_JAR),
        APP_JAR + " (run 'mvn -o -DskipTests package' first)");
    Prerequisites.require(Files.isDirectory(Path.of("out/samples/pages")) || shippedModels(),
        "out/samples, or shipped models under src/main/resources/models to make it with "
            + "'submit/openocr run'");
    for (String nb : NOTEBOOKS) {
      Files.deleteIfExists(EXECUTED.resolve(nb));
    }
    Files.createDirectories(Path.of("target"));
    Path log = Path.of("target/notebooks-run.log");
    Process p = new ProcessBuilder("bash", "notebooks/run.sh")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError("notebooks/run.sh took over " + TIMEOUT_MINUTES + " minutes; "
          + "log: " + log.toAbsolutePath() + "\n" + tail(log));
    }
    assertThat(p.exitValue()).as("notebooks/run.sh exit status; log:\n%s", tail(log)).isZero();
    for (String nb : NOTEBOOKS) {
      Path executed = EXECUTED.resolve(nb);
      assertThat(executed).as("executed notebook").isRegularFile();
      assertThat(errors(executed)).as("error outputs in %s", executed).isEmpty();
    }
  }

  /** Error outputs and unexecuted code cells of an executed notebook, one line each. */
  static List<String> errors(Path notebook) throws IOException {
    JsonObject nb = JsonParser.parseString(Files.readString(notebook, StandardCharsets.UTF_8))
        .getAsJsonObject();
    List<String> found = new ArrayList<>();
    JsonArray cells = nb.getAsJsonArray("cells");
    for (int i = 0; i < cells.size(); i++) {
      JsonObject cell = cells.get(i).getAsJsonObject();
      if (!"code".equals(cell.get("cell_type").getAsString())) {
        continue;
      }
      if (cell.get("execution_count") == null || cell.get("execution_count").isJsonNull()) {
        found.add("cell " + i + ": not executed");
      }
      for (JsonElement o : cell.getAsJsonArray("outputs")) {
        JsonObject out = o.getAsJsonObject();
        if ("error".equals(out.get("output_type").getAsString())) {
          found.add("cell " + i + ": " + out.get("ename").getAsString() + ": "
              + out.get("evalue").getAsString());
        }
      }
    }
    return found;
  }

  private static boolean shippedModels() throws IOException {
    Path models = Path.of("src/main/resources/models");
    if (!Files.isDirectory(models)) {
      return false;
    }
    try (Stream<Path> cards = Files.list(models)) {
      return cards.anyMatch(d -> Files.isRegularFile(d.resolve("model.json")));
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
