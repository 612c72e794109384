package dev.openocr.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.geometry.Box;
import dev.openocr.geometry.Quad;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageGeneratorTest {
  private static final PageGenerator EN = PageGenerator.defaults(Lang.EN, SynthConfig.defaults());

  @Test
  void sameSeedGivesIdenticalPixelsAndGroundTruth() {
    SynthPage a = EN.generate(42);
    SynthPage b = EN.generate(42);
    SynthPage c = EN.generate(43);
    assertThat(a.image().pixels()).isEqualTo(b.image().pixels());
    assertThat(GroundTruthJson.toJson("x.png", a)).isEqualTo(GroundTruthJson.toJson("x.png", b));
    assertThat(a.image().pixels()).isNotEqualTo(c.image().pixels());
  }

  @Test
  void wordsHaveOneQuadPerCharacterInsideThePage() {
    SynthConfig cfg = SynthConfig.defaults();
    for (long seed = 0; seed < 3; seed++) {
      SynthPage p = EN.generate(seed);
      assertThat(p.words()).hasSizeGreaterThan(20);
      for (SynthWord w : p.words()) {
        assertThat(w.text()).isNotBlank().doesNotContain(" ");
        assertThat(w.chars()).hasSize(w.text().length());
        Box b = w.quad().bounds();
        assertThat(b.left()).isGreaterThan(-cfg.pageWidth * 0.05);
        assertThat(b.right()).isLessThan(cfg.pageWidth * 1.05);
        for (Quad c : w.chars()) {
          assertThat(w.quad().bounds().union(c.bounds())).isEqualTo(w.quad().bounds());
        }
      }
      for (SynthLine l : p.lines()) {
        String joined = String.join(" ", p.words().subList(l.firstWord(),
            l.firstWord() + l.wordCount()).stream().map(SynthWord::text).toList());
        assertThat(l.text()).isEqualTo(joined);
      }
    }
  }

  @Test
  void cleanPageHasInkOnlyNearCharactersAndRules() {
    SynthPage p = PageGenerator.defaults(Lang.EN, SynthConfig.clean()).generate(5);
    int w = p.image().width();
    int darkInChars = 0;
    int dark = 0;
    List<Quad> chars = p.words().stream().flatMap(x -> x.chars().stream()).toList();
    for (Quad q : chars) {
      Box b = q.bounds();
      for (int y = (int) b.top(); y < b.bottom(); y++) {
        for (int x = (int) b.left(); x < b.right(); x++) {
          if (p.image().get(x, y) < 100) {
            darkInChars++;
          }
        }
      }
    }
    for (byte v : p.image().pixels()) {
      dark += (v & 0xff) < 100 ? 1 : 0;
    }
    assertThat(w).isEqualTo(800);
    assertThat(darkInChars).isPositive();
    // every character leaves ink inside its box
    for (Quad q : chars) {
      Box b = q.bounds();
      int ink = 0;
      for (int y = (int) b.top(); y <= Math.min(p.image().height() - 1, b.bottom()); y++) {
        for (int x = (int) b.left(); x <= Math.min(w - 1, b.right()); x++) {
          ink += p.image().get(x, y) < 200 ? 1 : 0;
        }
      }
      assertThat(ink).as("ink in %s", q).isPositive();
    }
    assertThat(dark).isGreaterThanOrEqualTo(darkInChars / 2);
  }

  @Test
  void koreanPagesUseHangulCapableFonts() {
    FontBank ko = FontBank.defaults(Lang.KO);
    assertThat(ko.faces()).isNotEmpty().allMatch(f -> f.canDraw("한국어 문서"));
    SynthPage p = PageGenerator.defaults(Lang.KO, SynthConfig.defaults()).generate(1);
    assertThat(p.words()).anyMatch(w -> w.text().chars().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3));
  }

  @Test
  void writerIsDeterministicAcrossThreads(@TempDir Path dir) throws Exception {
    PageGenerator small = PageGenerator.defaults(Lang.EN, SynthConfig.defaults()
        .set("pageWidth", "300").set("pageHeight", "400"));
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    SynthWriter.writePages(small, Lang.EN, 9, 4, a, new SynthWriter.Options(true, true, 2));
    SynthWriter.writePages(small, Lang.EN, 9, 4, b, new SynthWriter.Options(true, true, 1));
    try (Stream<Path> files = Files.walk(a)) {
      List<Path> list = files.filter(Files::isRegularFile).sorted().toList();
      assertThat(list).hasSize(4 * 5);
      for (Path f : list) {
        assertThat(Files.readAllBytes(b.resolve(a.relativize(f))))
            .as(f.toString()).isEqualTo(Files.readAllBytes(f));
      }
    }
    assertThat(Files.readString(a.resolve("gt/en-9-0000000.json")))
        .startsWith("{\"image\":\"en-9-0000000.png\",\"width\":300,\"height\":400,\"words\":[");
  }
}
