package dev.openocr.train;

import com.google.gson.JsonObject;
import dev.openocr.nn.ModelBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Step reached and best validation metric of a run, persisted beside its checkpoint. */
record RunState(int step, double bestMetric) {
  static final String FILE = "state.json";
  /** The optimizer's moments at the checkpoint's step ({@link ResumableAdam#save}). */
  static final String OPTIMIZER_FILE = "optimizer.bin";

  static RunState read(Path runDir) {
    Path p = runDir.resolve(FILE);
    if (!Files.exists(p)) {
      return new RunState(0, -1);
    }
    try {
      JsonObject o = ModelBundle.GSON.fromJson(Files.readString(p), JsonObject.class);
      return new RunState(o.get("step").getAsInt(), o.get("best").getAsDouble());
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Cannot read run state " + p + ": " + e.getMessage(), e);
    }
  }

  /**
   * Loads the checkpoint's weights into {@code model} when the run has already made steps
   * (weights, step and best metric resume; see {@link #restoreOptimizer}). A run that has
   * not made a step yet starts from {@code init}'s weights when given (fine-tuning a bundle with
   * a fresh schedule), else from random weights.
   *
   * @param init a bundle location ({@code classpath:...} or a folder) or null
   */
  void restore(ai.djl.Model model, Path checkpoint, String init) {
    String from = step > 0 ? checkpoint.toString() : init;
    if (from == null) {
      return;
    }
    ModelBundle b = ModelBundle.open(from);
    dev.openocr.nn.Params.load(model.getBlock(), model.getNDManager(), b.weights(), from);
    java.util.logging.Logger.getLogger(RunState.class.getName())
        .info(step > 0 ? "Resuming from " + from + " at step " + step : "Starting from " + from);
  }

  /**
   * Loads the optimizer's moments saved with the checkpoint, when the run has made steps and
   * they were saved at this step (runs checkpointed before moments were saved start them afresh).
   */
  void restoreOptimizer(ResumableAdam adam, ai.djl.nn.Block block, Path runDir,
      ai.djl.ndarray.NDManager manager) {
    if (step == 0) {
      return;
    }
    boolean ok = adam.restore(block, step, runDir.resolve(OPTIMIZER_FILE), manager);
    java.util.logging.Logger.getLogger(RunState.class.getName()).info(ok
        ? "Optimizer moments restored at step " + step
        : "No optimizer moments saved at step " + step + "; they start afresh");
  }

  /**
   * Saves the checkpoint's optimizer moments, then this state (in that order: the state names the
   * step the moments must match).
   */
  void write(Path runDir, ResumableAdam adam, ai.djl.nn.Block block) {
    try {
      Files.createDirectories(runDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + runDir, e);
    }
    adam.save(block, step, runDir.resolve(OPTIMIZER_FILE));
    writeState(runDir);
  }

  /** Written to a temporary file and moved, so a kill never leaves half a state. */
  private void writeState(Path runDir) {
    JsonObject o = new JsonObject();
    o.addProperty("step", step);
    o.addProperty("best", bestMetric);
    try {
      Path tmp = runDir.resolve(FILE + ".tmp");
      Files.writeString(tmp, ModelBundle.GSON.toJson(o));
      Files.move(tmp, runDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write state in " + runDir, e);
    }
  }
}
