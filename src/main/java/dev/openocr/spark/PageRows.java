package dev.openocr.spark;

import dev.openocr.document.Block;
import dev.openocr.document.Line;
import dev.openocr.document.Page;
import dev.openocr.document.Scripts;
import dev.openocr.document.Word;
import dev.openocr.geometry.Box;
import dev.openocr.geometry.Quad;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Converts between {@link Page} results and {@link OcrSchemas#PAGES} rows. */
public final class PageRows {
  private PageRows() {}

  /** What every row of one source file carries. */
  public record Source(String uri, Object modified, Long length, String model) {}

  /** Milliseconds per stage for one page. */
  public record Millis(long decode, long detect, long recognize) {}

  /** The row of a page read successfully. */
  public static Row ok(Source s, int pageIndex, Page p, Millis ms, Object now) {
    List<Row> words = new ArrayList<>();
    int wi = 0;
    for (int bi = 0; bi < p.blocks().size(); bi++) {
      Block b = p.blocks().get(bi);
      for (int li = 0; li < b.lines().size(); li++) {
        for (Word w : b.lines().get(li).words()) {
          words.add(word(bi, li, wi++, w));
        }
      }
    }
    return RowFactory.create(s.uri(), pageIndex, OcrSchemas.STATUS_OK, null, p.width(),
        p.height(), p.text(), words.size(), p.meanConfidence(), seq(words), s.model(), s.modified(),
        s.length(), now, ms.decode(), ms.detect(), ms.recognize(), p.orientation(),
        p.orientationConfidence(), Scripts.main(p.words()));
  }

  /** The row of a file or page that failed; the message names the cause first. */
  public static Row error(Source s, int pageIndex, ErrorCause cause, String detail, long decodeMs,
      Object now) {
    return RowFactory.create(s.uri(), pageIndex, OcrSchemas.STATUS_ERROR, cause.message(detail),
        null, null, null, 0, null, seq(List.of()), s.model(), s.modified(), s.length(), now, decodeMs,
        0L, 0L, null, null, null);
  }

  /** The {@link OcrSchemas#PAGE_RESULT} struct of a row made here (fields in pages order). */
  public static Row result(Row pagesRow) {
    String[] names = OcrSchemas.PAGE_RESULT.fieldNames();
    Object[] values = new Object[names.length];
    for (int i = 0; i < names.length; i++) {
      values[i] = pagesRow.get(OcrSchemas.PAGES.fieldIndex(names[i]));
    }
    return RowFactory.create(values);
  }

  /** Spark's row encoder takes arrays as Scala sequences. */
  private static scala.collection.Seq<Row> seq(List<Row> rows) {
    return scala.collection.JavaConverters.asScalaBuffer(rows);
  }

  private static Row word(int block, int line, int index, Word w) {
    Quad q = w.quad();
    Box b = w.box();
    return RowFactory.create(block, line, index, w.text(), w.confidence(), w.detScore(),
        q.x0(), q.y0(), q.x1(), q.y1(), q.x2(), q.y2(), q.x3(), q.y3(),
        b.left(), b.top(), b.right(), b.bottom(), Scripts.of(w.text()));
  }

  /**
   * Rebuilds the page of an {@code ok} row (blocks and lines from the stored indices), for
   * exports. Character probabilities are not stored and come back empty.
   */
  public static Page toPage(Row r) {
    List<Row> ws = r.getList(r.fieldIndex("words"));
    TreeMap<Integer, TreeMap<Integer, List<Word>>> tree = new TreeMap<>();
    for (Row w : ws) {
      Quad q = new Quad(w.getDouble(6), w.getDouble(7), w.getDouble(8), w.getDouble(9),
          w.getDouble(10), w.getDouble(11), w.getDouble(12), w.getDouble(13));
      Word word = new Word(w.getString(3), q, w.getDouble(4), w.getDouble(5), null);
      tree.computeIfAbsent(w.getInt(0), k -> new TreeMap<>())
          .computeIfAbsent(w.getInt(1), k -> new ArrayList<>()).add(word);
    }
    List<Block> blocks = new ArrayList<>();
    for (TreeMap<Integer, List<Word>> lines : tree.values()) {
      List<Line> ls = new ArrayList<>();
      for (List<Word> l : lines.values()) {
        ls.add(new Line(l));
      }
      blocks.add(new Block(ls));
    }
    int oi = r.fieldIndex("orientation");
    int ci = r.fieldIndex("orientation_confidence");
    return new Page(r.getInt(r.fieldIndex("width")), r.getInt(r.fieldIndex("height")), blocks,
        r.isNullAt(oi) ? 0 : r.getInt(oi), r.isNullAt(ci) ? 1.0 : r.getDouble(ci));
  }

  /** The current time as the external type Spark expects for timestamps. */
  public static Object now(boolean java8Time) {
    Timestamp t = new Timestamp(System.currentTimeMillis());
    return java8Time ? t.toInstant() : t;
  }
}
