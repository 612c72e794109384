package dev.openocr.recognize;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.openocr.nn.Backend;
import dev.openocr.nn.Devices;
import dev.openocr.nn.ModelBundle;
import dev.openocr.nn.Params;
import dev.openocr.nn.onnx.OnnxExport;
import dev.openocr.nn.onnx.OrtModels;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A loaded recognizer bundle, shared by the threads of a JVM. Each thread takes its own
 * {@link TextRecognizer} from {@link #newRecognizer()}.
 */
public final class RecognizerModel implements AutoCloseable {
  public static final String KIND = "recognizer";
  public static final String CHARSET_FILE = "charset.txt";
  /** Manifest section of decoding settings (the optional word list). */
  public static final String DECODING = "decoding";
  /** Manifest section of an ensemble's further members ({@link Ensemble}). */
  public static final String ENSEMBLE = "ensemble";

  /**
   * The members after the first of an ensemble bundle (the first is the manifest's
   * {@code architecture}), their weights following the first's in the one weights file.
   *
   * @param rerunBelow the ensemble reads a crop again when the first member alone reads it with
   *     a confidence below this (0: never, 1: every crop)
   */
  public record Ensemble(List<RecognizerSpec> others, double rerunBelow,
      EnsembleNet.Combine combine) {
    public Ensemble {
      others = List.copyOf(others);
      if (others.isEmpty()) {
        throw new IllegalArgumentException("An ensemble needs a member besides the first");
      }
      if (!(rerunBelow >= 0 && rerunBelow <= 1)) {
        throw new IllegalArgumentException("rerunBelow must be within 0..1, not " + rerunBelow);
      }
    }
  }

  private final Model model;
  /** What plain readers run on: {@link #model}, or its ONNX export on ONNX Runtime. */
  private Model inference;
  private final RecognizerSpec spec;
  private final Charset charset;
  private final String id;
  private final LexiconDecoder lexicon;
  private final double minSpace;
  private final int beam;
  private final Ensemble ensemble;
  private final WidthVote widthVote;
  /** An ensemble's first member as a model of its own (sharing its parameters), or null. */
  private final Model first;

  RecognizerModel(Model model, RecognizerSpec spec, Charset charset, String id,
      LexiconDecoder lexicon, double minSpace, int beam) {
    this(model, spec, charset, id, lexicon, minSpace, beam, null);
  }

  RecognizerModel(Model model, RecognizerSpec spec, Charset charset, String id,
      LexiconDecoder lexicon, double minSpace, int beam, Ensemble ensemble) {
    this(model, spec, charset, id, lexicon, minSpace, beam, ensemble, null);
  }

  RecognizerModel(Model model, RecognizerSpec spec, Charset charset, String id,
      LexiconDecoder lexicon, double minSpace, int beam, Ensemble ensemble, WidthVote widthVote) {
    this.ensemble = ensemble;
    this.widthVote = widthVote;
    this.model = model;
    this.inference = model;
    if (ensemble != null) {
      first = Model.newInstance(model.getName() + "-first", model.getNDManager().getDevice());
      first.setBlock(((EnsembleNet) model.getBlock()).first());
    } else {
      first = null;
    }
    this.spec = spec;
    this.charset = charset;
    this.id = id;
    this.lexicon = lexicon;
    this.minSpace = minSpace;
    this.beam = beam;
  }

  /** Builds an untrained model (random weights) for training or tests. */
  public static RecognizerModel create(RecognizerSpec spec, Charset charset, String device) {
    return new RecognizerModel(newModel("recognizer", spec, charset, device), spec, charset,
        "untrained", null, 0, 1);
  }

  /** A model holding the initialized (random) network of {@code spec}. */
  private static Model newModel(String name, RecognizerSpec spec, Charset charset, String device) {
    return newModel(name, spec, null, charset, device);
  }

  /** As {@link #newModel(String, RecognizerSpec, Charset, String)}, of an ensemble if one. */
  private static Model newModel(String name, RecognizerSpec spec, Ensemble ensemble,
      Charset charset, String device) {
    Model m = Model.newInstance(name, Devices.of(device));
    Block block = RecognizerNet.build(spec, charset.numClasses());
    if (ensemble != null) {
      List<Block> members = new java.util.ArrayList<>();
      members.add(block);
      for (RecognizerSpec o : ensemble.others()) {
        members.add(RecognizerNet.build(o, charset.numClasses()));
      }
      block = new EnsembleNet(members, ensemble.combine());
    }
    m.setBlock(block);
    block.initialize(m.getNDManager(), DataType.FLOAT32, new Shape(1, 1, spec.inputHeight(), 64));
    return m;
  }

  /** Loads a bundle and checks its weights' sha256; inference on libtorch. */
  public static RecognizerModel load(ModelBundle bundle, String device) {
    return load(bundle, device, Backend.PYTORCH, 1);
  }

  /**
   * Loads a bundle and checks its weights' sha256, with inference on {@code backend} (ONNX
   * Runtime only on the CPU, and only for networks {@link #onnx} exports; others stay on
   * libtorch) with {@code threads} intra-op threads.
   */
  public static RecognizerModel load(ModelBundle bundle, String device, Backend backend,
      int threads) {
    RecognizerModel m = loadTorch(bundle, device);
    if (backend.on(device) != Backend.ONNX) {
      return m;
    }
    byte[] graph;
    try {
      graph = m.onnx();
    } catch (UnsupportedOperationException e) {
      java.util.logging.Logger.getLogger(RecognizerModel.class.getName()).info(
          e.getMessage() + ": " + m.id + " runs on libtorch");
      return m;
    }
    try {
      m.inference = OrtModels.load(m.id, graph, threads);
      return m;
    } catch (RuntimeException e) {
      m.close();
      throw e;
    }
  }

  private static RecognizerModel loadTorch(ModelBundle bundle, String device) {
    if (!KIND.equals(bundle.kind())) {
      throw new IllegalArgumentException(bundle.location() + " is a " + bundle.kind()
          + " bundle, not a recognizer");
    }
    RecognizerSpec spec = specOf(bundle.architecture());
    Charset cs = Charset.parse(new String(bundle.file(CHARSET_FILE), StandardCharsets.UTF_8));
    byte[] weights = bundle.weights();
    LexiconDecoder lexicon = lexiconOf(bundle, cs);
    Ensemble ensemble = ensembleOf(bundle, spec);
    WidthVote widthVote = widthVoteOf(bundle);
    Model m = newModel(bundle.id(), spec, ensemble, cs, device);
    try {
      Params.load(m.getBlock(), m.getNDManager(), weights, bundle.location());
    } catch (RuntimeException e) {
      m.close();
      throw e;
    }
    return new RecognizerModel(m, spec, cs, bundle.versionedId(), lexicon, minSpaceOf(bundle),
        beamOf(bundle), ensemble, widthVote);
  }

  /**
   * The manifest's optional {@code ensemble} section: {@code {"members": [architecture, ...],
   * "rerunBelow": 0.9, "combine": "MEAN" | "GEOMETRIC"}}, the members after the first. Null when
   * there is none.
   */
  static Ensemble ensembleOf(ModelBundle bundle, RecognizerSpec first) {
    JsonObject m = bundle.manifest();
    if (!m.has(ENSEMBLE)) {
      return null;
    }
    String where = bundle.location() + "/" + ModelBundle.MANIFEST + ": " + ENSEMBLE;
    JsonObject e = m.getAsJsonObject(ENSEMBLE);
    if (!e.has("members") || e.getAsJsonArray("members").isEmpty()) {
      throw new IllegalArgumentException(where + " names no further members");
    }
    List<RecognizerSpec> others = new java.util.ArrayList<>();
    for (var a : e.getAsJsonArray("members")) {
      others.add(specOf(a.getAsJsonObject()));
    }
    List<RecognizerSpec> all = new java.util.ArrayList<>(others);
    all.add(0, first);
    for (RecognizerSpec s : all) {
      if (s.prediction() != RecognizerSpec.Prediction.CTC) {
        throw new IllegalArgumentException(where + ": only CTC recognizers combine, not " + s);
      }
      if (s.inputHeight() != first.inputHeight() || s.maxWidth() != first.maxWidth()
          || s.frameWidth() != first.frameWidth()) {
        throw new IllegalArgumentException(where + ": members differ in input size or frames (" + s
            + " against " + first + ")");
      }
    }
    double below = e.has("rerunBelow") ? e.get("rerunBelow").getAsDouble() : 1;
    EnsembleNet.Combine combine;
    try {
      combine = e.has("combine") ? EnsembleNet.Combine.valueOf(e.get("combine").getAsString())
          : EnsembleNet.Combine.MEAN;
    } catch (IllegalArgumentException x) {
      throw new IllegalArgumentException(where + ".combine must be MEAN or GEOMETRIC, not "
          + e.get("combine"), x);
    }
    try {
      return new Ensemble(others, below, combine);
    } catch (IllegalArgumentException x) {
      throw new IllegalArgumentException(where + ": " + x.getMessage(), x);
    }
  }

  /** The manifest section of an ensemble (inverse of {@link #ensembleOf}). */
  public static JsonObject ensembleJson(Ensemble e) {
    JsonObject o = new JsonObject();
    com.google.gson.JsonArray members = new com.google.gson.JsonArray();
    for (RecognizerSpec s : e.others()) {
      members.add(architectureJson(s));
    }
    o.add("members", members);
    o.addProperty("rerunBelow", e.rerunBelow());
    o.addProperty("combine", e.combine().name());
    return o;
  }

  /** A model of the given members (first, then {@code ensemble}'s), with random weights. */
  public static Model newEnsembleModel(RecognizerSpec first, Ensemble ensemble, Charset charset) {
    return newModel("ensemble", first, ensemble, charset, "cpu");
  }

  /** The further members when the bundle is an ensemble, or null. */
  public Ensemble ensemble() {
    return ensemble;
  }

  /**
   * The least probability of a word-space frame that parts words, from the manifest's optional
   * {@code decoding.wordSpaceMin} (default 0: whenever the space is a frame's best class).
   */
  static double minSpaceOf(ModelBundle bundle) {
    JsonObject m = bundle.manifest();
    if (!m.has(DECODING) || !m.getAsJsonObject(DECODING).has("wordSpaceMin")) {
      return 0;
    }
    double v = m.getAsJsonObject(DECODING).get("wordSpaceMin").getAsDouble();
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(bundle.location() + "/" + ModelBundle.MANIFEST
          + ": decoding.wordSpaceMin must be within 0..1, not " + v);
    }
    return v;
  }

  /**
   * The manifest's optional {@code decoding.widthVote}: {@code {"scales": [1.15, 0.9], "below":
   * 1}} ({@link WidthVote}; {@code below} defaults to 1). Null when there is none.
   */
  static WidthVote widthVoteOf(ModelBundle bundle) {
    JsonObject m = bundle.manifest();
    if (!m.has(DECODING) || !m.getAsJsonObject(DECODING).has("widthVote")) {
      return null;
    }
    String where = bundle.location() + "/" + ModelBundle.MANIFEST + ": decoding.widthVote";
    try {
      JsonObject v = m.getAsJsonObject(DECODING).getAsJsonObject("widthVote");
      List<Double> scales = new java.util.ArrayList<>();
      for (var s : v.getAsJsonArray("scales")) {
        scales.add(s.getAsDouble());
      }
      return new WidthVote(scales, v.has("below") ? v.get("below").getAsDouble() : 1);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(where + " must be {\"scales\": [factor, ...], "
          + "\"below\": confidence}: " + e.getMessage(), e);
    }
  }

  /**
   * Prefix beams a CTC reading keeps ({@link CtcDecoder#beam}), from the manifest's optional
   * {@code decoding.beam} (default 1: greedy decoding).
   */
  static int beamOf(ModelBundle bundle) {
    JsonObject m = bundle.manifest();
    if (!m.has(DECODING) || !m.getAsJsonObject(DECODING).has("beam")) {
      return 1;
    }
    com.google.gson.JsonElement e = m.getAsJsonObject(DECODING).get("beam");
    double v = e.getAsDouble();
    if (!(v >= 1 && v <= 64 && v == Math.rint(v))) {
      throw new IllegalArgumentException(bundle.location() + "/" + ModelBundle.MANIFEST
          + ": decoding.beam must be a whole number within 1..64, not " + e);
    }
    return (int) v;
  }

  /**
   * The bundle's word list for CTC decoding, from its manifest's optional {@code decoding}
   * section: {@code {"lexicon": "lexicon.txt" | "classpath:..." | [several], "endings": [...],
   * "margin": 3.0, "minLength": 3, "oneEditUpTo": 4, "maxCandidates": 48, "names": true,
   * "alternatives": 0}}. A
   * lexicon file is a word a line or running text ({@link Lexicon#words}). Null when there is
   * none.
   */
  static LexiconDecoder lexiconOf(ModelBundle bundle, Charset cs) {
    JsonObject m = bundle.manifest();
    if (!m.has(DECODING) || !m.getAsJsonObject(DECODING).has("lexicon")) {
      return null;
    }
    JsonObject d = m.getAsJsonObject(DECODING);
    JsonElement names = d.get("lexicon");
    List<String> words = new ArrayList<>();
    for (JsonElement n : names.isJsonArray() ? names.getAsJsonArray() : List.of(names)) {
      String name = n.getAsString();
      try {
        words.addAll(Lexicon.words(new ByteArrayInputStream(bundle.fileOrResource(name)),
            bundle.location() + "/" + name));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(bundle.location() + "/" + ModelBundle.MANIFEST
            + " names lexicon " + name + ": " + e.getMessage(), e);
      }
    }
    if (words.isEmpty()) {
      throw new IllegalArgumentException(bundle.location() + "/" + ModelBundle.MANIFEST
          + " names an empty lexicon: " + names);
    }
    List<String> endings = new ArrayList<>();
    if (d.has("endings")) {
      d.getAsJsonArray("endings").forEach(e -> endings.add(e.getAsString()));
    }
    LexiconDecoder.Settings def = LexiconDecoder.Settings.DEFAULT;
    LexiconDecoder.Settings s = new LexiconDecoder.Settings(
        d.has("minLength") ? d.get("minLength").getAsInt() : def.minLength(),
        d.has("oneEditUpTo") ? d.get("oneEditUpTo").getAsInt() : def.oneEditUpTo(),
        d.has("margin") ? d.get("margin").getAsDouble() : def.margin(),
        d.has("maxCandidates") ? d.get("maxCandidates").getAsInt() : def.maxCandidates(),
        d.has("names") ? d.get("names").getAsBoolean() : def.names(),
        d.has("alternatives") ? d.get("alternatives").getAsInt() : def.alternatives());
    return new LexiconDecoder(Lexicon.of(words), cs, s, endings);
  }

  public static RecognizerSpec specOf(JsonObject a) {
    return new RecognizerSpec(
        RecognizerSpec.Transformation.valueOf(a.get("transformation").getAsString()),
        RecognizerSpec.Features.valueOf(a.get("features").getAsString()),
        RecognizerSpec.Sequence.valueOf(a.get("sequence").getAsString()),
        RecognizerSpec.Prediction.valueOf(a.get("prediction").getAsString()),
        integer(a, "inputHeight"), integer(a, "maxWidth"), integer(a, "hidden"),
        integer(a, "sequenceLayers"), integer(a, "featureBlocks"), integer(a, "frameWidth"));
  }

  private static int integer(JsonObject a, String key) {
    if (!a.has(key) || !a.get(key).isJsonPrimitive()) {
      throw new IllegalArgumentException("model.json: architecture." + key + " is missing");
    }
    return a.get(key).getAsInt();
  }

  public static JsonObject architectureJson(RecognizerSpec s) {
    JsonObject a = new JsonObject();
    a.addProperty("transformation", s.transformation().name());
    a.addProperty("features", s.features().name());
    a.addProperty("sequence", s.sequence().name());
    a.addProperty("prediction", s.prediction().name());
    a.addProperty("inputHeight", s.inputHeight());
    a.addProperty("maxWidth", s.maxWidth());
    a.addProperty("hidden", s.hidden());
    a.addProperty("sequenceLayers", s.sequenceLayers());
    a.addProperty("featureBlocks", s.featureBlocks());
    a.addProperty("frameWidth", s.frameWidth());
    return a;
  }

  /**
   * A recognizer for the calling thread, decoding with the bundle's word list if it has one;
   * close it when the thread is done.
   */
  public TextRecognizer newRecognizer() {
    return newRecognizer(true);
  }

  /** A recognizer for the calling thread, with or without the bundle's word list. */
  public TextRecognizer newRecognizer(boolean useLexicon) {
    return newRecognizer(useLexicon, true);
  }

  /**
   * A recognizer for the calling thread, with or without the bundle's word list, and with or
   * without its width vote ({@code decoding.widthVote}).
   */
  public TextRecognizer newRecognizer(boolean useLexicon, boolean useWidthVote) {
    DjlRecognizer plain = reader(useLexicon, 1);
    if (widthVote == null || !useWidthVote) {
      return plain;
    }
    List<DjlRecognizer> stretched = new java.util.ArrayList<>();
    try {
      for (double s : widthVote.scales()) {
        stretched.add(reader(useLexicon, s));
      }
    } catch (RuntimeException e) {
      plain.close();
      stretched.forEach(DjlRecognizer::close);
      throw e;
    }
    return new WidthVoteRecognizer(plain, stretched, widthVote.below());
  }

  /**
   * A recognizer for a quick look at a few crops: the best path alone, without the word list or
   * the width vote.
   */
  public TextRecognizer newBestPathRecognizer() {
    return reader(false, 1, 1);
  }

  /** A recognizer of crops stretched by {@code widthScale}, without a width vote. */
  private DjlRecognizer reader(boolean useLexicon, double widthScale) {
    return reader(useLexicon, widthScale, beam);
  }

  private DjlRecognizer reader(boolean useLexicon, double widthScale, int beams) {
    RecognizerTranslator translator = new RecognizerTranslator(spec, charset,
        useLexicon ? lexicon : null, minSpace, beams, widthScale, inference != model);
    Predicate<String> words = useLexicon && lexicon != null ? lexicon::listed : null;
    boolean spaces = charset.wordSpaceLabel() > 0;
    if (ensemble == null) {
      return new DjlRecognizer(inference.newPredictor(translator), words, spaces);
    }
    return new DjlRecognizer(first.newPredictor(translator), model.newPredictor(translator),
        ensemble.rerunBelow(), words, spaces);
  }

  /**
   * The network as an ONNX model for a CPU runtime: prepared crops {@code [B, 1, H, W]} to each
   * frame's class probabilities {@code [B, T, classes]} (softmax included).
   *
   * @throws UnsupportedOperationException for an ensemble, a TPS rectifier or an attention
   *     decoder, which stay on the training engine
   */
  public byte[] onnx() {
    if (ensemble != null || spec.transformation() != RecognizerSpec.Transformation.NONE
        || spec.prediction() != RecognizerSpec.Prediction.CTC) {
      throw new UnsupportedOperationException("No ONNX export for " + spec.runName()
          + (ensemble != null ? " ensembles" : ""));
    }
    OnnxExport e = new OnnxExport().withSubFrameClasses(charset.numClasses());
    String x = e.graph().input("x", "B", 1L, (long) spec.inputHeight(), "W");
    e.graph().output(e.softmax(e.block(model.getBlock(), x), 2));
    return e.graph().toModel();
  }

  /** The bundle's width vote ({@code decoding.widthVote}), or null. */
  public WidthVote widthVote() {
    return widthVote;
  }

  /** Prefix beams of CTC decoding; 1 is greedy. */
  public int beam() {
    return beam;
  }

  /** The bundle's word-list decoder, or null. */
  public LexiconDecoder lexicon() {
    return lexicon;
  }

  public Model model() {
    return model;
  }

  public RecognizerSpec spec() {
    return spec;
  }

  public Charset charset() {
    return charset;
  }

  public String id() {
    return id;
  }

  @Override
  public void close() {
    if (first != null) {
      first.close();
    }
    if (inference != model) {
      inference.close();
    }
    model.close();
  }
}
