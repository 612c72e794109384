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
  /** Gray level below which a pixel counts as touched by ink. */
  private static final int TRACE_INK = 235;
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
          Box cb = c.bounds();
          double eps = 1e-6;
          assertThat(cb.left()).isGreaterThanOrEqualTo(b.left() - eps);
          assertThat(cb.top()).isGreaterThanOrEqualTo(b.top() - eps);
          assertThat(cb.right()).isLessThanOrEqualTo(b.right() + eps);
          assertThat(cb.bottom()).isLessThanOrEqualTo(b.bottom() + eps);
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
          ink += p.image().get(x, y) < TRACE_INK ? 1 : 0; // a 1 px dot spreads over 4 pixels
        }
      }
      assertThat(ink).as("ink in %s", q).isPositive();
    }
    assertThat(dark).isGreaterThanOrEqualTo(darkInChars / 2);
  }

  @Test
  void geometricTransformsMoveQuadsWithTheInk() {
    // text only (no rules or graphics), drawn at 3x, then sine warp, rotation and perspective
    SynthConfig cfg = SynthConfig.clean().set("formWeight", "0").set("tableWeight", "0")
        .set("headingUnderlineProb", "0").set("hiResProb", "1")
        .set("sineWarpProb", "1").set("rotateProb", "1").set("perspectiveProb", "1")
        .set("rotateMax", "4").set("smallAngleProb", "0.5").set("rotated90PerPage", "2");
    PageGenerator gen = PageGenerator.defaults(Lang.EN, cfg);
    for (long seed = 0; seed < 3; seed++) {
      SynthPage p = gen.generate(seed);
      int w = p.image().width();
      int h = p.image().height();
      boolean[] covered = new boolean[w * h];
      for (SynthWord word : p.words()) {
        for (Quad q : word.chars()) {
          Box b = q.bounds();
          for (int y = Math.max(0, (int) b.top() - 2); y < Math.min(h, b.bottom() + 2); y++) {
            for (int x = Math.max(0, (int) b.left() - 2); x < Math.min(w, b.right() + 2); x++) {
              covered[y * w + x] |= near(q, x + 0.5, y + 0.5, 1.5);
            }
          }
        }
      }
      int dark = 0;
      int inside = 0;
      for (int i = 0; i < w * h; i++) {
        if (p.image().get(i % w, i / w) < 128) {
          dark++;
          inside += covered[i] ? 1 : 0;
        }
      }
      assertThat(dark).isGreaterThan(1000);
      assertThat((double) inside / dark).as("dark pixels inside char quads, seed %d", seed)
          .isGreaterThan(0.995);
    }
  }

  /** True when (x, y) is inside {@code q} or within {@code d} pixels of its edges. */
  private static boolean near(Quad q, double x, double y, double d) {
    if (q.contains(x, y)) {
      return true;
    }
    double[] c = q.toArray();
    for (int i = 0; i < 8; i += 2) {
      double ax = c[i];
      double ay = c[i + 1];
      double bx = c[(i + 2) % 8];
      double by = c[(i + 3) % 8];
      double len2 = (bx - ax) * (bx - ax) + (by - ay) * (by - ay);
      double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay)
          * (by - ay)) / len2));
      if (Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay)) <= d) {
        return true;
      }
    }
    return false;
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
