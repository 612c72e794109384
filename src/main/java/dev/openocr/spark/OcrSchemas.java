package dev.openocr.spark;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The output tables (ARCHITECTURE.md). Coordinates are page pixels, quads clockwise from the
 * top-left corner; confidences 0..1; timings milliseconds.
 */
public final class OcrSchemas {
  public static final String STATUS_OK = "ok";
  public static final String STATUS_ERROR = "error";

  /** Corner and box columns shared by the nested word struct and the words table. */
  static final String[] GEOMETRY = {"x0", "y0", "x1", "y1", "x2", "y2", "x3", "y3",
      "left", "top", "right", "bottom"};

  /** One word inside {@code pages.words}; {@code word} is its index in page reading order. */
  public static final StructType WORD = wordStruct();

  /** One row per page, also for files that failed. */
  public static final StructType PAGES = new StructType(new StructField[] {
      field("source", StringType, false),
      field("page", IntegerType, false),
      field("status", StringType, false),
      field("error", StringType, true),
      field("width", IntegerType, true),
      field("height", IntegerType, true),
      field("text", StringType, true),
      field("word_count", IntegerType, false),
      field("mean_confidence", DoubleType, true),
      field("words", DataTypes.createArrayType(WORD, false), false),
      field("model", StringType, true),
      field("source_modified", TimestampType, true),
      field("source_length", LongType, true),
      field("processed_at", TimestampType, false),
      field("decode_ms", LongType, false),
      field("detect_ms", LongType, false),
      field("recognize_ms", LongType, false),
      field("orientation", IntegerType, true),
      field("orientation_confidence", DoubleType, true),
      field("lang", StringType, true)});

  /** One page in the result of {@code ocr(content)}: the pages columns about the page itself. */
  public static final StructType PAGE_RESULT = select(PAGES, "page", "status", "error", "width",
      "height", "text", "word_count", "mean_confidence", "words", "lang");

  /** The result of {@code ocr(content)}: one struct per page in page order. */
  public static final ArrayType OCR_RESULT = DataTypes.createArrayType(PAGE_RESULT, false);

  /** Column names of the flat words table, in order. */
  public static final List<String> WORDS_COLUMNS = wordsColumns();

  private OcrSchemas() {}

  private static StructType wordStruct() {
    List<StructField> f = new ArrayList<>();
    f.add(field("block", IntegerType, false));
    f.add(field("line", IntegerType, false));
    f.add(field("word", IntegerType, false));
    f.add(field("text", StringType, false));
    f.add(field("confidence", DoubleType, false));
    f.add(field("det_score", DoubleType, false));
    for (String g : GEOMETRY) {
      f.add(field(g, DoubleType, false));
    }
    f.add(field("lang", StringType, true));
    return new StructType(f.toArray(new StructField[0]));
  }

  private static StructType select(StructType t, String... names) {
    StructField[] f = new StructField[names.length];
    for (int i = 0; i < names.length; i++) {
      f[i] = t.apply(names[i]);
    }
    return new StructType(f);
  }

  private static List<String> wordsColumns() {
    List<String> c = new ArrayList<>(List.of("source", "page", "block", "line", "word", "text",
        "confidence", "det_score"));
    c.addAll(List.of(GEOMETRY));
    c.add("width");
    c.add("height");
    c.add("lang");
    return List.copyOf(c);
  }

  /**
   * The flat words table derived from pages rows (explode of the nested words): OCR never runs
   * twice. Error pages have no words and so no rows.
   */
  public static Dataset<Row> words(Dataset<Row> pages) {
    Dataset<Row> exploded = pages.filter(functions.col("status").equalTo(STATUS_OK))
        .select(functions.col("source"), functions.col("page"), functions.col("width"),
            functions.col("height"), functions.explode(functions.col("words")).as("w"));
    List<Column> cols = new ArrayList<>();
    for (String c : WORDS_COLUMNS) {
      boolean top = c.equals("source") || c.equals("page") || c.equals("width")
          || c.equals("height");
      cols.add(top ? functions.col(c) : functions.col("w." + c).as(c));
    }
    return exploded.select(cols.toArray(new Column[0]));
  }

  private static StructField field(String name, org.apache.spark.sql.types.DataType t,
      boolean nullable) {
    return DataTypes.createStructField(name, t, nullable);
  }
}
