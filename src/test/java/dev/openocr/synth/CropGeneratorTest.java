package dev.openocr.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.geometry.Box;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CropGeneratorTest {

  @Test
  void labelsAreWordsWithinTheCharset() {
    for (Lang lang : Lang.values()) {
      BitSet cs = Charsets.asSet(lang);
      CropGenerator gen = CropGenerator.defaults(lang, SynthConfig.defaults());
      for (long s = 0; s < 150; s++) {
        SynthCrop c = gen.generate(s);
        assertThat(c.label()).isNotEmpty().doesNotContain(" ");
        assertThat(c.label().chars()).as(c.label()).allMatch(cs::get);
        assertThat(c.image().height()).isEqualTo(32);
        assertThat(c.image().width()).isPositive();
      }
    }
  }

  @Test
  void phraseCropsHoldNeighbouringWordsWithTheirSpaces() {
    SynthConfig cfg = SynthConfig.clean();
    cfg.cropPhraseProb = 1;
    CropGenerator gen = CropGenerator.defaults(Lang.EN, cfg);
    int phrases = 0;
    double phraseAspect = 0;
    double wordAspect = 0;
    int words = 0;
    for (long s = 0; s < 120; s++) {
      SynthCrop c = gen.generate(s);
      String[] parts = c.label().split(" ", -1);
      assertThat(parts).as(c.label()).hasSizeBetween(1, 3).allMatch(p -> !p.isEmpty());
      double aspect = (double) c.image().width() / c.image().height();
      if (parts.length > 1) {
        phrases++;
        phraseAspect += aspect / c.label().length();
      } else {
        words++;
        wordAspect += aspect / c.label().length();
      }
    }
    // both neighbours are drawn with probability 0.7 each, so about 9 crops in 10 are phrases
    assertThat(phrases).isGreaterThan(90);
    assertThat(words).isPositive();
    // the box takes in every word of the label: per character, phrase crops are as wide as
    // one-word crops (a box around the middle word alone would be about half as wide)
    assertThat(phraseAspect / phrases).isGreaterThan(0.7 * wordAspect / words);
  }

  @Test
  void cropsAreDeterministicAndShowInk() {
    CropGenerator gen = CropGenerator.defaults(Lang.EN, SynthConfig.clean());
    SynthCrop a = gen.generate(77);
    assertThat(gen.generate(77).image().pixels()).isEqualTo(a.image().pixels());
    int min = 255;
    for (byte b : a.image().pixels()) {
      min = Math.min(min, b & 0xff);
    }
    assertThat(min).as("darkest pixel").isLessThan(128);
  }

  @Test
  void onlySmallTextIsSparedTheStrokeMergingEffects() {
    // print crops are never bled: left out, so every crop takes the effect
    SynthConfig off = SynthConfig.defaults().set("legibleEm", "0").set("bleedProb", "1")
        .set("boldProb", "0").set("printCropProb", "0");
    SynthConfig on = SynthConfig.defaults().set("bleedProb", "1").set("boldProb", "0")
        .set("printCropProb", "0");
    // text of 17-20 px is above the limit even for faces that are bold by design: the guard
    // changes no pixel
    for (SynthConfig c : List.of(off, on)) {
      c.set("fontMin", "17").set("fontMax", "20");
    }
    for (long s = 0; s < 10; s++) {
      assertThat(Arrays.equals(CropGenerator.defaults(Lang.EN, on).generate(s).image().pixels(),
          CropGenerator.defaults(Lang.EN, off).generate(s).image().pixels())).as("seed %d", s)
          .isTrue();
    }
    // text of 9-12 px is not bled: lighter crops from the same draws
    for (SynthConfig c : List.of(off, on)) {
      c.set("fontMin", "9").set("fontMax", "12");
    }
    for (long s = 0; s < 10; s++) {
      SynthCrop a = CropGenerator.defaults(Lang.EN, on).generate(s);
      SynthCrop b = CropGenerator.defaults(Lang.EN, off).generate(s);
      assertThat(a.label()).isEqualTo(b.label());
      assertThat(inkSum(a)).as("seed %d", s).isLessThan(inkSum(b));
    }
    assertThat(on.fragile(Lang.EN, 12.9, false)).isTrue();
    assertThat(on.fragile(Lang.EN, 13, false)).isFalse();
    assertThat(on.fragile(Lang.EN, 15, true)).isTrue();
    assertThat(on.fragile(Lang.KO, 15, false)).isTrue();
  }

  private static long inkSum(SynthCrop c) {
    long s = 0;
    for (byte b : c.image().pixels()) {
      s += 255 - (b & 0xff);
    }
    return s;
  }

  @Test
  void boxesStopHalfwayToTheNeighbouringWords() {
    Box ink = new Box(100, 10, 160, 30);
    Box left = new Box(40, 10, 90, 30);
    Box right = new Box(170, 12, 200, 28);
    Box loose = new Box(80, 0, 180, 40);
    assertThat(CropGenerator.withinSpaces(loose, ink, left, right))
        .isEqualTo(new Box(95, 0, 165, 40));
    assertThat(CropGenerator.withinSpaces(loose, ink, null, null)).isEqualTo(loose);
    Box tight = new Box(99, 0, 161, 40);
    assertThat(CropGenerator.withinSpaces(tight, ink, left, right)).isEqualTo(tight);
  }

  @Test
  void koreanCropsContainHangul() {
    CropGenerator gen = CropGenerator.defaults(Lang.KO, SynthConfig.defaults());
    long hangul = 0;
    for (long s = 0; s < 50; s++) {
      hangul += gen.generate(s).label().chars().filter(c -> c >= 0xAC00 && c <= 0xD7A3).count();
    }
    assertThat(hangul).isGreaterThan(30);
  }

  @Test
  void writerWritesLabelsInOrder(@TempDir Path dir) throws Exception {
    CropGenerator gen = CropGenerator.defaults(Lang.EN, SynthConfig.defaults());
    SynthWriter.writeCrops(gen, Lang.EN, 3, 5, dir, new SynthWriter.Options(false, false, 2));
    List<String> rows = Files.readAllLines(dir.resolve("crops/labels.tsv"));
    assertThat(rows).hasSize(5);
    assertThat(rows.get(0)).startsWith("en-3-0000000.png\t");
    assertThat(dir.resolve("crops/en-3-0000004.png")).exists();
  }

  @Test
  void pageCropsGiveEveryWordOfAPage() {
    SynthConfig cfg = SynthConfig.clean();
    SynthPage page = PageGenerator.defaults(Lang.EN, cfg).generate(8);
    List<SynthCrop> crops = PageCrops.cut(page, cfg, 1);
    assertThat(crops).hasSize(page.words().size());
    for (int i = 0; i < crops.size(); i++) {
      assertThat(crops.get(i).label()).isEqualTo(page.words().get(i).text());
      assertThat(crops.get(i).image().height()).isEqualTo(32);
    }
    assertThat(PageCrops.cut(page, cfg, 1).get(3).image().pixels())
        .isEqualTo(crops.get(3).image().pixels());
  }

  @Test
  void printCropsTakeNoStrokeDamage() {
    SynthConfig print = SynthConfig.defaults().printLike();
    for (String k : new String[] {"bleedProb", "brokenProb", "fadeProb", "typewriterProb",
        "speckleProb", "trackingProb", "printCropProb"}) {
      assertThat(Double.parseDouble(print.asMap().get(k))).as(k).isZero();
    }
    assertThat(print.fontMin).isEqualTo(SynthConfig.defaults().fontMin);
    SynthConfig all = SynthConfig.defaults().set("printCropProb", "1");
    for (long s = 0; s < 5; s++) {
      assertThat(CropGenerator.defaults(Lang.EN, all).generate(s).image().pixels())
          .isEqualTo(CropGenerator.defaults(Lang.EN, all).generate(s).image().pixels());
    }
  }
}
