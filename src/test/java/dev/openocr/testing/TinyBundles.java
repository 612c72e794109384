package dev.openocr.testing;

import com.google.gson.JsonObject;
import dev.openocr.detect.DetectorModel;
import dev.openocr.detect.DetectorOptions;
import dev.openocr.detect.DetectorSpec;
import dev.openocr.nn.ModelBundle;
import dev.openocr.nn.Params;
import dev.openocr.recognize.Charset;
import dev.openocr.recognize.RecognizerModel;
import dev.openocr.recognize.RecognizerSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes untrained (random-weight) but complete bundles, for tests that need the real loading and
 * inference path without the shipped models.
 */
public final class TinyBundles {
  /** Seed of the random weights: every test sees the same tiny bundles. */
  private static final int SEED = 1206;

  private TinyBundles() {}

  /** A lean detector bundle in {@code dir}; returns its path. */
  public static Path detector(Path dir) {
    return detector(dir, SEED);
  }

  /** A lean detector bundle whose random weights come from {@code seed}. */
  public static Path detector(Path dir, int seed) {
    ai.djl.engine.Engine.getInstance().setRandomSeed(seed);
    try (DetectorModel m = DetectorModel.create(DetectorSpec.lean(), "cpu")) {
      JsonObject j = new JsonObject();
      j.addProperty("id", "craft-lean-test");
      j.addProperty("kind", DetectorModel.KIND);
      JsonObject a = new JsonObject();
      a.addProperty("variant", "lean");
      j.add("architecture", a);
      j.add("inference", DetectorModel.optionsJson(DetectorOptions.defaults().withMagRatio(1.0)));
      ModelBundle.write(dir, j, Params.save(m.model().getBlock()), Map.of());
    }
    return dir;
  }

  /** A lean CTC recognizer bundle (no BiLSTM, small) over the English charset. */
  public static Path recognizer(Path dir) {
    return recognizer(dir, Charset.builtin("en"));
  }

  /** A lean CTC recognizer bundle (no BiLSTM, small) over {@code cs}. */
  public static Path recognizer(Path dir, Charset cs) {
    return recognizer(dir, cs, SEED);
  }

  /** A lean CTC recognizer bundle over {@code cs} whose random weights come from {@code seed}. */
  public static Path recognizer(Path dir, Charset cs, int seed) {
    RecognizerSpec spec = new RecognizerSpec(RecognizerSpec.Transformation.NONE,
        RecognizerSpec.Features.LEAN, RecognizerSpec.Sequence.NONE, RecognizerSpec.Prediction.CTC,
        32, 256, 0, 1, 0, RecognizerSpec.WIDTH_STRIDE);
    ai.djl.engine.Engine.getInstance().setRandomSeed(seed);
    try (RecognizerModel m = RecognizerModel.create(spec, cs, "cpu")) {
      JsonObject j = new JsonObject();
      j.addProperty("id", "crnn-lean-test");
      j.addProperty("kind", RecognizerModel.KIND);
      j.add("architecture", RecognizerModel.architectureJson(spec));
      ModelBundle.write(dir, j, Params.save(m.model().getBlock()),
          Map.of(RecognizerModel.CHARSET_FILE, cs.chars().getBytes(StandardCharsets.UTF_8)));
    }
    return dir;
  }

  /**
   * A tiny recognizer bundle ({@link #recognizer(Path)}) whose manifest has {@code section} set
   * to {@code value}, for tests of a manifest section.
   */
  public static Path recognizerWith(Path dir, String section, JsonObject value) {
    recognizer(dir);
    Path manifest = dir.resolve(ModelBundle.MANIFEST);
    try {
      JsonObject m = ModelBundle.GSON.fromJson(Files.readString(manifest), JsonObject.class);
      m.add(section, value);
      Files.writeString(manifest, ModelBundle.GSON.toJson(m));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }
}
