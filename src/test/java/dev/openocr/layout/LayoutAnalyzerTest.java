package dev.openocr.layout;

import static dev.openocr.testing.Words.line;
import static dev.openocr.testing.Words.paragraph;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.document.Block;
import dev.openocr.document.Line;
import dev.openocr.document.Page;
import dev.openocr.document.Word;
import dev.openocr.testing.Words;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LayoutAnalyzerTest {
  private static final int WIDTH = 1000;
  private static final int HEIGHT = 1200;

  private static Page assemble(List<Word> words) {
    List<Word> shuffled = new ArrayList<>(words);
    Collections.shuffle(shuffled, new Random(7));
    return LayoutAnalyzer.assemble(shuffled, WIDTH, HEIGHT, 0, 1.0);
  }

  private static List<String> lineTexts(Page page) {
    List<String> out = new ArrayList<>();
    for (Block b : page.blocks()) {
      for (Line l : b.lines()) {
        out.add(l.text());
      }
    }
    return out;
  }

  @Test
  void emptyPageHasNoBlocks() {
    Page p = LayoutAnalyzer.assemble(List.of(), WIDTH, HEIGHT, 90, 0.7);
    assertThat(p.blocks()).isEmpty();
    assertThat(p.orientation()).isEqualTo(90);
    assertThat(p.orientationConfidence()).isEqualTo(0.7);
  }

  @Test
  void singleColumnParagraphsBecomeBlocks() {
    List<Word> words = new ArrayList<>();
    words.addAll(paragraph(50, 100, 28, "the quick brown fox", "jumps over the", "lazy dog"));
    words.addAll(paragraph(50, 220, 28, "a second paragraph", "ends here"));
    Page p = assemble(words);
    assertThat(p.text()).isEqualTo(
        "the quick brown fox\njumps over the\nlazy dog\n\na second paragraph\nends here");
  }

  @Test
  void twoColumnPageReadsHeaderThenLeftColumnThenRightColumn() {
    assertTwoColumnOrder(assemble(twoColumnPage()));
  }

  @Test
  void skewedTwoColumnPageReadsInTheSameOrder() {
    assertTwoColumnOrder(assemble(Words.rotate(twoColumnPage(), 4, WIDTH / 2.0, HEIGHT / 2.0)));
  }

  private static List<Word> twoColumnPage() {
    List<Word> words = new ArrayList<>();
    words.addAll(line("A Title That Spans Both Columns Of The Page", 60, 40));
    // Left and right columns, each with two paragraphs whose gaps line up across the gutter.
    words.addAll(paragraph(60, 120, 28, "left one alpha beta", "left two gamma delta",
        "left three eps"));
    words.addAll(paragraph(60, 240, 28, "left four zeta eta", "left five theta"));
    words.addAll(paragraph(520, 120, 28, "right one iota kappa", "right two lambda mu",
        "right three nu"));
    words.addAll(paragraph(520, 240, 28, "right four xi omicron", "right five pi"));
    words.addAll(line("a footer line that also spans the whole page width", 60, 400));
    return words;
  }

  private static void assertTwoColumnOrder(Page p) {
    assertThat(lineTexts(p)).containsExactly(
        "A Title That Spans Both Columns Of The Page",
        "left one alpha beta", "left two gamma delta", "left three eps",
        "left four zeta eta", "left five theta",
        "right one iota kappa", "right two lambda mu", "right three nu",
        "right four xi omicron", "right five pi",
        "a footer line that also spans the whole page width");
    assertThat(p.blocks()).hasSize(6);
    assertThat(p.blocks().get(1).text()).startsWith("left one").endsWith("left three eps");
  }

  @Test
  void threeColumnsReadLeftToRightWithUnalignedLines() {
    List<Word> words = new ArrayList<>();
    words.addAll(paragraph(40, 100, 28, "first col line one", "first col line two",
        "first col line three"));
    // Middle column starts lower and uses a different line pitch.
    words.addAll(paragraph(360, 114, 31, "mid col one", "mid col two", "mid col three",
        "mid col four"));
    words.addAll(paragraph(640, 90, 26, "last col one a", "last col two b"));

    Page p = assemble(words);

    assertThat(lineTexts(p)).containsExactly("first col line one", "first col line two",
        "first col line three", "mid col one", "mid col two", "mid col three", "mid col four",
        "last col one a", "last col two b");
    assertThat(p.blocks()).hasSize(3);
  }

  @Test
  void turnedPagesReadInUprightOrder() {
    for (int turn : new int[] {90, 180, 270}) {
      // As a detector reports them: corners re-ordered clockwise from the image's top-left.
      List<Word> turned = Words.rotate(twoColumnPage(), turn + 2, WIDTH / 2.0, HEIGHT / 2.0)
          .stream().map(LayoutAnalyzerTest::imageOrdered).toList();
      Page p = LayoutAnalyzer.assemble(turned, WIDTH, HEIGHT, turn, 0.9);
      assertTwoColumnOrder(p);
      assertThat(p.orientation()).isEqualTo(turn);
    }
  }

  @Test
  void orientationMustBeAQuarterTurn() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LayoutAnalyzer.assemble(
        line("a b", 10, 10), WIDTH, HEIGHT, 45, 1)).hasMessageContaining("45");
  }

  @Test
  void aWordPrintedSidewaysStandsAcrossTheLinesInTheLayout() {
    // 20 px thick, 90 px long, read bottom to top: corners in reading order from the bottom-left
    Word side = new Word("Received", new dev.openocr.geometry.Quad(40, 500, 40, 410, 60, 410,
        60, 500), 0.9, 0.9, new float[0]);
    assertThat(side.quad().width()).isEqualTo(90);
    LayoutItem item = LayoutItem.of(side, 0);
    assertThat(item.box().width()).isEqualTo(20);
    assertThat(item.box().height()).isEqualTo(90);
    // a word of the page as the detector gives it is as long as wide along the text
    LayoutItem across = LayoutItem.of(line("letter", 100, 450).get(0), 0);
    assertThat(across.box().width()).isGreaterThan(across.box().height());
  }

  private static Word imageOrdered(Word w) {
    double[] c = w.quad().toArray();
    double[][] pts = {{c[0], c[1]}, {c[2], c[3]}, {c[4], c[5]}, {c[6], c[7]}};
    return w.withQuad(dev.openocr.geometry.Quad.ordered(pts));
  }

  @Test
  void skewedLinesGroupByDeskewedCentres() {
    List<Word> straight = new ArrayList<>();
    straight.addAll(paragraph(100, 300, 30, "one two three four five six seven",
        "eight nine ten eleven twelve thirteen", "fourteen fifteen sixteen seventeen"));
    // 6 degrees moves the end of a 380 px line by 40 px: more than the 30 px line pitch.
    List<Word> skewed = Words.rotate(straight, 6, WIDTH / 2.0, HEIGHT / 2.0);

    Page p = assemble(skewed);

    assertThat(lineTexts(p)).containsExactly("one two three four five six seven",
        "eight nine ten eleven twelve thirteen", "fourteen fifteen sixteen seventeen");
    assertThat(p.blocks()).hasSize(1);
    // Original quads are kept, not the deskewed ones.
    assertThat(p.words().get(0).quad().angleDegrees()).isCloseTo(6.0, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void counterClockwiseSkewAlsoGroups() {
    List<Word> straight = paragraph(100, 300, 30, "alpha beta gamma delta epsilon zeta",
        "eta theta iota kappa lambda mu");
    Page p = assemble(Words.rotate(straight, -5, WIDTH / 2.0, HEIGHT / 2.0));
    assertThat(lineTexts(p)).containsExactly("alpha beta gamma delta epsilon zeta",
        "eta theta iota kappa lambda mu");
  }

  @Test
  void formLabelsStayWithTheirValues() {
    List<Word> words = new ArrayList<>();
    String[][] fields = {{"Name:", "John Smith"}, {"Date:", "1990-01-02"},
        {"Phone:", "555 1234 ext 9"}, {"Signature:", "J. Smith"}};
    for (int i = 0; i < fields.length; i++) {
      double top = 100 + i * 45;
      words.addAll(line(fields[i][0], 60, top));
      words.addAll(line(fields[i][1], 300, top));
    }

    Page p = assemble(words);

    assertThat(lineTexts(p)).containsExactly("Name: John Smith", "Date: 1990-01-02",
        "Phone: 555 1234 ext 9", "Signature: J. Smith");
  }

  @Test
  void degenerateWordsAreKept() {
    List<Word> words = new ArrayList<>();
    words.add(Words.word("dot", 100, 100, 100, 100));
    words.add(Words.word("flat", 120, 100, 180, 100));
    words.add(Words.word("thin", 200, 90, 200, 110));
    words.add(Words.word("same", 300, 90, 340, 110));
    words.add(Words.word("same", 300, 90, 340, 110));
    words.add(Words.word("huge", 0, 0, WIDTH, HEIGHT));
    Page p = assemble(words);
    assertThat(p.words()).hasSize(words.size()).containsExactlyInAnyOrderElementsOf(words);
  }

  @Test
  void everyWordAppearsExactlyOnce() {
    List<Word> words = new ArrayList<>();
    Random r = new Random(3);
    for (int i = 0; i < 300; i++) {
      double x = r.nextInt(WIDTH - 60);
      double y = r.nextInt(HEIGHT - 20);
      words.add(Words.word("w" + i, x, y, x + 10 + r.nextInt(50), y + 8 + r.nextInt(12)));
    }
    Page p = assemble(words);
    assertThat(p.words()).hasSize(300).containsExactlyInAnyOrderElementsOf(words);
  }
}
