package dev.openocr.detect;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import dev.openocr.nn.Backend;
import dev.openocr.nn.Devices;
import dev.openocr.nn.ModelBundle;
import dev.openocr.nn.Params;
import dev.openocr.nn.onnx.OnnxExport;
import dev.openocr.nn.onnx.OrtModels;

/**
 * A loaded detector bundle, shared by the threads of a JVM; each thread takes its own
 * {@link TextDetector} from {@link #newDetector}.
 */
public final class DetectorModel implements AutoCloseable {
  public static final String KIND = "detector";
  private static final Shape INIT_SHAPE = new Shape(1, 1, 64, 64);

  private final Model model;
  /** What predictors run on: {@link #model}, or its ONNX export on ONNX Runtime. */
  private final Model inference;
  private final DetectorSpec spec;
  private final DetectorOptions defaults;
  private final String id;

  private DetectorModel(Model model, DetectorSpec spec, DetectorOptions defaults, String id) {
    this(model, model, spec, defaults, id);
  }

  private DetectorModel(Model model, Model inference, DetectorSpec spec, DetectorOptions defaults,
      String id) {
    this.model = model;
    this.inference = inference;
    this.spec = spec;
    this.defaults = defaults;
    this.id = id;
  }

  /** An untrained (random) model for training or tests. */
  public static DetectorModel create(DetectorSpec spec, String device) {
    return new DetectorModel(newModel("detector", spec, device), spec, DetectorOptions.defaults(),
        "untrained");
  }

  /** A model holding the initialized (random) network of {@code spec}. */
  private static Model newModel(String name, DetectorSpec spec, String device) {
    Model m = Model.newInstance(name, Devices.of(device));
    CraftNet net = new CraftNet(spec);
    m.setBlock(net);
    net.initialize(m.getNDManager(), DataType.FLOAT32, INIT_SHAPE);
    return m;
  }

  /** Loads a bundle, checking its weights' sha256; inference on libtorch. */
  public static DetectorModel load(ModelBundle bundle, String device) {
    return load(bundle, device, Backend.PYTORCH, 1);
  }

  /**
   * Loads a bundle, checking its weights' sha256, with inference on {@code backend} (ONNX Runtime
   * only on the CPU) with {@code threads} intra-op threads.
   */
  public static DetectorModel load(ModelBundle bundle, String device, Backend backend,
      int threads) {
    DetectorModel m = loadTorch(bundle, device);
    if (backend.on(device) != Backend.ONNX) {
      return m;
    }
    try {
      Model ort = OrtModels.load(m.id, m.onnx(), threads);
      return new DetectorModel(m.model, ort, m.spec, m.defaults, m.id);
    } catch (RuntimeException e) {
      m.close();
      throw e;
    }
  }

  private static DetectorModel loadTorch(ModelBundle bundle, String device) {
    checkKind(bundle);
    DetectorSpec spec = DetectorSpec.of(bundle.architecture().get("variant").getAsString());
    byte[] weights = bundle.weights();
    Model m = newModel(bundle.id(), spec, device);
    Params.load(m.getBlock(), m.getNDManager(), weights, bundle.location());
    DetectorOptions opts = optionsOf(bundle.manifest().getAsJsonObject("inference"));
    return new DetectorModel(m, spec, opts, bundle.versionedId());
  }

  /** A detector bundle's inference settings, read from its manifest without its weights. */
  public static DetectorOptions inferenceOptions(ModelBundle bundle) {
    checkKind(bundle);
    return optionsOf(bundle.manifest().getAsJsonObject("inference"));
  }

  private static void checkKind(ModelBundle bundle) {
    if (!KIND.equals(bundle.kind())) {
      throw new IllegalArgumentException(bundle.location() + " is a " + bundle.kind()
          + " bundle, not a detector");
    }
  }

  /** The manifest's {@code inference} section (every key present; see {@code BundleFormat}). */
  static DetectorOptions optionsOf(JsonObject o) {
    if (o == null) {
      throw new IllegalArgumentException("model.json has no inference section");
    }
    return new DetectorOptions(num(o, "magRatio"), (int) num(o, "maxSide"),
        (int) num(o, "tileSize"), (int) num(o, "tileOverlap"),
        new HeatmapPostProcessor.Thresholds(num(o, "textThreshold"), num(o, "linkThreshold"),
            num(o, "lowText"), (int) num(o, "minSize")),
        num(o, "boxPadding"), growthOf(present(o, "boxGrowth")),
        marginOf(present(o, "cropMargin")), autoScaleOf(present(o, "autoScale")),
        num(o, "sidewaysThreshold"), num(o, "joinGap"));
  }

  private static com.google.gson.JsonElement present(JsonObject o, String key) {
    if (!o.has(key)) {
      throw new IllegalArgumentException("model.json: inference." + key + " is missing");
    }
    return o.get(key);
  }

  private static double num(JsonObject o, String key) {
    com.google.gson.JsonElement e = present(o, key);
    if (e.isJsonNull() || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw new IllegalArgumentException("model.json: inference." + key + " must be a number, not "
          + e);
    }
    return e.getAsDouble();
  }

  /** Null: the fixed magnification. */
  static AutoScale autoScaleOf(com.google.gson.JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return null;
    }
    JsonObject a = e.getAsJsonObject();
    return new AutoScale(a.get("targetHeight").getAsDouble(), a.get("maxMag").getAsDouble(),
        a.get("probeSide").getAsInt(), a.get("tolerance").getAsDouble());
  }

  /** Null: CRAFT's dilation (bundles trained on ink-shaped character targets). */
  static HeatmapPostProcessor.BoxGrowth growthOf(com.google.gson.JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return null;
    }
    JsonObject g = e.getAsJsonObject();
    return new HeatmapPostProcessor.BoxGrowth(g.get("along").getAsDouble(),
        g.get("across").getAsDouble());
  }

  static DetectorOptions.CropMargin marginOf(com.google.gson.JsonElement e) {
    JsonObject m = e.getAsJsonObject();
    return new DetectorOptions.CropMargin(m.get("x").getAsDouble(), m.get("y").getAsDouble());
  }

  public static JsonObject optionsJson(DetectorOptions o) {
    JsonObject j = new JsonObject();
    j.addProperty("magRatio", o.magRatio());
    j.addProperty("maxSide", o.maxSide());
    j.addProperty("tileSize", o.tileSize());
    j.addProperty("tileOverlap", o.tileOverlap());
    j.addProperty("textThreshold", o.thresholds().textThreshold());
    j.addProperty("linkThreshold", o.thresholds().linkThreshold());
    j.addProperty("lowText", o.thresholds().lowText());
    j.addProperty("minSize", o.thresholds().minSize());
    j.addProperty("boxPadding", o.boxPadding());
    if (o.boxGrowth() != null) {
      JsonObject g = new JsonObject();
      g.addProperty("along", o.boxGrowth().along());
      g.addProperty("across", o.boxGrowth().across());
      j.add("boxGrowth", g);
    } else {
      j.add("boxGrowth", com.google.gson.JsonNull.INSTANCE);
    }
    JsonObject m = new JsonObject();
    m.addProperty("x", o.cropMargin().x());
    m.addProperty("y", o.cropMargin().y());
    j.add("cropMargin", m);
    if (o.autoScale() != null) {
      JsonObject a = new JsonObject();
      a.addProperty("targetHeight", o.autoScale().targetHeight());
      a.addProperty("maxMag", o.autoScale().maxMag());
      a.addProperty("probeSide", o.autoScale().probeSide());
      a.addProperty("tolerance", o.autoScale().tolerance());
      j.add("autoScale", a);
    } else {
      j.add("autoScale", com.google.gson.JsonNull.INSTANCE);
    }
    j.addProperty("sidewaysThreshold", o.sidewaysThreshold());
    j.addProperty("joinGap", o.joinGap());
    return j;
  }

  /** A detector with the bundle's own inference settings. */
  public TextDetector newDetector() {
    return newDetector(defaults);
  }

  /** A detector for the calling thread with explicit settings; close it when done. */
  public TextDetector newDetector(DetectorOptions options) {
    return new DjlDetector(inference.newPredictor(new DetectorTranslator()), spec, options);
  }

  /**
   * The network as an ONNX model for a CPU runtime: normalized gray {@code [1, 1, H, W]} (sides
   * multiples of {@link DetectorSpec#PAD_MULTIPLE}) to region and affinity maps
   * {@code [1, 2, H/2, W/2]}.
   */
  public byte[] onnx() {
    OnnxExport e = new OnnxExport();
    String x = e.graph().input("x", 1L, 1L, "H", "W");
    e.graph().output(e.block(model.getBlock(), x));
    return e.graph().toModel();
  }

  public DetectorOptions defaults() {
    return defaults;
  }

  public Model model() {
    return model;
  }

  public DetectorSpec spec() {
    return spec;
  }

  public String id() {
    return id;
  }

  @Override
  public void close() {
    try {
      if (inference != model) {
        inference.close();
      }
    } finally {
      model.close();
    }
  }
}
