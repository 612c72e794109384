package dev.openocr.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adam (the update of DJL's {@code Adam}, with its fused kernel) whose moments can be written
 * beside a checkpoint and read back, so a resumed run continues the same optimization instead of
 * restarting the moments and the bias correction. Moments are keyed by the parameter's path in
 * the block ({@code Block.getParameters()}), which is stable across processes, unlike DJL's
 * parameter ids.
 */
public final class ResumableAdam extends Optimizer {
  private static final int MAGIC = 0x4f41444d; // "OADM"
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;

  private final Tracker learningRate;
  private final Map<String, Map<Device, NDArray>> means = new ConcurrentHashMap<>();
  private final Map<String, Map<Device, NDArray>> variances = new ConcurrentHashMap<>();
  /** Updates the restored moments had seen before this process. */
  private int restoredSteps;

  private ResumableAdam(Builder b, Tracker learningRate) {
    super(b);
    this.learningRate = learningRate;
  }

  /**
   * @param learningRate the rate at this process's update 1, 2, ... (a {@link LearningRate} with
   *     the run's step as offset)
   * @param clipGrad gradient clipping bound
   */
  public static ResumableAdam create(Tracker learningRate, float clipGrad) {
    return new ResumableAdam(new Builder().optClipGrad(clipGrad), learningRate);
  }

  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    int t = updateCount(parameterId);
    int seen = restoredSteps + t;
    double coef1 = 1.0 - Math.pow(BETA1, seen);
    double coef2 = 1.0 - Math.pow(BETA2, seen);
    float lr = learningRate.getNewValue(t);
    float corrected = (float) (lr * Math.sqrt(coef2) / coef1);
    if (!Float.isFinite(corrected)) {
      throw new IllegalStateException("Learning rate is not finite at update " + t);
    }
    NDList inputs = new NDList(weight, grad,
        withDefaultState(means, parameterId, weight.getDevice(), k -> weight.zerosLike()),
        withDefaultState(variances, parameterId, weight.getDevice(), k -> weight.zerosLike()));
    weight.getNDArrayInternal().adamUpdate(inputs, new NDList(weight), lr, corrected,
        getWeightDecay(), rescaleGrad, clipGrad, BETA1, BETA2, EPSILON, true, false);
  }

  /**
   * Writes the moments of {@code block}'s parameters, and how many updates they have seen, to
   * {@code file} (through a temporary file and a move, so a kill leaves the old file whole).
   */
  public void save(Block block, int steps, Path file) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        Files.newOutputStream(tmp)))) {
      out.writeInt(MAGIC);
      out.writeInt(steps);
      List<Pair<String, Parameter>> trained = new ArrayList<>();
      for (Pair<String, Parameter> p : block.getParameters()) {
        if (means.containsKey(p.getValue().getId())) {
          trained.add(p);
        }
      }
      out.writeInt(trained.size());
      for (Pair<String, Parameter> p : trained) {
        String id = p.getValue().getId();
        out.writeUTF(p.getKey());
        write(out, first(means.get(id)));
        write(out, first(variances.get(id)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write optimizer state " + tmp, e);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write optimizer state " + file, e);
    }
  }

  /**
   * Reads moments written by {@link #save} for {@code block}'s parameters. They must have been
   * saved at {@code step}, the step the run resumes from, and match every parameter's shape;
   * otherwise nothing is loaded and false is returned (the moments then start afresh).
   */
  public boolean restore(Block block, int step, Path file, NDManager manager) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    Map<String, Parameter> byName = new HashMap<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      byName.put(p.getKey(), p.getValue());
    }
    Map<Parameter, NDArray[]> read = new HashMap<>();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(
        Files.newInputStream(file)))) {
      if (in.readInt() != MAGIC || in.readInt() != step) {
        return false;
      }
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        String name = in.readUTF();
        NDArray m = read(in, manager);
        NDArray v = read(in, manager);
        Parameter p = byName.get(name);
        if (p == null || !p.isInitialized() || !p.getArray().getShape().equals(m.getShape())) {
          return false;
        }
        read.put(p, new NDArray[] {m, v});
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Cannot read optimizer state " + file + ": " + e.getMessage(),
          e);
    }
    for (Map.Entry<Parameter, NDArray[]> e : read.entrySet()) {
      String id = e.getKey().getId();
      Device d = e.getKey().getArray().getDevice();
      means.put(id, new ConcurrentHashMap<>(Map.of(d, e.getValue()[0].toDevice(d, false))));
      variances.put(id, new ConcurrentHashMap<>(Map.of(d, e.getValue()[1].toDevice(d, false))));
    }
    restoredSteps = step;
    return true;
  }

  private static NDArray first(Map<Device, NDArray> m) {
    return m.values().iterator().next();
  }

  private static void write(DataOutputStream out, NDArray a) throws IOException {
    long[] shape = a.getShape().getShape();
    out.writeInt(shape.length);
    for (long s : shape) {
      out.writeLong(s);
    }
    float[] data = a.toFloatArray();
    out.writeInt(data.length);
    for (float f : data) {
      out.writeFloat(f);
    }
  }

  private static NDArray read(DataInputStream in, NDManager manager) throws IOException {
    int rank = in.readInt();
    long[] shape = new long[rank];
    for (int i = 0; i < rank; i++) {
      shape[i] = in.readLong();
    }
    float[] data = new float[in.readInt()];
    for (int i = 0; i < data.length; i++) {
      data[i] = in.readFloat();
    }
    NDArray a = manager.create(data, new Shape(shape));
    a.detach();
    return a;
  }

  private static final class Builder extends OptimizerBuilder<Builder> {
    @Override
    protected Builder self() {
      return this;
    }
  }
}
