package dev.openocr.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.openocr.cli.ExportCommand;
import dev.openocr.config.OcrJobConfig;
import dev.openocr.export.AltoSchema;
import dev.openocr.export.ExportFormat;
import dev.openocr.export.ExportNames;
import dev.openocr.imageio.GrayImage;
import dev.openocr.spark.OcrSchemas;
import dev.openocr.testing.Xml;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.transform.stream.StreamSource;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A run's exports agree with its own tables. The job reads the sample pages with the shipped
 * models; {@link ExportCommand#export} writes hOCR, ALTO, text and JSON; every file parsed back
 * holds exactly the words of the {@code words} table for its page (text, boxes after the
 * exporters' whole-pixel rounding, confidences, lines and blocks), and there is one file per ok
 * page. The nested {@code pages.words} and the {@code words} table must agree as well.
 */
class JobExportAgreementTest {
  private static final String HOCR_NS = "http://www.w3.org/1999/xhtml";
  private static final String ALTO_NS = "http://www.loc.gov/standards/alto/ns-v4#";
  private static final Pattern PAGE_TITLE = Pattern.compile(
      "image \"([^\"]*)\"; bbox 0 0 (\\d+) (\\d+); ppageno (\\d+); x_orientation (\\d+)");
  /** Line titles may add a textangle after the box. */
  private static final Pattern BBOX = Pattern.compile("bbox (\\d+) (\\d+) (\\d+) (\\d+)(;.*)?");
  private static final Pattern WORD_TITLE =
      Pattern.compile("bbox (\\d+) (\\d+) (\\d+) (\\d+); x_wconf (\\d+)");
  /** ALTO WC and JSON numbers keep four decimals: half the last digit, plus float noise. */
  private static final double FOUR_DECIMALS = 0.00005 + 1e-9;
  /** Clockwise turn of the sideways copy of the letter. */
  private static final int TURN = 270;
  /** Two pages with tables and several blocks, a letter, and a two-page TIFF. */
  private static final String[] SAMPLES = {"invoice.png", "letter.png", "report.tif"};
  private static final String KOREAN = "form-ko.png";

  @TempDir
  static Path tmp;
  private static SparkSession spark;
  private static Path out;
  private static JobSummary summary;
  /** The ok rows of the pages table, in export order (source, page). */
  private static Map<PageKey, Row> okPages;
  /** The words table's rows of each page, in reading order (the word index). */
  private static Map<PageKey, List<Row>> wordRows;
  /** The same rows as plain values. */
  private static Map<PageKey, List<TableWord>> table;

  /** A page as the exports name it: the source's file name and the 0-based page index. */
  record PageKey(String image, int page) {}

  /** One row of the words table; coordinates in page pixels, confidence 0..1. */
  record TableWord(int block, int line, String text, double confidence, double left, double top,
      double right, double bottom) {}

  @BeforeAll
  static void runJob() throws Exception {
    Path in = tmp.resolve("in");
    for (String s : SAMPLES) {
      TestInputs.write(in.resolve(s), Files.readAllBytes(Path.of("samples", s)));
    }
    // A Korean form with Latin words: the default language (auto) reads it with the Korean pair.
    TestInputs.write(in.resolve(KOREAN), Files.readAllBytes(Path.of("samples-ko", KOREAN)));
    // The letter scanned sideways: read upright, reported in the scan's own coordinates.
    BufferedImage letter = ImageIO.read(Path.of("samples", "letter.png").toFile());
    ImageIO.write(GrayImage.fromBufferedImage(letter).rotate(TURN).toBufferedImage(), "png",
        in.resolve("letter-turned.png").toFile());
    // An error row: it must not be exported.
    TestInputs.write(in.resolve("broken.png"), new byte[] {1, 2, 3});
    out = tmp.resolve("out");
    spark = LocalSpark.start();
    summary = OcrJob.run(spark, OcrJobConfig.of(Map.of(OcrJobConfig.INPUT, in.toString(),
        OcrJobConfig.OUTPUT, out.toString())));

    okPages = new LinkedHashMap<>();
    for (Row r : spark.read().parquet(out + "/" + OcrJob.PAGES).filter("status = 'ok'")
        .orderBy("source", "page").collectAsList()) {
      okPages.put(key(r), r);
    }
    wordRows = new HashMap<>();
    table = new HashMap<>();
    for (Row r : spark.read().parquet(out + "/" + OcrJob.WORDS).orderBy("source", "page", "word")
        .collectAsList()) {
      wordRows.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r);
      table.computeIfAbsent(key(r), k -> new ArrayList<>()).add(tableWord(r));
    }
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void theRunHasManyWordsInMultiWordLinesAndSeveralBlocks() {
    assertThat(summary.pages()).isEqualTo(6);
    assertThat(summary.errorRows()).isEqualTo(1);
    assertThat(okPages).hasSize(6);
    assertThat(table.values().stream().mapToLong(List::size).sum()).isEqualTo(summary.words())
        .isGreaterThan(100);
    for (List<TableWord> words : table.values()) {
      List<List<List<TableWord>>> layout = layout(words);
      assertThat(layout).as("blocks").hasSizeGreaterThanOrEqualTo(2);
      assertThat(layout.stream().mapToInt(List::size).sum()).as("lines")
          .isGreaterThanOrEqualTo(4);
      assertThat(layout.stream().flatMap(List::stream).mapToInt(List::size).max().orElse(0))
          .as("words in the longest line").isGreaterThanOrEqualTo(3);
    }
    assertThat(table.values().stream().mapToInt(w -> layout(w).size()).max().orElse(0))
        .as("blocks on the richest page").isGreaterThanOrEqualTo(5);
  }

  @Test
  void eachPageAndWordCarriesItsScript() {
    okPages.forEach((k, r) -> assertThat(r.<String>getAs("lang")).as("%s", k)
        .isEqualTo(k.image().equals(KOREAN) ? "ko" : "en"));
    wordRows.forEach((k, rows) -> {
      Map<String, Long> byLang = new HashMap<>();
      for (Row w : rows) {
        byLang.merge(String.valueOf(w.<String>getAs("lang")), 1L, Long::sum);
      }
      if (k.image().equals(KOREAN)) {
        // Hangul words, and the page's Latin words and part numbers read by the Korean pair
        assertThat(byLang.getOrDefault("ko", 0L)).as("%s", byLang).isGreaterThan(100);
        assertThat(byLang.getOrDefault("en", 0L)).as("%s", byLang).isGreaterThan(10);
      } else {
        assertThat(byLang).as("%s", k).doesNotContainKey("ko").containsKey("en");
      }
    });
  }

  @Test
  void aSidewaysScanIsReadUprightWithBoxesOnTheScan() {
    Row straight = okPages.get(new PageKey("letter.png", 0));
    Row turned = okPages.get(new PageKey("letter-turned.png", 0));
    assertThat(straight.<Integer>getAs("orientation")).isZero();
    assertThat(turned.<Integer>getAs("orientation")).isEqualTo(TURN);
    assertThat(turned.<Double>getAs("orientation_confidence")).isGreaterThan(0.5);
    int uw = straight.getAs("width");
    assertThat(turned.<Integer>getAs("height")).isEqualTo(uw);
    // each word of the upright letter, its box turned onto the scan, is found there with its text
    List<TableWord> onScan = table.get(new PageKey("letter-turned.png", 0));
    List<TableWord> upright = table.get(new PageKey("letter.png", 0));
    long found = upright.stream().filter(w -> onScan.stream().anyMatch(t -> t.text().equals(w.text())
        && iou(t, w.top(), uw - w.right(), w.bottom(), uw - w.left()) >= 0.5)).count();
    assertThat(found).as("of %d words", upright.size()).isGreaterThan(upright.size() * 6L / 10);
  }

  private static double iou(TableWord a, double left, double top, double right, double bottom) {
    double iw = Math.min(a.right(), right) - Math.max(a.left(), left);
    double ih = Math.min(a.bottom(), bottom) - Math.max(a.top(), top);
    double inter = Math.max(0, iw) * Math.max(0, ih);
    double union = (a.right() - a.left()) * (a.bottom() - a.top())
        + (right - left) * (bottom - top) - inter;
    return union > 0 ? inter / union : 0;
  }

  @Test
  void nestedPageWordsEqualTheWordsTable() {
    assertThat(table.keySet()).isSubsetOf(okPages.keySet());
    for (Map.Entry<PageKey, Row> e : okPages.entrySet()) {
      Row page = e.getValue();
      List<Row> nested = page.getList(page.fieldIndex("words"));
      List<Row> flat = wordRows.getOrDefault(e.getKey(), List.of());
      assertThat(flat).as("words of %s", e.getKey()).hasSameSizeAs(nested);
      assertThat(page.<Integer>getAs("word_count")).isEqualTo(flat.size());
      for (int i = 0; i < nested.size(); i++) {
        for (String column : OcrSchemas.WORD.fieldNames()) {
          assertThat(flat.get(i).<Object>getAs(column)).as("%s word %d %s", e.getKey(), i, column)
              .isEqualTo(nested.get(i).getAs(column));
        }
        assertThat(flat.get(i).<Integer>getAs("width")).isEqualTo(page.<Integer>getAs("width"));
        assertThat(flat.get(i).<Integer>getAs("height")).isEqualTo(page.<Integer>getAs("height"));
      }
      List<TableWord> words = table.getOrDefault(e.getKey(), List.of());
      assertThat(page.<String>getAs("text")).isEqualTo(text(words));
      assertThat(page.<Double>getAs("mean_confidence")).isCloseTo(
          words.stream().mapToDouble(TableWord::confidence).average().orElse(0), within(1e-9));
    }
  }

  @Test
  void hocrFilesHoldTheWordsTable() throws Exception {
    Map<String, PageKey> files = exported("hocr");
    for (Map.Entry<String, PageKey> f : files.entrySet()) {
      byte[] xml = Files.readAllBytes(tmp.resolve("hocr").resolve(f.getKey()));
      assertThat(checkHocr(xml, table)).as(f.getKey()).isEqualTo(f.getValue());
    }
  }

  @Test
  void altoFilesValidateAndHoldTheWordsTable() throws Exception {
    Map<String, PageKey> files = exported("alto");
    for (Map.Entry<String, PageKey> f : files.entrySet()) {
      byte[] xml = Files.readAllBytes(tmp.resolve("alto").resolve(f.getKey()));
      AltoSchema.get().newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
      assertThat(checkAlto(xml, table)).as(f.getKey()).isEqualTo(f.getValue());
    }
  }

  @Test
  void textFilesHoldTheWordsInLinesAndBlocks() throws Exception {
    Map<String, PageKey> files = exported("txt");
    for (Map.Entry<String, PageKey> f : files.entrySet()) {
      String text = Files.readString(tmp.resolve("txt").resolve(f.getKey()));
      List<TableWord> words = table.getOrDefault(f.getValue(), List.of());
      assertThat(text).as(f.getKey()).isEqualTo(words.isEmpty() ? "" : text(words) + "\n");
    }
  }

  @Test
  void jsonFilesHoldTheWordsWithSubPixelBoxes() throws Exception {
    Map<String, PageKey> files = exported("json");
    for (Map.Entry<String, PageKey> f : files.entrySet()) {
      JsonObject o = JsonParser.parseString(
          Files.readString(tmp.resolve("json").resolve(f.getKey()))).getAsJsonObject();
      Row page = okPages.get(f.getValue());
      assertThat(o.get("image").getAsString()).isEqualTo(f.getValue().image());
      assertThat(o.get("width").getAsInt()).isEqualTo(page.<Integer>getAs("width"));
      assertThat(o.get("height").getAsInt()).isEqualTo(page.<Integer>getAs("height"));
      List<TableWord> words = table.getOrDefault(f.getValue(), List.of());
      JsonArray json = o.getAsJsonArray("words");
      assertThat(json).as(f.getKey()).hasSize(words.size());
      for (int i = 0; i < words.size(); i++) {
        TableWord w = words.get(i);
        JsonObject jw = json.get(i).getAsJsonObject();
        assertThat(jw.get("text").getAsString()).isEqualTo(w.text());
        assertThat(jw.get("confidence").getAsDouble()).isCloseTo(w.confidence(),
            within(FOUR_DECIMALS));
        double[] box = {w.left(), w.top(), w.right(), w.bottom()};
        List<JsonElement> jb = jw.getAsJsonArray("box").asList();
        assertThat(jb).hasSize(4);
        for (int k = 0; k < 4; k++) {
          assertThat(jb.get(k).getAsDouble()).as("%s word %d box %d", f.getKey(), i, k)
              .isCloseTo(box[k], within(FOUR_DECIMALS));
        }
      }
    }
  }

  /** The checks above catch a lost word, swapped coordinates and a table that disagrees. */
  @Test
  void theChecksFailOnDamagedFilesOrADifferentTable() throws Exception {
    exported("hocr");
    exported("alto");
    String hocrName = names("hocr").keySet().iterator().next();
    String hocr = Files.readString(tmp.resolve("hocr").resolve(hocrName));
    String altoName = names("alto.xml").keySet().iterator().next();
    String alto = Files.readString(tmp.resolve("alto").resolve(altoName));

    String droppedSpan = damage(hocr, "<span class=\"ocrx_word\"[^>]*>[^<]*</span>", "");
    String swappedBbox = swapUnequal(hocr, "(class=\"ocrx_word\" id=\"[^\"]*\" title=\"bbox )(\\d+) "
        + "(\\d+)", 2, 3);
    String droppedString = damage(alto, "<String [^>]*/>", "");
    String swappedPos = swapUnequal(alto, "(<String ID=\"[^\"]*\" HPOS=\")(\\d+)(\" VPOS=\")(\\d+)",
        2, 4);
    assertThatThrownBy(() -> checkHocr(bytes(droppedSpan), table))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> checkHocr(bytes(swappedBbox), table))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> checkAlto(bytes(droppedString), table))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> checkAlto(bytes(swappedPos), table))
        .isInstanceOf(AssertionError.class);

    // The same files against a table where the last word of every page is missing.
    Map<PageKey, List<TableWord>> other = new HashMap<>();
    table.forEach((k, words) -> other.put(k, words.subList(0, words.size() - 1)));
    assertThatThrownBy(() -> checkHocr(bytes(hocr), other)).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> checkAlto(bytes(alto), other)).isInstanceOf(AssertionError.class);
  }

  /**
   * Exports the run in {@code format} into {@code tmp/<format>} (once) and checks that there is
   * exactly one file per ok page, named as {@link ExportNames} names it; returns file -> page.
   */
  private static synchronized Map<String, PageKey> exported(String format) throws Exception {
    Path dir = tmp.resolve(format);
    ExportFormat f = ExportFormat.of(format);
    String extension = f.exporter().extension();
    if (!Files.isDirectory(dir)) {
      int n = ExportCommand.export(new RunOutput(spark, out.toString()), f.exporter(), dir);
      assertThat(n).isEqualTo(okPages.size());
    }
    Map<String, PageKey> expected = names(extension);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(expected.keySet());
    }
    return expected;
  }

  /** The file name of every ok page, in the order the export writes them. */
  private static Map<String, PageKey> names(String extension) {
    ExportNames names = new ExportNames();
    Map<String, PageKey> out = new LinkedHashMap<>();
    for (Map.Entry<PageKey, Row> e : okPages.entrySet()) {
      Row r = e.getValue();
      out.put(names.fileName(r.getAs("source"), r.<Integer>getAs("page"), extension), e.getKey());
    }
    return out;
  }

  /** Checks one hOCR page against the table; returns the page it names. */
  private static PageKey checkHocr(byte[] xml, Map<PageKey, List<TableWord>> words)
      throws Exception {
    Document d = Xml.parse(xml);
    List<Element> pages = Xml.elements(d, HOCR_NS, "div").stream()
        .filter(e -> e.getAttribute("class").equals("ocr_page")).toList();
    assertThat(pages).hasSize(1);
    Matcher m = PAGE_TITLE.matcher(pages.get(0).getAttribute("title"));
    assertThat(m.matches()).as(pages.get(0).getAttribute("title")).isTrue();
    PageKey key = new PageKey(m.group(1), Integer.parseInt(m.group(4)));
    Row page = okPages.get(key);
    assertThat(page).as("pages row of %s", key).isNotNull();
    int width = page.getAs("width");
    int height = page.getAs("height");
    assertThat(Integer.parseInt(m.group(2))).isEqualTo(width);
    assertThat(Integer.parseInt(m.group(3))).isEqualTo(height);

    List<List<List<TableWord>>> expected = layout(words.getOrDefault(key, List.of()));
    List<Element> blocks = children(pages.get(0), "ocr_carea");
    assertThat(blocks).as("%s blocks", key).hasSize(expected.size());
    int spans = 0;
    for (int b = 0; b < blocks.size(); b++) {
      List<List<TableWord>> block = expected.get(b);
      assertBox(blocks.get(b).getAttribute("title"), union(block), width, height);
      List<Element> pars = children(blocks.get(b), "ocr_par");
      assertThat(pars).hasSize(1);
      List<Element> lines = children(pars.get(0), "ocr_line");
      assertThat(lines).as("%s block %d lines", key, b).hasSize(block.size());
      for (int l = 0; l < lines.size(); l++) {
        List<TableWord> line = block.get(l);
        assertBox(lines.get(l).getAttribute("title"), union(List.of(line)), width, height);
        List<Element> ws = children(lines.get(l), "ocrx_word");
        assertThat(ws).as("%s block %d line %d words", key, b, l).hasSize(line.size());
        for (int i = 0; i < ws.size(); i++) {
          TableWord w = line.get(i);
          String where = key + " word " + (spans + i);
          Matcher t = WORD_TITLE.matcher(ws.get(i).getAttribute("title"));
          assertThat(t.matches()).as(where + ": " + ws.get(i).getAttribute("title")).isTrue();
          assertThat(ws.get(i).getTextContent()).as(where).isEqualTo(w.text());
          assertThat(new int[] {group(t, 1), group(t, 2), group(t, 3), group(t, 4)}).as(where)
              .containsExactly(pixels(w.left(), w.top(), w.right(), w.bottom(), width, height));
          assertThat(group(t, 5)).as(where).isEqualTo((int) Math.round(100 * w.confidence()));
        }
        spans += ws.size();
      }
    }
    assertThat(spans).as("%s words", key).isEqualTo(page.<Integer>getAs("word_count"));
    return key;
  }

  /** Checks one ALTO page against the table; returns the page it names. */
  private static PageKey checkAlto(byte[] xml, Map<PageKey, List<TableWord>> words)
      throws Exception {
    Document d = Xml.parse(xml);
    List<Element> fileNames = Xml.elements(d, ALTO_NS, "fileName");
    List<Element> pages = Xml.elements(d, ALTO_NS, "Page");
    assertThat(fileNames).hasSize(1);
    assertThat(pages).hasSize(1);
    Element pageElement = pages.get(0);
    PageKey key = new PageKey(fileNames.get(0).getTextContent(),
        Integer.parseInt(pageElement.getAttribute("PHYSICAL_IMG_NR")) - 1);
    Row page = okPages.get(key);
    assertThat(page).as("pages row of %s", key).isNotNull();
    int width = page.getAs("width");
    int height = page.getAs("height");
    assertThat(Integer.parseInt(pageElement.getAttribute("WIDTH"))).isEqualTo(width);
    assertThat(Integer.parseInt(pageElement.getAttribute("HEIGHT"))).isEqualTo(height);

    List<List<List<TableWord>>> expected = layout(words.getOrDefault(key, List.of()));
    List<Element> printSpace = elementChildren(pageElement, "PrintSpace");
    assertThat(printSpace).hasSize(1);
    List<Element> blocks = elementChildren(printSpace.get(0), "TextBlock");
    assertThat(blocks).as("%s blocks", key).hasSize(expected.size());
    int strings = 0;
    for (int b = 0; b < blocks.size(); b++) {
      List<List<TableWord>> block = expected.get(b);
      assertThat(position(blocks.get(b))).as("%s block %d", key, b)
          .containsExactly(pixels(union(block), width, height));
      List<Element> lines = elementChildren(blocks.get(b), "TextLine");
      assertThat(lines).as("%s block %d lines", key, b).hasSize(block.size());
      for (int l = 0; l < lines.size(); l++) {
        List<TableWord> line = block.get(l);
        assertThat(position(lines.get(l))).as("%s block %d line %d", key, b, l)
            .containsExactly(pixels(union(List.of(line)), width, height));
        List<Element> ss = elementChildren(lines.get(l), "String");
        assertThat(ss).as("%s block %d line %d words", key, b, l).hasSize(line.size());
        assertThat(elementChildren(lines.get(l), "SP")).hasSize(line.size() - 1);
        for (int i = 0; i < ss.size(); i++) {
          TableWord w = line.get(i);
          String where = key + " word " + (strings + i);
          assertThat(ss.get(i).getAttribute("CONTENT")).as(where).isEqualTo(w.text());
          assertThat(position(ss.get(i))).as(where)
              .containsExactly(pixels(w.left(), w.top(), w.right(), w.bottom(), width, height));
          assertThat(Double.parseDouble(ss.get(i).getAttribute("WC"))).as(where)
              .isCloseTo(w.confidence(), within(FOUR_DECIMALS));
        }
        strings += ss.size();
      }
    }
    assertThat(strings).as("%s words", key).isEqualTo(page.<Integer>getAs("word_count"));
    return key;
  }

  /** Blocks of lines of words, by the table's block and line indices, in reading order. */
  private static List<List<List<TableWord>>> layout(List<TableWord> words) {
    TreeMap<Integer, TreeMap<Integer, List<TableWord>>> tree = new TreeMap<>();
    for (TableWord w : words) {
      tree.computeIfAbsent(w.block(), k -> new TreeMap<>())
          .computeIfAbsent(w.line(), k -> new ArrayList<>()).add(w);
    }
    return tree.values().stream().map(lines -> List.copyOf(lines.values())).toList();
  }

  /** Page text rebuilt from the table: words by spaces, lines by newlines, blocks by a blank. */
  private static String text(List<TableWord> words) {
    List<String> blocks = new ArrayList<>();
    for (List<List<TableWord>> block : layout(words)) {
      blocks.add(String.join("\n", block.stream().map(line -> String.join(" ",
          line.stream().map(TableWord::text).toList())).toList()));
    }
    return String.join("\n\n", blocks);
  }

  /** The box around all the words, {left, top, right, bottom} in page pixels. */
  private static double[] union(List<List<TableWord>> lines) {
    List<TableWord> all = lines.stream().flatMap(List::stream).toList();
    return new double[] {
        all.stream().mapToDouble(TableWord::left).min().orElseThrow(),
        all.stream().mapToDouble(TableWord::top).min().orElseThrow(),
        all.stream().mapToDouble(TableWord::right).max().orElseThrow(),
        all.stream().mapToDouble(TableWord::bottom).max().orElseThrow()};
  }

  private static int[] pixels(double[] box, int width, int height) {
    return pixels(box[0], box[1], box[2], box[3], width, height);
  }

  /**
   * The exporters' whole pixels: left and top down, right and bottom up, clipped to the page;
   * hOCR keeps {l, t, r, b}, ALTO compares as {HPOS, VPOS, WIDTH, HEIGHT}, see {@link #position}.
   */
  private static int[] pixels(double left, double top, double right, double bottom, int width,
      int height) {
    int l = clip((int) Math.floor(left), width);
    int t = clip((int) Math.floor(top), height);
    int r = Math.max(l, clip((int) Math.ceil(right), width));
    int b = Math.max(t, clip((int) Math.ceil(bottom), height));
    return new int[] {l, t, r, b};
  }

  private static int clip(int v, int max) {
    return Math.max(0, Math.min(max, v));
  }

  /** An ALTO element's box as {left, top, right, bottom}. */
  private static int[] position(Element e) {
    int hpos = Integer.parseInt(e.getAttribute("HPOS"));
    int vpos = Integer.parseInt(e.getAttribute("VPOS"));
    return new int[] {hpos, vpos, hpos + Integer.parseInt(e.getAttribute("WIDTH")),
        vpos + Integer.parseInt(e.getAttribute("HEIGHT"))};
  }

  private static void assertBox(String title, double[] box, int width, int height) {
    Matcher m = BBOX.matcher(title);
    assertThat(m.matches()).as(title).isTrue();
    assertThat(new int[] {group(m, 1), group(m, 2), group(m, 3), group(m, 4)}).as(title)
        .containsExactly(pixels(box, width, height));
  }

  private static int group(Matcher m, int i) {
    return Integer.parseInt(m.group(i));
  }

  /** Child elements of an hOCR element with the class. */
  private static List<Element> children(Element parent, String cls) {
    return allChildren(parent).stream().filter(e -> e.getAttribute("class").equals(cls)).toList();
  }

  /** Child elements of an ALTO element with the local name. */
  private static List<Element> elementChildren(Element parent, String localName) {
    return allChildren(parent).stream().filter(e -> localName.equals(e.getLocalName())).toList();
  }

  private static List<Element> allChildren(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  private static String damage(String xml, String regex, String replacement) {
    String damaged = xml.replaceFirst(regex, replacement);
    assertThat(damaged).as("damage %s", regex).isNotEqualTo(xml);
    return damaged;
  }

  /**
   * Swaps groups {@code g1} and {@code g2} of the first match where they differ (a word whose
   * left equals its top would leave the file unchanged).
   */
  private static String swapUnequal(String xml, String regex, int g1, int g2) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(xml);
    while (m.find()) {
      if (!m.group(g1).equals(m.group(g2))) {
        int early = Math.min(g1, g2);
        int late = Math.max(g1, g2);
        // the later group first, so the earlier one's offsets stay valid
        return new StringBuilder(xml)
            .replace(m.start(late), m.end(late), m.group(early))
            .replace(m.start(early), m.end(early), m.group(late))
            .toString();
      }
    }
    throw new AssertionError("no match of " + regex + " with two different values");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static PageKey key(Row r) {
    return new PageKey(ExportNames.imageName(r.getAs("source")), r.<Integer>getAs("page"));
  }

  private static TableWord tableWord(Row r) {
    return new TableWord(r.getAs("block"), r.getAs("line"), r.getAs("text"),
        r.getAs("confidence"), r.getAs("left"), r.getAs("top"), r.getAs("right"),
        r.getAs("bottom"));
  }
}
