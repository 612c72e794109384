package dev.openocr.nn.onnx;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

/** Exported networks loaded into DJL's ONNX Runtime engine for CPU inference. */
public final class OrtModels {
  /** DJL's name of the ONNX Runtime engine. */
  public static final String ENGINE = "OnnxRuntime";

  private OrtModels() {}

  /**
   * A model running {@code onnx} on the CPU with {@code threads} intra-op threads (the caller's
   * own thread when 1, so several task threads can share one model, each with its predictor).
   */
  public static Model load(String name, byte[] onnx, int threads) {
    Model m = Model.newInstance(name, Device.cpu(), ENGINE);
    try {
      OrtSession.SessionOptions o = new OrtSession.SessionOptions();
      o.setIntraOpNumThreads(threads);
      o.setInterOpNumThreads(1);
      o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      m.load(new ByteArrayInputStream(onnx), Map.of("sessionOptions", o));
      return m;
    } catch (OrtException | IOException | MalformedModelException | RuntimeException e) {
      m.close();
      throw new IllegalStateException("ONNX Runtime cannot load " + name + ": " + e.getMessage(), e);
    }
  }
}
