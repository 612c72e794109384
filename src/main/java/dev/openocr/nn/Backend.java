package dev.openocr.nn;

import java.util.Locale;

/**
 * What runs a trained network at inference. ONNX Runtime runs both shipped networks two to
 * three times faster than libtorch on one CPU core (BENCHMARKS.md, "Inference runtime"); libtorch
 * stays the training engine, the GPU path, and the fallback for networks the ONNX export does
 * not cover (ensembles, TPS, attention).
 */
public enum Backend {
  /** The network exported to ONNX at load time, on ONNX Runtime (CPU only). */
  ONNX,
  /** The network as trained, on DJL's PyTorch engine (CPU or GPU). */
  PYTORCH;

  public static final Backend DEFAULT = ONNX;

  /** {@code onnx} or {@code pytorch}, any case. */
  public static Backend parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid inference runtime: " + s + " (onnx or pytorch)",
          e);
    }
  }

  /** The backend that runs on {@code device}: a GPU is always libtorch's. */
  public Backend on(String device) {
    return device == null || device.equals("cpu") ? this : PYTORCH;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
