package dev.openocr.nn.onnx;

import java.util.ArrayList;
import java.util.List;

/**
 * An ONNX graph under construction, serialized as a model ({@code onnx.proto3}, IR version 8,
 * opset 17): float inputs with named dynamic axes, float and int64 initializers, and nodes whose
 * outputs get fresh names.
 */
public final class OnnxGraph {
  static final long IR_VERSION = 8;
  static final long OPSET = 17;
  /** TensorProto.DataType values. */
  private static final int FLOAT = 1;
  private static final int INT64 = 7;

  private final List<ProtoWriter> nodes = new ArrayList<>();
  private final List<ProtoWriter> initializers = new ArrayList<>();
  private final List<ProtoWriter> inputs = new ArrayList<>();
  private final List<ProtoWriter> outputs = new ArrayList<>();
  private int counter;

  /**
   * A float input; each dimension is a size, or a name for a dynamic axis.
   *
   * @param dims {@code Long} sizes or {@code String} axis names
   */
  public String input(String name, Object... dims) {
    inputs.add(valueInfo(name, dims));
    return name;
  }

  /** Marks {@code value} as a float output of the graph (shape left to inference). */
  public void output(String value) {
    outputs.add(valueInfo(value));
  }

  /** A constant float tensor. */
  public String constant(float[] data, long... dims) {
    String name = "c" + counter++;
    initializers.add(new ProtoWriter().packedVarints(1, dims).varint(2, FLOAT).string(8, name)
        .bytes(9, ProtoWriter.littleEndian(data)));
    return name;
  }

  /** A constant int64 vector. */
  public String constantInts(long... data) {
    String name = "c" + counter++;
    initializers.add(new ProtoWriter().packedVarints(1, new long[] {data.length}).varint(2, INT64)
        .string(8, name).packedVarints(7, data));
    return name;
  }

  /** A node with one output; returns the output's name. */
  public String node(String op, List<String> in, Attr... attrs) {
    return node(op, in, 1, attrs).get(0);
  }

  /** A node with {@code n} outputs; returns their names. */
  public List<String> node(String op, List<String> in, int n, Attr... attrs) {
    ProtoWriter p = new ProtoWriter();
    for (String i : in) {
      p.string(1, i);
    }
    List<String> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      String name = op.toLowerCase(java.util.Locale.ROOT) + counter++;
      out.add(name);
      p.string(2, name);
    }
    p.string(3, "n" + counter++).string(4, op);
    for (Attr a : attrs) {
      p.message(5, a.proto);
    }
    nodes.add(p);
    return out;
  }

  /** The serialized {@code ModelProto}. */
  public byte[] toModel() {
    ProtoWriter g = new ProtoWriter();
    nodes.forEach(n -> g.message(1, n));
    g.string(2, "openocr");
    initializers.forEach(t -> g.message(5, t));
    inputs.forEach(i -> g.message(11, i));
    outputs.forEach(o -> g.message(12, o));
    return new ProtoWriter().varint(1, IR_VERSION).string(2, "openocr")
        .message(7, g).message(8, new ProtoWriter().string(1, "").varint(2, OPSET))
        .toByteArray();
  }

  private static ProtoWriter valueInfo(String name, Object... dims) {
    ProtoWriter tensor = new ProtoWriter().varint(1, FLOAT);
    if (dims.length > 0) {
      ProtoWriter shape = new ProtoWriter();
      for (Object d : dims) {
        ProtoWriter dim = d instanceof String s ? new ProtoWriter().string(2, s)
            : new ProtoWriter().varint(1, ((Number) d).longValue());
        shape.message(1, dim);
      }
      tensor.message(2, shape);
    }
    return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensor));
  }

  /** A node attribute. */
  public static final class Attr {
    private final ProtoWriter proto;

    private Attr(ProtoWriter proto) {
      this.proto = proto;
    }

    public static Attr ints(String name, long... v) {
      return new Attr(new ProtoWriter().string(1, name).packedVarints(8, v).varint(20, 7));
    }

    public static Attr integer(String name, long v) {
      return new Attr(new ProtoWriter().string(1, name).varint(3, v).varint(20, 2));
    }

    public static Attr real(String name, float v) {
      return new Attr(new ProtoWriter().string(1, name).float32(2, v).varint(20, 1));
    }

    public static Attr text(String name, String v) {
      return new Attr(new ProtoWriter().string(1, name).string(4, v).varint(20, 3));
    }
  }
}
