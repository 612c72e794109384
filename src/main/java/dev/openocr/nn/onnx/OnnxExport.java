package dev.openocr.nn.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.util.Pair;
import dev.openocr.nn.onnx.OnnxGraph.Attr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the inference graph of a trained network as ONNX for a CPU runtime: each batch norm is
 * folded into the convolution before it, and the blocks the project's networks are made of map to
 * one ONNX operator each. A block it does not know fails with {@link UnsupportedOperationException}
 * (the caller keeps the network on its training engine).
 */
public final class OnnxExport {
  /** DJL's batch norm epsilon (its builder's default, which every network here uses). */
  static final float BN_EPSILON = 1e-5f;

  final OnnxGraph graph = new OnnxGraph();
  /** Classes of a CTC output read as several frames a column ({@code subFrames}), or -1. */
  private long subFrameClasses = -1;

  /** Lets the {@code subFrames} block ({@code [B, T, n K] -> [B, n T, K]}) export with K classes. */
  public OnnxExport withSubFrameClasses(long classes) {
    subFrameClasses = classes;
    return this;
  }

  /** The blocks this exporter knows how to write, beyond DJL's own. */
  public interface Custom {
    /** Writes the block's inference on {@code x} into {@code export}; returns the output. */
    String export(OnnxExport export, String x);
  }

  /** Writes {@code block} applied to {@code x}; returns the output value's name. */
  public String block(Block block, String x) {
    if (block instanceof Custom c) {
      return c.export(this, x);
    }
    if (block instanceof SequentialBlock s) {
      List<Block> kids = new ArrayList<>();
      for (Pair<String, Block> p : s.getChildren()) {
        kids.add(p.getValue());
      }
      for (int i = 0; i < kids.size(); i++) {
        Block k = kids.get(i);
        if (k instanceof Conv2d c && i + 1 < kids.size() && kids.get(i + 1) instanceof BatchNorm bn) {
          x = conv(c, bn, x);
          i++;
        } else {
          x = block(k, x);
        }
      }
      return x;
    }
    if (block instanceof Conv2d c) {
      return conv(c, null, x);
    }
    if (block instanceof BatchNorm bn) {
      return batchNorm(bn, x);
    }
    if (block instanceof Linear l) {
      return linear(l, x);
    }
    if (block instanceof LambdaBlock l) {
      return lambda(l.getName(), x);
    }
    throw new UnsupportedOperationException("No ONNX export for " + block.getClass().getName());
  }

  /** The parameterless blocks of {@code dev.openocr.nn.Layers} and the networks, by name. */
  private String lambda(String name, String x) {
    return switch (name) {
      case "ReLU" -> graph.node("Relu", List.of(x));
      case "maxPool2x2" -> maxPool(x, 2, 2);
      case "maxPool2x1" -> maxPool(x, 2, 1);
      // [B, C, 1, T] -> [B, T, C]
      case "toSequence" -> graph.node("Transpose",
          List.of(graph.node("Squeeze", List.of(x, graph.constantInts(2)))), Attr.ints("perm", 0, 2, 1));
      case "subFrames" -> {
        if (subFrameClasses < 0) {
          throw new UnsupportedOperationException("No ONNX export for subFrames without classes");
        }
        yield subFrames(x, (int) subFrameClasses);
      }
      default -> throw new UnsupportedOperationException("No ONNX export for block " + name);
    };
  }

  private String maxPool(String x, int kh, int kw) {
    return graph.node("MaxPool", List.of(x), Attr.ints("kernel_shape", kh, kw),
        Attr.ints("strides", kh, kw));
  }

  /** A convolution, with the batch norm after it (or null) folded into its weights and bias. */
  String conv(Conv2d c, BatchNorm bn, String x) {
    Map<String, NDArray> p = params(c);
    NDArray wArr = p.get("weight");
    float[] w = wArr.toFloatArray();
    long[] shape = wArr.getShape().getShape();
    int out = (int) shape[0];
    int per = w.length / out;
    float[] b = p.containsKey("bias") ? p.get("bias").toFloatArray() : new float[out];
    if (bn != null) {
      float[][] ab = bnScaleShift(bn);
      for (int o = 0; o < out; o++) {
        for (int k = 0; k < per; k++) {
          w[o * per + k] *= ab[0][o];
        }
        b[o] = b[o] * ab[0][o] + ab[1][o];
      }
    }
    long[] k = c.getKernelShape().getShape();
    long[] s = c.getStride().getShape();
    long[] pad = c.getPadding().getShape();
    return graph.node("Conv", List.of(x, graph.constant(w, shape), graph.constant(b, out)),
        Attr.ints("kernel_shape", k), Attr.ints("strides", s),
        Attr.ints("pads", pad[0], pad[1], pad[0], pad[1]),
        Attr.ints("dilations", c.getDilation().getShape()), Attr.integer("group", c.getGroups()));
  }

  /** A batch norm on its own: {@code x * scale + shift} per channel of {@code [B, C, H, W]}. */
  private String batchNorm(BatchNorm bn, String x) {
    float[][] ab = bnScaleShift(bn);
    int c = ab[0].length;
    String scaled = graph.node("Mul", List.of(x, graph.constant(ab[0], c, 1, 1)));
    return graph.node("Add", List.of(scaled, graph.constant(ab[1], c, 1, 1)));
  }

  /** Per channel {scale, shift} of a batch norm at inference. */
  private static float[][] bnScaleShift(BatchNorm bn) {
    Map<String, NDArray> p = params(bn);
    float[] gamma = p.get("gamma").toFloatArray();
    float[] beta = p.get("beta").toFloatArray();
    float[] mean = p.get("runningMean").toFloatArray();
    float[] var = p.get("runningVar").toFloatArray();
    float[] a = new float[gamma.length];
    float[] b = new float[gamma.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) (gamma[i] / Math.sqrt(var[i] + BN_EPSILON));
      b[i] = beta[i] - mean[i] * a[i];
    }
    return new float[][] {a, b};
  }

  /** {@code x W^T + b} over the last axis. */
  public String linear(Linear l, String x) {
    Map<String, NDArray> p = params(l);
    NDArray w = p.get("weight"); // [out, in]
    long out = w.getShape().get(0);
    long in = w.getShape().get(1);
    float[] t = transpose(w.toFloatArray(), (int) out, (int) in);
    String y = graph.node("MatMul", List.of(x, graph.constant(t, in, out)));
    return p.containsKey("bias")
        ? graph.node("Add", List.of(y, graph.constant(p.get("bias").toFloatArray(), out))) : y;
  }

  /**
   * A bidirectional LSTM from two one-directional batch-first DJL LSTMs (the second reading the
   * sequence reversed): {@code [B, T, C] -> [B, T, 2H]}, forward states first.
   */
  public String biLstm(LSTM forward, LSTM backward, int hidden, String x) {
    float[][] fw = lstmWeights(forward, hidden);
    float[][] bw = lstmWeights(backward, hidden);
    int in = fw[0].length / (4 * hidden);
    String w = graph.constant(concat(fw[0], bw[0]), 2, 4L * hidden, in);
    String r = graph.constant(concat(fw[1], bw[1]), 2, 4L * hidden, hidden);
    String b = graph.constant(concat(fw[2], bw[2]), 2, 8L * hidden);
    // ONNX Runtime runs only layout 0: X [T, B, C], Y [T, directions, B, H]
    String seq = graph.node("Transpose", List.of(x), Attr.ints("perm", 1, 0, 2));
    String y = graph.node("LSTM", List.of(seq, w, r, b), Attr.integer("hidden_size", hidden),
        Attr.text("direction", "bidirectional"));
    String batchFirst = graph.node("Transpose", List.of(y), Attr.ints("perm", 2, 0, 1, 3));
    return graph.node("Reshape", List.of(batchFirst, graph.constantInts(0, 0, -1)));
  }

  /**
   * ONNX's {W, R, B} of one direction: libtorch's gates (input, forget, cell, output) put in
   * ONNX's order (input, output, forget, cell); B is the input biases, then the recurrent ones.
   */
  private static float[][] lstmWeights(LSTM lstm, int hidden) {
    float[] wih = null;
    float[] whh = null;
    float[] bih = new float[4 * hidden];
    float[] bhh = new float[4 * hidden];
    for (Pair<String, Parameter> p : lstm.getParameters()) {
      String n = p.getKey().toLowerCase(java.util.Locale.ROOT); // l_0_i2h_WEIGHT
      float[] v = p.getValue().getArray().toFloatArray();
      if (n.contains("i2h") && n.endsWith("weight")) {
        wih = v;
      } else if (n.contains("h2h") && n.endsWith("weight")) {
        whh = v;
      } else if (n.contains("i2h") && n.endsWith("bias")) {
        bih = v;
      } else if (n.contains("h2h") && n.endsWith("bias")) {
        bhh = v;
      } else {
        throw new UnsupportedOperationException("Unknown LSTM parameter " + n);
      }
    }
    if (wih == null || whh == null) {
      throw new UnsupportedOperationException("LSTM without weights: " + lstm.getParameters().keys());
    }
    return new float[][] {gatesToOnnx(wih, hidden), gatesToOnnx(whh, hidden),
        concat(gatesToOnnx(bih, hidden), gatesToOnnx(bhh, hidden))};
  }

  /** Rows of four gate blocks reordered from (i, f, g, o) to (i, o, f, g). */
  static float[] gatesToOnnx(float[] v, int hidden) {
    int block = v.length / 4;
    int[] from = {0, 3, 1, 2};
    float[] out = new float[v.length];
    for (int g = 0; g < 4; g++) {
      System.arraycopy(v, from[g] * block, out, g * block, block);
    }
    return out;
  }

  /** Nearest-neighbour upsampling by 2 of {@code [B, C, H, W]} (each pixel repeated). */
  public String upsample2(String x) {
    String scales = graph.constant(new float[] {1, 1, 2, 2}, 4);
    return graph.node("Resize", List.of(x, "", scales), Attr.text("mode", "nearest"),
        Attr.text("coordinate_transformation_mode", "asymmetric"),
        Attr.text("nearest_mode", "floor"));
  }

  public String concatChannels(String a, String b) {
    return graph.node("Concat", List.of(a, b), Attr.integer("axis", 1));
  }

  public String add(String a, String b) {
    return graph.node("Add", List.of(a, b));
  }

  public String relu(String x) {
    return graph.node("Relu", List.of(x));
  }

  /** Softmax over {@code axis}. */
  public String softmax(String x, int axis) {
    return graph.node("Softmax", List.of(x), Attr.integer("axis", axis));
  }

  /** {@code [B, T, n K] -> [B, n T, K]}: each column's n frames in order. */
  public String subFrames(String x, int classes) {
    return graph.node("Reshape", List.of(x, graph.constantInts(0, -1, classes)));
  }

  public OnnxGraph graph() {
    return graph;
  }

  private static Map<String, NDArray> params(Block b) {
    Map<String, NDArray> m = new HashMap<>();
    for (Pair<String, Parameter> p : b.getParameters()) {
      m.put(p.getKey(), p.getValue().getArray());
    }
    return m;
  }

  private static float[] transpose(float[] a, int rows, int cols) {
    float[] t = new float[a.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = a[r * cols + c];
      }
    }
    return t;
  }

  private static float[] concat(float[] a, float[] b) {
    float[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
