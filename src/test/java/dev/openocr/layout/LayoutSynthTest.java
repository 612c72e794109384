package dev.openocr.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.synth.PageGenerator;
import dev.openocr.tools.LayoutSynthBench;
import dev.openocr.tools.LayoutSynthBench.Score;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lines and reading order on pages from the project's synthetic generator (exact truth). */
class LayoutSynthTest {
  /** Pages per case: enough to cover headings, alignments and column widths. */
  static final int PAGES = 8;

  private static Score total(PageGenerator gen) {
    int lines = 0;
    int found = 0;
    int pairs = 0;
    int inOrder = 0;
    int exact = 0;
    for (int i = 0; i < PAGES; i++) {
      Score s = LayoutSynthBench.score(gen.generate(1000 + i), new Random(i));
      lines += s.lines();
      found += s.linesFound();
      pairs += s.pairs();
      inOrder += s.pairsInOrder();
      exact += s.exact() ? 1 : 0;
    }
    return new Score(lines, found, pairs, inOrder, exact == PAGES);
  }

  @Test
  void singleColumnPagesReadInOrder() {
    Score s = total(LayoutSynthBench.generator(0, false));
    assertThat((double) s.linesFound() / s.lines()).isGreaterThan(0.97);
    // dotted-leader form fields of the generator can put a value a hair above its label
    assertThat((double) s.pairsInOrder() / s.pairs()).isGreaterThan(0.98);
  }

  @Test
  void twoColumnPagesKeepTheirLines() {
    Score s = total(LayoutSynthBench.generator(1.0, false));
    assertThat((double) s.linesFound() / s.lines()).isGreaterThan(0.98);
    // Sections the generator stacks without a full-width gap read column-wise; see BENCHMARKS.
    assertThat((double) s.pairsInOrder() / s.pairs()).isGreaterThan(0.85);
  }
}
