package dev.openocr.recognize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import com.google.gson.JsonObject;
import dev.openocr.cli.Main;
import dev.openocr.imageio.GrayImage;
import dev.openocr.nn.ModelBundle;
import dev.openocr.synth.CropGenerator;
import dev.openocr.synth.Lang;
import dev.openocr.synth.SynthConfig;
import dev.openocr.testing.TinyBundles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ensemble bundle ({@code openocr ensemble}): the shipped English recognizer with an untrained
 * one of the same charset, so their readings differ.
 */
class EnsembleTest {
  private static final String SHIPPED = "classpath:models/crnn-lean-en";
  @TempDir static Path dir;
  static String tiny;
  static List<GrayImage> crops;

  @BeforeAll
  static void setUp() {
    try (RecognizerModel shipped = RecognizerModel.load(ModelBundle.open(SHIPPED), "cpu")) {
      tiny = TinyBundles.recognizer(dir.resolve("tiny"), shipped.charset()).toString();
    }
    CropGenerator gen = CropGenerator.defaults(Lang.EN, SynthConfig.defaults());
    crops = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      crops.add(gen.generate(4100 + i).image());
    }
  }

  /** An ensemble bundle of {@code members} (the first reads every crop). */
  private static String ensemble(String name, List<String> members, String... args) {
    Path out = dir.resolve(name);
    List<String> cmd = new ArrayList<>(List.of("ensemble", "--output", out.toString()));
    cmd.addAll(Arrays.asList(args));
    cmd.addAll(members);
    assertThat(Main.execute(cmd.toArray(String[]::new))).isZero();
    return out.toString();
  }

  /** Each crop's softmax output over the frames its width covers, as the network gives it. */
  private static List<RawOutputs.Output> raw(RecognizerModel m) throws TranslateException {
    try (Predictor<List<GrayImage>, List<RawOutputs.Output>> p = m.model().newPredictor(
        new RawOutputs(m.spec(), m.charset().numClasses()))) {
      return p.predict(crops);
    }
  }

  private static List<Recognition> read(RecognizerModel m) {
    return read(m, crops);
  }

  private static List<Recognition> read(RecognizerModel m, List<GrayImage> some) {
    try (TextRecognizer r = m.newRecognizer(false)) {
      return r.recognize(some);
    }
  }

  @Test
  void combinesTheMembersPerFrameDistributionsByMeanOrGeometricMean() throws Exception {
    String mean = ensemble("mean", List.of(SHIPPED, tiny), "--combine", "mean");
    String geo = ensemble("geo", List.of(SHIPPED, tiny), "--combine", "geometric");
    try (RecognizerModel a = RecognizerModel.load(ModelBundle.open(SHIPPED), "cpu");
         RecognizerModel b = RecognizerModel.load(ModelBundle.open(tiny), "cpu");
         RecognizerModel em = RecognizerModel.load(ModelBundle.open(mean), "cpu");
         RecognizerModel eg = RecognizerModel.load(ModelBundle.open(geo), "cpu")) {
      List<RawOutputs.Output> pa = raw(a);
      List<RawOutputs.Output> pb = raw(b);
      List<RawOutputs.Output> pm = raw(em);
      List<RawOutputs.Output> pg = raw(eg);
      int k = a.charset().numClasses();
      double differ = 0;
      for (int c = 0; c < crops.size(); c++) {
        float[] x = pa.get(c).probs();
        float[] y = pb.get(c).probs();
        assertThat(pm.get(c).t()).isEqualTo(pa.get(c).t());
        for (int f = 0; f < pa.get(c).t(); f++) {
          double z = 0;
          for (int j = 0; j < k; j++) {
            z += Math.sqrt((double) x[f * k + j] * y[f * k + j]);
          }
          for (int j = 0; j < k; j++) {
            int i = f * k + j;
            assertThat(pm.get(c).probs()[i]).isCloseTo((x[i] + y[i]) / 2, within(1e-4f));
            assertThat(pg.get(c).probs()[i])
                .isCloseTo((float) (Math.sqrt((double) x[i] * y[i]) / z), within(1e-4f));
            differ = Math.max(differ, Math.abs(x[i] - y[i]));
          }
        }
      }
      // the members disagree, so the combination is not one of them
      assertThat(differ).isGreaterThan(0.1);
      assertThat(em.ensemble().combine()).isEqualTo(EnsembleNet.Combine.MEAN);
      assertThat(eg.ensemble().combine()).isEqualTo(EnsembleNet.Combine.GEOMETRIC);
    }
  }

  @Test
  void readsAgainWithTheWholeEnsembleOnlyTheCropsTheFirstMemberIsUnsureOf() {
    // the untrained network first: its readings are unsure and the trained one changes them
    List<String> members = List.of(tiny, SHIPPED);
    List<Recognition> first;
    try (RecognizerModel a = RecognizerModel.load(ModelBundle.open(tiny), "cpu")) {
      first = read(a);
    }
    double[] conf = first.stream().mapToDouble(Recognition::confidence).sorted().toArray();
    double threshold = conf[conf.length / 2];
    List<GrayImage> unsureCrops = new ArrayList<>();
    for (int i = 0; i < crops.size(); i++) {
      if (first.get(i).confidence() < threshold) {
        unsureCrops.add(crops.get(i));
      }
    }
    List<Recognition> all;
    // the cascade reads the unsure crops again in batches of their own, whose padding differs
    // from that of batches of every crop; the untrained member's reading depends on it
    List<Recognition> allUnsure;
    try (RecognizerModel e = RecognizerModel.load(
        ModelBundle.open(ensemble("always", members, "--rerun-below", "1")), "cpu")) {
      all = read(e);
      allUnsure = read(e, unsureCrops);
    }
    List<Recognition> never;
    try (RecognizerModel e = RecognizerModel.load(
        ModelBundle.open(ensemble("never", members, "--rerun-below", "0")), "cpu")) {
      never = read(e);
    }
    List<Recognition> cascade;
    try (RecognizerModel e = RecognizerModel.load(ModelBundle.open(
        ensemble("cascade", members, "--rerun-below", Double.toString(threshold))), "cpu")) {
      assertThat(e.ensemble().rerunBelow()).isEqualTo(threshold);
      cascade = read(e);
    }
    int unsure = 0;
    int changed = 0;
    for (int i = 0; i < crops.size(); i++) {
      assertThat(never.get(i).text()).isEqualTo(first.get(i).text());
      Recognition expected = first.get(i).confidence() < threshold ? allUnsure.get(unsure++)
          : first.get(i);
      assertThat(cascade.get(i).text()).as("crop %d", i).isEqualTo(expected.text());
      assertThat(cascade.get(i).confidence()).isCloseTo(expected.confidence(), within(1e-3));
      changed += all.get(i).text().equals(first.get(i).text()) ? 0 : 1;
    }
    assertThat(unsure).isBetween(1, crops.size() - 1);
    assertThat(changed).as("the trained member changes readings").isPositive();
  }

  private static Path withEnsemble(Path dir, JsonObject section) {
    return TinyBundles.recognizerWith(dir, RecognizerModel.ENSEMBLE, section);
  }

  @Test
  void aBadEnsembleSectionFailsAtLoadSayingWhat() throws Exception {
    JsonObject arch = ModelBundle.open(tiny).architecture();
    JsonObject none = new JsonObject();
    none.add("members", new com.google.gson.JsonArray());
    assertThatThrownBy(() -> RecognizerModel.load(
        ModelBundle.open(withEnsemble(dir.resolve("none"), none).toString()), "cpu"))
        .hasMessageContaining("names no further members");
    JsonObject ok = new JsonObject();
    com.google.gson.JsonArray members = new com.google.gson.JsonArray();
    members.add(arch);
    ok.add("members", members);
    ok.addProperty("rerunBelow", 1.5);
    assertThatThrownBy(() -> RecognizerModel.load(
        ModelBundle.open(withEnsemble(dir.resolve("above"), ok).toString()), "cpu"))
        .hasMessageContaining("rerunBelow must be within 0..1");
    ok.addProperty("rerunBelow", 0.5);
    ok.addProperty("combine", "MEDIAN");
    assertThatThrownBy(() -> RecognizerModel.load(
        ModelBundle.open(withEnsemble(dir.resolve("median"), ok).toString()), "cpu"))
        .hasMessageContaining("combine must be MEAN or GEOMETRIC");
    JsonObject attn = arch.deepCopy();
    attn.addProperty("prediction", "ATTN");
    attn.addProperty("hidden", 64);
    members.set(0, attn);
    ok.addProperty("combine", "MEAN");
    assertThatThrownBy(() -> RecognizerModel.load(
        ModelBundle.open(withEnsemble(dir.resolve("attn"), ok).toString()), "cpu"))
        .hasMessageContaining("only CTC recognizers combine");
    // the section is valid, but the weights file holds one network, not two
    members.set(0, arch);
    assertThatThrownBy(() -> RecognizerModel.load(
        ModelBundle.open(withEnsemble(dir.resolve("short"), ok).toString()), "cpu"))
        .hasMessageContaining("Cannot load weights");
  }
}
