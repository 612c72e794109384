package dev.openocr.recognize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.openocr.imageio.GrayImage;
import dev.openocr.nn.ModelBundle;
import dev.openocr.synth.CropGenerator;
import dev.openocr.synth.Lang;
import dev.openocr.synth.SynthConfig;
import dev.openocr.testing.TinyBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The width vote ({@code decoding.widthVote}): unsure crops read again stretched, the majority
 * kept. An untrained network reads differently at each width, so the vote has work to do.
 */
class WidthVoteTest {
  @TempDir static Path dir;
  static List<GrayImage> crops;
  /** One untrained bundle, so every bundle made from it has its weights. */
  static Path tiny;

  @BeforeAll
  static void setUp() {
    tiny = TinyBundles.recognizer(dir.resolve("tiny"));
    CropGenerator gen = CropGenerator.defaults(Lang.EN, SynthConfig.defaults());
    crops = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      crops.add(gen.generate(5100 + i).image());
    }
  }

  private static Recognition r(String text, double conf) {
    return new Recognition(text, conf, new float[0], null);
  }

  @Test
  void theTextMostReadingsShareWinsAndATieGoesToTheEarlierReading() {
    Recognition plain = r("cat", 0.4);
    Recognition a = r("eat", 0.9);
    Recognition b = r("eat", 0.3);
    Recognition c = r("car", 0.8);
    // the two stretched readings agree against the crop as it is
    assertThat(WidthVote.vote(List.of(plain, a, b))).isSameAs(a);
    // one agrees with it
    assertThat(WidthVote.vote(List.of(plain, a, r("cat", 0.9)))).isSameAs(plain);
    // all differ: the crop as it is
    assertThat(WidthVote.vote(List.of(plain, a, c))).isSameAs(plain);
    // two against two: the earlier
    assertThat(WidthVote.vote(List.of(plain, a, b, r("cat", 0.1)))).isSameAs(plain);
    assertThat(WidthVote.vote(List.of(plain))).isSameAs(plain);
  }

  /** A copy of the tiny bundle at {@code name} with {@code decoding.widthVote} of these scales. */
  private static RecognizerModel withVote(String name, double below, double... scales)
      throws java.io.IOException {
    JsonObject vote = new JsonObject();
    JsonArray s = new JsonArray();
    for (double x : scales) {
      s.add(x);
    }
    vote.add("scales", s);
    vote.addProperty("below", below);
    JsonObject decoding = new JsonObject();
    decoding.add("widthVote", vote);
    Path b = Files.createDirectories(dir.resolve(name));
    try (var files = Files.list(tiny)) {
      for (Path f : files.toList()) {
        Files.copy(f, b.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path manifest = b.resolve(ModelBundle.MANIFEST);
    JsonObject m = ModelBundle.GSON.fromJson(Files.readString(manifest), JsonObject.class);
    m.add(RecognizerModel.DECODING, decoding);
    Files.writeString(manifest, ModelBundle.GSON.toJson(m));
    return RecognizerModel.load(ModelBundle.open(b.toString()), "cpu");
  }

  /** The crops read by {@code m}'s network stretched by {@code scale}, no vote, no word list. */
  private static List<Recognition> stretched(RecognizerModel m, double scale) {
    return stretched(m, scale, crops);
  }

  /**
   * As {@link #stretched(RecognizerModel, double)}, of {@code some} crops (batched as the vote
   * batches them: an untrained network reads a crop a little differently in another batch).
   */
  private static List<Recognition> stretched(RecognizerModel m, double scale,
      List<GrayImage> some) {
    try (DjlRecognizer r = new DjlRecognizer(m.model().newPredictor(new RecognizerTranslator(
        m.spec(), m.charset(), null, 0, 1, scale)), null, false)) {
      return r.recognize(some);
    }
  }

  private static List<Recognition> read(RecognizerModel m) {
    try (TextRecognizer r = m.newRecognizer(false)) {
      return r.recognize(crops);
    }
  }

  @Test
  void everyCropIsReadStretchedAndTheAgreeingReadingsReplaceTheFirst() throws Exception {
    try (RecognizerModel m = withVote("twice", 1, 1.15, 1.15)) {
      assertThat(m.widthVote()).isEqualTo(new WidthVote(List.of(1.15, 1.15), 1));
      List<Recognition> plain = stretched(m, 1);
      List<Recognition> wide = stretched(m, 1.15);
      List<Recognition> voted = read(m);
      int differ = 0;
      for (int i = 0; i < crops.size(); i++) {
        // the two stretched readings agree, so they win wherever they differ from the first
        assertThat(voted.get(i).text()).as("crop %d", i).isEqualTo(wide.get(i).text());
        differ += wide.get(i).text().equals(plain.get(i).text()) ? 0 : 1;
      }
      assertThat(differ).as("stretching changes some readings").isPositive();
      // without the vote (the default; eval --width-vote turns it on) each crop is read once
      try (TextRecognizer once = m.newRecognizer(false, false)) {
        assertThat(once.recognize(crops)).extracting(Recognition::text)
            .containsExactlyElementsOf(plain.stream().map(Recognition::text).toList());
      }
    }
  }

  @Test
  void onlyTheCropsReadWithALowConfidenceAreReadAgain() throws Exception {
    List<Recognition> plain;
    try (RecognizerModel m = withVote("probe", 1, 1.15, 0.9)) {
      plain = stretched(m, 1);
    }
    double[] conf = plain.stream().mapToDouble(Recognition::confidence).sorted().toArray();
    double below = conf[conf.length / 2];
    List<GrayImage> unsure = new ArrayList<>();
    for (int i = 0; i < crops.size(); i++) {
      if (plain.get(i).confidence() < below) {
        unsure.add(crops.get(i));
      }
    }
    assertThat(unsure.size()).isBetween(1, crops.size() - 1);
    try (RecognizerModel m = withVote("half", below, 1.15, 1.15)) {
      List<Recognition> wide = stretched(m, 1.15);
      List<Recognition> wideUnsure = stretched(m, 1.15, unsure);
      List<Recognition> voted = read(m);
      int j = 0;
      int keptThoughStretchedDiffers = 0;
      for (int i = 0; i < crops.size(); i++) {
        if (plain.get(i).confidence() < below) {
          // the two stretched readings agree, so they replace the first
          assertThat(voted.get(i).text()).as("crop %d", i).isEqualTo(wideUnsure.get(j++).text());
        } else {
          assertThat(voted.get(i).text()).as("crop %d", i).isEqualTo(plain.get(i).text());
          keptThoughStretchedDiffers += wide.get(i).text().equals(plain.get(i).text()) ? 0 : 1;
        }
      }
      assertThat(keptThoughStretchedDiffers).isPositive();
    }
  }

  @Test
  void eachScaleReadsAtItsOwnWidthAndTheirAgreementDecides() throws Exception {
    try (RecognizerModel m = withVote("two", 1, 1.15, 0.9)) {
      List<Recognition> plain = stretched(m, 1);
      List<Recognition> wide = stretched(m, 1.15);
      List<Recognition> narrow = stretched(m, 0.9);
      List<Recognition> voted = read(m);
      for (int i = 0; i < crops.size(); i++) {
        String w = wide.get(i).text();
        String expected = w.equals(narrow.get(i).text()) ? w : plain.get(i).text();
        assertThat(voted.get(i).text()).as("crop %d", i).isEqualTo(expected);
      }
    }
  }

  @Test
  void aBadWidthVoteFailsAtLoadSayingWhat() {
    assertThatThrownBy(() -> withVote("one", 1, 1.0)).hasMessageContaining("not 1");
    assertThatThrownBy(() -> withVote("three", 1, 3.0)).hasMessageContaining("within 0.5..2");
    assertThatThrownBy(() -> withVote("none", 1)).hasMessageContaining("at least one scale");
    assertThatThrownBy(() -> withVote("zero", 0, 1.15)).hasMessageContaining("below");
    assertThatThrownBy(() -> withVote("zero", 0, 1.15)).hasMessageContaining("decoding.widthVote");
  }
}
