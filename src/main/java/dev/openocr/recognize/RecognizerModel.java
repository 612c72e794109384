package dev.openocr.recognize;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.google.gson.JsonObject;
import dev.openocr.nn.Devices;
import dev.openocr.nn.ModelBundle;
import dev.openocr.nn.Params;
import java.nio.charset.StandardCharsets;

/**
 * A loaded recognizer bundle, shared by the threads of a JVM. Each thread takes its own
 * {@link TextRecognizer} from {@link #newRecognizer()}.
 */
public final class RecognizerModel implements AutoCloseable {
  public static final String KIND = "recognizer";
  public static final String CHARSET_FILE = "charset.txt";
  /** Manifest section of decoding settings (the optional word list). */
  public static final String DECODING = "decoding";

  private final Model model;
  private final RecognizerSpec spec;
  private final Charset charset;
  private final String id;
  private final LexiconDecoder lexicon;
  private final double minSpace;
  private final int beam;

  RecognizerModel(Model model, RecognizerSpec spec, Charset charset, String id,
      LexiconDecoder lexicon, double minSpace, int beam) {
    this.model = model;
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
    Model m = Model.newInstance(name, Devices.of(device));
    Block block = RecognizerNet.build(spec, charset.numClasses());
    m.setBlock(block);
    block.initialize(m.getNDManager(), DataType.FLOAT32, new Shape(1, 1, spec.inputHeight(), 64));
    return m;
  }

  /** Loads a bundle and checks its weights' sha256. */
  public static RecognizerModel load(ModelBundle bundle, String device) {
    if (!KIND.equals(bundle.kind())) {
      throw new IllegalArgumentException(bundle.location() + " is a " + bundle.kind()
          + " bundle, not a recognizer");
    }
    RecognizerSpec spec = specOf(bundle.architecture());
    Charset cs = Charset.parse(new String(bundle.file(CHARSET_FILE), StandardCharsets.UTF_8));
    byte[] weights = bundle.weights();
    LexiconDecoder lexicon = lexiconOf(bundle, cs);
    Model m = newModel(bundle.id(), spec, cs, device);
    Params.load(m.getBlock(), m.getNDManager(), weights, bundle.location());
    return new RecognizerModel(m, spec, cs, bundle.versionedId(), lexicon, minSpaceOf(bundle),
        beamOf(bundle));
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
   * Prefix beams a CTC reading keeps ({@link CtcDecoder#beam}), from the manifest's optional
   * {@code decoding.beam} (default 1: greedy decoding, as every bundle before session 19).
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
   * section: {@code {"lexicon": "lexicon.txt" | "classpath:...", "margin": 3.0,
   * "minLength": 3, "oneEditUpTo": 4, "maxCandidates": 48, "names": true}}. Null when there is
   * none.
   */
  static LexiconDecoder lexiconOf(ModelBundle bundle, Charset cs) {
    JsonObject m = bundle.manifest();
    if (!m.has(DECODING) || !m.getAsJsonObject(DECODING).has("lexicon")) {
      return null;
    }
    JsonObject d = m.getAsJsonObject(DECODING);
    String name = d.get("lexicon").getAsString();
    byte[] words;
    try {
      words = bundle.fileOrResource(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(bundle.location() + "/" + ModelBundle.MANIFEST
          + " names lexicon " + name + ": " + e.getMessage(), e);
    }
    LexiconDecoder.Settings def = LexiconDecoder.Settings.DEFAULT;
    LexiconDecoder.Settings s = new LexiconDecoder.Settings(
        d.has("minLength") ? d.get("minLength").getAsInt() : def.minLength(),
        d.has("oneEditUpTo") ? d.get("oneEditUpTo").getAsInt() : def.oneEditUpTo(),
        d.has("margin") ? d.get("margin").getAsDouble() : def.margin(),
        d.has("maxCandidates") ? d.get("maxCandidates").getAsInt() : def.maxCandidates(),
        d.has("names") ? d.get("names").getAsBoolean() : def.names());
    Lexicon lex = Lexicon.read(new java.io.ByteArrayInputStream(words), bundle.location() + "/" + name);
    return new LexiconDecoder(lex, cs, s);
  }

  public static RecognizerSpec specOf(JsonObject a) {
    return new RecognizerSpec(
        RecognizerSpec.Transformation.valueOf(a.get("transformation").getAsString()),
        RecognizerSpec.Features.valueOf(a.get("features").getAsString()),
        RecognizerSpec.Sequence.valueOf(a.get("sequence").getAsString()),
        RecognizerSpec.Prediction.valueOf(a.get("prediction").getAsString()),
        a.get("inputHeight").getAsInt(), a.get("maxWidth").getAsInt(),
        a.has("hidden") ? a.get("hidden").getAsInt() : 0,
        a.has("sequenceLayers") ? a.get("sequenceLayers").getAsInt() : 1,
        a.has("featureBlocks") ? a.get("featureBlocks").getAsInt() : 0);
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
    if (s.sequenceLayers() != 1) {
      // absent means one layer, so one-layer bundles read as before
      a.addProperty("sequenceLayers", s.sequenceLayers());
    }
    if (s.featureBlocks() != 0) {
      // absent means none, so earlier bundles read as before
      a.addProperty("featureBlocks", s.featureBlocks());
    }
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
    return new DjlRecognizer(model.newPredictor(
        new RecognizerTranslator(spec, charset, useLexicon ? lexicon : null, minSpace, beam)),
        useLexicon && lexicon != null ? lexicon.lexicon() : null, charset.wordSpaceLabel() > 0);
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
    model.close();
  }
}
