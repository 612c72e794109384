package dev.openocr.tools;

import dev.openocr.document.Block;
import dev.openocr.document.Line;
import dev.openocr.document.Page;
import dev.openocr.document.Word;
import dev.openocr.layout.LayoutAnalyzer;
import dev.openocr.synth.Lang;
import dev.openocr.synth.PageGenerator;
import dev.openocr.synth.SynthConfig;
import dev.openocr.synth.SynthLine;
import dev.openocr.synth.SynthPage;
import dev.openocr.synth.SynthWord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Reading order of the layout on synthetic text pages (headings, one- and two-column
 * paragraphs; no forms or tables, whose order is a matter of taste), from the generator's exact
 * word quads and its line order as the truth. Usage: {@code LayoutSynthBench PAGES [SKEW]}
 * where SKEW (0/1) keeps the generator's per-paragraph small angles; then the
 * probability of a two-column section (default 0.6).
 */
public final class LayoutSynthBench {

  /** What one page scored. */
  public record Score(int lines, int linesFound, int pairs, int pairsInOrder, boolean exact) {}

  private LayoutSynthBench() {}

  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    boolean skew = args.length > 1 && args[1].equals("1");
    PageGenerator gen = generator(args.length > 2 ? Double.parseDouble(args[2]) : 0.6, skew);
    int lines = 0;
    int found = 0;
    int pairs = 0;
    int inOrder = 0;
    int exact = 0;
    for (int i = 0; i < n; i++) {
      Score s = score(gen.generate(1000 + i), new Random(i));
      lines += s.lines();
      found += s.linesFound();
      pairs += s.pairs();
      inOrder += s.pairsInOrder();
      exact += s.exact() ? 1 : 0;
    }
    System.out.printf("pages %d (skew %s): lines found %d/%d (%.3f), consecutive line pairs in "
        + "order %d/%d (%.3f), pages in exact line order %d/%d%n", n, skew, found, lines,
        (double) found / lines, inOrder, pairs, (double) inOrder / pairs, exact, n);
  }

  /** Text pages: headings and paragraphs, no forms, tables or margin words. */
  public static PageGenerator generator(double twoColumnProb, boolean skew) {
    SynthConfig cfg = new SynthConfig();
    cfg.formWeight = 0;
    cfg.tableWeight = 0;
    cfg.twoColumnProb = twoColumnProb;
    cfg.rotated90PerPage = 0;
    if (!skew) {
      cfg.smallAngleProb = 0;
    }
    return PageGenerator.defaults(Lang.EN, cfg);
  }

  /** Runs the layout on the page's true word quads (shuffled) and scores its lines. */
  public static Score score(SynthPage sp, Random shuffle) {
    List<Word> words = new ArrayList<>();
    for (SynthWord w : sp.words()) {
      words.add(new Word(w.text(), w.quad(), 1, 1, null));
    }
    Collections.shuffle(words, shuffle);
    Page page = LayoutAnalyzer.assemble(words, sp.image().width(), sp.image().height(), 0, 1);
    Map<String, Integer> position = new HashMap<>();
    int k = 0;
    for (Block b : page.blocks()) {
      for (Line l : b.lines()) {
        position.putIfAbsent(l.text(), k++);
      }
    }
    List<SynthLine> truth = sp.lines();
    int found = 0;
    int pairs = 0;
    int inOrder = 0;
    Integer prev = null;
    for (SynthLine l : truth) {
      Integer at = position.get(l.text());
      if (at == null && Boolean.getBoolean("layout.missed")) {
        System.out.println("missed: " + l.text());
      }
      if (at != null) {
        found++;
        if (prev != null) {
          pairs++;
          inOrder += at > prev ? 1 : 0;
        }
        prev = at;
      }
    }
    boolean exact = found == truth.size() && inOrder == pairs && k == truth.size();
    if (!exact && Boolean.getBoolean("layout.debug")) {
      System.out.println("--- truth");
      truth.forEach(l -> System.out.println("  " + l.text()));
      System.out.println("--- layout");
      for (Block b : page.blocks()) {
        b.lines().forEach(l -> System.out.printf("  %4.0f %4.0f %4.0f %4.0f  %s%n", l.box().left(),
            l.box().top(), l.box().right(), l.box().bottom(), l.text()));
        System.out.println("  ~~");
      }
    }
    return new Score(truth.size(), found, pairs, inOrder, exact);
  }
}
