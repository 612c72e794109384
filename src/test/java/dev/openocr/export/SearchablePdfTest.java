package dev.openocr.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.document.Line;
import dev.openocr.document.Page;
import dev.openocr.document.Word;
import dev.openocr.geometry.Box;
import dev.openocr.layout.LayoutAnalyzer;
import dev.openocr.testing.Pdftotext;
import dev.openocr.testing.Words;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A searchable PDF read back as viewers read it: PDFBox's text stripper and poppler's pdftotext
 * find the page's words, in reading order, where the scan shows them; the text is invisible.
 */
class SearchablePdfTest {
  private static final int WIDTH = 1000;
  private static final int HEIGHT = 700;
  private static final double DPI = 150;
  private static final double POINTS_PER_PIXEL = 72 / DPI;
  /** Overlap of pdftotext's box and the word's, upright or turned by quarters (measured 1.00). */
  private static final double MIN_IOU = 0.99;
  /** pdftotext boxes a tilted word by its glyphs' axis-aligned extent (measured 0.894 at 4°). */
  private static final double MIN_IOU_TILTED = 0.85;
  /** Pixels a selection reaches beyond a word's box: less than half the gap between words. */
  private static final double SELECTION_MARGIN = 2;

  @TempDir
  static Path tmp;
  /** Two columns of upright lines, one of them Korean. */
  private static Page columns;
  /** Words printed bottom to top, top to bottom and slightly tilted. */
  private static Page turned;
  private static BufferedImage scan;
  private static Path pdf;

  @BeforeAll
  static void write() throws Exception {
    List<Word> words = new ArrayList<>();
    words.addAll(Words.paragraph(60, 60, 40, "Invoice 2024-117 total", "Due on receipt",
        "한국어 텍스트 검색"));
    words.addAll(Words.paragraph(600, 60, 40, "O'Neil & Sons", "Main Street 5"));
    columns = LayoutAnalyzer.assemble(words, WIDTH, HEIGHT, 0, 1.0);
    List<Word> sideways = new ArrayList<>();
    sideways.addAll(Words.rotate(Words.line("upwards", 0, 0), -90, 0, 0).stream()
        .map(w -> w.withQuad(w.quad().translate(900, 600))).toList());
    sideways.addAll(Words.rotate(Words.line("downwards", 0, 0), 90, 0, 0).stream()
        .map(w -> w.withQuad(w.quad().translate(100, 100))).toList());
    sideways.addAll(Words.rotate(Words.line("tilted", 0, 0), 4, 0, 0).stream()
        .map(w -> w.withQuad(w.quad().translate(400, 300))).toList());
    turned = LayoutAnalyzer.assemble(sideways, WIDTH, HEIGHT, 0, 1.0);
    scan = scan(columns);
    pdf = tmp.resolve("doc.pdf");
    try (PdfFonts fonts = PdfFonts.open(List.of());
         SearchablePdf doc = new SearchablePdf(fonts);
         OutputStream out = Files.newOutputStream(pdf)) {
      doc.addPage(WIDTH, HEIGHT, DPI, scan, columns);
      doc.addPage(WIDTH, HEIGHT, DPI, null, turned);
      doc.addPage(WIDTH / 2, HEIGHT / 2, DPI, scan, null);
      doc.save(out);
      assertThat(fonts.missing()).isEmpty();
    }
  }

  @Test
  void pdfboxExtractsTheLinesInReadingOrder() throws Exception {
    try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
      assertThat(text(d, 1)).isEqualTo(lines(columns));
      assertThat(text(d, 3)).isEmpty();
    }
  }

  @Test
  void selectingAWordsBoxCopiesTheWordUprightOrTurned() throws Exception {
    try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
      for (int p = 0; p < 2; p++) {
        List<Word> words = (p == 0 ? columns : turned).words();
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        // In stream order PDFBox cuts turned text into lines; sorted by position it reads it.
        stripper.setSortByPosition(true);
        for (int i = 0; i < words.size(); i++) {
          // A drag that starts a little outside the box, as a hand would.
          Box b = words.get(i).box();
          stripper.addRegion("w" + i, new Rectangle2D.Double(
              (b.left() - SELECTION_MARGIN) * POINTS_PER_PIXEL,
              (b.top() - SELECTION_MARGIN) * POINTS_PER_PIXEL,
              (b.width() + 2 * SELECTION_MARGIN) * POINTS_PER_PIXEL,
              (b.height() + 2 * SELECTION_MARGIN) * POINTS_PER_PIXEL));
        }
        stripper.extractRegions(d.getPage(p));
        for (int i = 0; i < words.size(); i++) {
          assertThat(stripper.getTextForRegion("w" + i).strip()).as("page %d word %d", p, i)
              .isEqualTo(words.get(i).text());
        }
      }
    }
  }

  @Test
  void pdftotextFindsEveryWordOnItsPageInItsBox() throws Exception {
    Pdftotext.require();
    // pdftotext orders words by its own layout analysis; each text is on its page only once.
    Map<String, Pdftotext.Word> found = Pdftotext.words(pdf).stream()
        .collect(Collectors.toMap(Pdftotext.Word::text, w -> w));
    List<Word> expected = new ArrayList<>(columns.words());
    expected.addAll(turned.words());
    assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(
        expected.stream().map(Word::text).toList());
    for (Word w : expected) {
      Box b = w.box();
      Box inPoints = new Box(b.left() * POINTS_PER_PIXEL, b.top() * POINTS_PER_PIXEL,
          b.right() * POINTS_PER_PIXEL, b.bottom() * POINTS_PER_PIXEL);
      Pdftotext.Word f = found.get(w.text());
      assertThat(f.page()).as(f.text()).isEqualTo(columns.words().contains(w) ? 0 : 1);
      boolean square = Math.abs(Math.IEEEremainder(w.quad().angleDegrees(), 90)) < 0.5;
      assertThat(inPoints.iou(new Box(f.xMin(), f.yMin(), f.xMax(), f.yMax())))
          .as("%s at %s, found %s", f.text(), inPoints, f)
          .isGreaterThan(square ? MIN_IOU : MIN_IOU_TILTED);
    }
    assertThat(Pdftotext.text(pdf)).contains("Invoice 2024-117 total", "한국어 텍스트 검색",
        "Main Street 5");
  }

  @Test
  void theTextIsInvisibleAndThePagesAreTheScanAtItsResolution() throws Exception {
    try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
      assertThat(d.getNumberOfPages()).isEqualTo(3);
      assertThat(d.getPage(0).getMediaBox().getWidth()).isEqualTo(480f);
      assertThat(d.getPage(0).getMediaBox().getHeight()).isEqualTo(336f);
      assertThat(d.getPage(2).getMediaBox().getWidth()).isEqualTo(240f);
      BufferedImage shown = new PDFRenderer(d).renderImageWithDPI(0, (float) DPI,
          ImageType.GRAY);
      // 480 points at 150 dpi may round down a pixel.
      assertThat(shown.getWidth()).isBetween(WIDTH - 1, WIDTH);
      int differ = 0;
      for (int y = 0; y < shown.getHeight(); y++) {
        for (int x = 0; x < shown.getWidth(); x++) {
          int a = shown.getRaster().getSample(x, y, 0);
          int b = scan.getRaster().getSample(x, y, 0);
          differ += Math.abs(a - b) > 8 ? 1 : 0;
        }
      }
      assertThat(differ).isZero();
      BufferedImage blank = new PDFRenderer(d).renderImageWithDPI(1, 36, ImageType.GRAY);
      assertThat(blank.getRaster().getSamples(0, 0, blank.getWidth(), blank.getHeight(), 0,
          (int[]) null)).containsOnly(255);
    }
  }

  @Test
  void fontsAreEmbeddedSubsetsOnlyWhereNeeded() throws Exception {
    try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
      assertThat(fontNames(d, 0)).hasSize(2).anyMatch(n -> n.matches("[A-Z]{6}\\+DejaVuSans"))
          .anyMatch(n -> n.matches("[A-Z]{6}\\+NanumGothic"));
      assertThat(fontNames(d, 1)).singleElement().matches(n -> n.endsWith("+DejaVuSans"));
    }
  }

  private static List<String> fontNames(PDDocument d, int page) throws Exception {
    List<String> names = new ArrayList<>();
    PDResources r = d.getPage(page).getResources();
    for (COSName n : r.getFontNames()) {
      PDFont f = r.getFont(n);
      assertThat(f.isEmbedded()).as(f.getName()).isTrue();
      names.add(f.getName());
    }
    return names;
  }

  /** The non-blank lines PDFBox extracts from a page (1-based) in stream order, stripped. */
  private static List<String> text(PDDocument d, int page) throws Exception {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(d).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  /** The lines of a page as extractors print them: words joined by one space. */
  private static List<String> lines(Page p) {
    List<String> out = new ArrayList<>();
    p.blocks().forEach(b -> b.lines().stream().map(Line::text).forEach(out::add));
    return out;
  }

  /** A gray page with a dark bar where each word is, as a scan would show ink. */
  private static BufferedImage scan(Page p) {
    BufferedImage img = new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(new Color(235, 235, 235));
      g.fillRect(0, 0, p.width(), p.height());
      g.setColor(new Color(40, 40, 40));
      for (Word w : p.words()) {
        Box b = w.box();
        g.fillRect((int) b.left() + 2, (int) b.top() + 4, (int) b.width() - 4,
            (int) b.height() - 8);
      }
    } finally {
      g.dispose();
    }
    return img;
  }
}
