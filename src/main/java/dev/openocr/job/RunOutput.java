package dev.openocr.job;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.imageio.DecodeException;
import dev.openocr.imageio.DecodeLimits;
import dev.openocr.imageio.ImageDecoder;
import dev.openocr.imageio.PageSource;
import dev.openocr.spark.HadoopConf;
import dev.openocr.spark.OcrSchemas;
import dev.openocr.spark.PageRows;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A run's output read back on the driver: its {@code pages} and {@code words} tables as views of
 * those names, the pages a SQL query over them selects, the stored pages as plain objects, and
 * the source files through the cluster's Hadoop file systems.
 */
public final class RunOutput {
  private final SparkSession spark;
  private final String output;

  /** Registers the tables of {@code output} (a run's output URI) as the views. */
  public RunOutput(SparkSession spark, String output) {
    this.spark = spark;
    this.output = output;
    String base = output.endsWith("/") ? output : output + "/";
    // parts appended by an earlier version lack the newer columns, which read as null
    spark.read().option("mergeSchema", "true").parquet(base + OcrJob.PAGES)
        .createOrReplaceTempView(OcrJob.PAGES);
    spark.read().option("mergeSchema", "true").parquet(base + OcrJob.WORDS)
        .createOrReplaceTempView(OcrJob.WORDS);
  }

  /** The query of the {@code n} ok pages of lowest mean confidence. */
  public static String lowest(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("Invalid --lowest: " + n);
    }
    return "SELECT source, page FROM " + OcrJob.PAGES + " WHERE status = '"
        + OcrSchemas.STATUS_OK + "' ORDER BY mean_confidence, source, page LIMIT " + n;
  }

  /**
   * The distinct (source, page) pairs {@code sql} returns, in its order.
   *
   * @throws IllegalArgumentException when it does not return a string source and an integer page
   */
  public List<PageRef> select(String sql) {
    Dataset<Row> result = spark.sql(sql);
    String[] columns = result.columns();
    int source = index(columns, "source");
    int page = index(columns, "page");
    if (source < 0 || page < 0) {
      throw new IllegalArgumentException("The query must return the columns source and page "
          + "(it returns " + Arrays.toString(columns) + "): " + sql);
    }
    DataType sourceType = result.schema().fields()[source].dataType();
    DataType pageType = result.schema().fields()[page].dataType();
    if (!sourceType.equals(DataTypes.StringType)) {
      throw new IllegalArgumentException("Column source is " + sourceType.simpleString()
          + ", not a string URI: " + sql);
    }
    if (!List.of(DataTypes.IntegerType, DataTypes.LongType, DataTypes.ShortType,
        DataTypes.ByteType).contains(pageType)) {
      throw new IllegalArgumentException("Column page is " + pageType.simpleString()
          + ", not an integer page index: " + sql);
    }
    // Positional names: a join may return two columns called source.
    String[] positional = new String[columns.length];
    for (int i = 0; i < columns.length; i++) {
      positional[i] = "c" + i;
    }
    Set<PageRef> refs = new LinkedHashSet<>();
    for (Row r : result.toDF(positional).select("c" + source, "c" + page).collectAsList()) {
      if (r.isNullAt(0) || r.isNullAt(1)) {
        throw new IllegalArgumentException("The query returned a null source or page: " + sql);
      }
      refs.add(new PageRef(r.getString(0), ((Number) r.get(1)).intValue()));
    }
    return List.copyOf(refs);
  }

  private static int index(String[] columns, String name) {
    for (int i = 0; i < columns.length; i++) {
      // Spark resolves column names case-insensitively by default.
      if (columns[i].equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The stored rows of {@code refs} (absent when not in the table); ok wins over a rerun's error. */
  public Map<PageRef, StoredPage> pages(List<PageRef> refs) {
    Map<PageRef, StoredPage> out = new HashMap<>();
    if (refs.isEmpty()) {
      return out;
    }
    StructType schema = new StructType().add("source", DataTypes.StringType, false)
        .add("page", DataTypes.IntegerType, false);
    Dataset<Row> wanted = spark.createDataFrame(refs.stream()
        .map(r -> RowFactory.create(r.source(), r.page())).toList(), schema);
    Dataset<Row> pages = spark.table(OcrJob.PAGES);
    Column same = pages.col("source").equalTo(wanted.col("source"))
        .and(pages.col("page").equalTo(wanted.col("page")));
    for (Row r : pages.join(functions.broadcast(wanted), same, "left_semi").collectAsList()) {
      StoredPage p = stored(r);
      StoredPage before = out.get(p.ref());
      if (before == null || !before.ok()) {
        out.put(p.ref(), p);
      }
    }
    return out;
  }

  /**
   * Every row of {@code pages}, ordered by source and page, a page's ok rows before its error
   * rows; fetched a partition at a time.
   */
  public Iterator<StoredPage> pages() {
    Iterator<Row> rows = spark.table(OcrJob.PAGES).orderBy(functions.col("source"),
        functions.col("page"), functions.col("status").equalTo(OcrSchemas.STATUS_OK).desc())
        .toLocalIterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public StoredPage next() {
        return stored(rows.next());
      }
    };
  }

  private static StoredPage stored(Row r) {
    PageRef ref = new PageRef(r.getAs("source"), r.<Integer>getAs("page"));
    boolean ok = OcrSchemas.STATUS_OK.equals(r.getAs("status"));
    return new StoredPage(ref, ok ? null : r.getAs("error"), ok ? PageRows.toPage(r) : null);
  }

  /** The job's default decode limits, with the resolution the run rendered PDF pages at. */
  public static DecodeLimits limits(int pdfDpi) {
    return new DecodeLimits(OcrJobConfig.MAX_FILE_BYTES_DEFAULT, OcrJobConfig.MAX_PIXELS_DEFAULT,
        OcrJobConfig.MAX_PAGES_DEFAULT, pdfDpi);
  }

  /**
   * The pages of {@code source}, read through Hadoop and decoded as the job decodes them (EXIF,
   * TIFF pages, PDF at {@code limits.pdfDpi()}).
   *
   * @throws IOException "source not readable: ..." when the file cannot be read
   */
  public PageSource open(String source, DecodeLimits limits) throws IOException, DecodeException {
    byte[] bytes;
    try {
      bytes = new HadoopConf(spark.sparkContext().hadoopConfiguration()).readFile(source, limits);
    } catch (IOException e) {
      throw new IOException("source not readable: " + e.getMessage(), e);
    }
    return ImageDecoder.open(bytes, source, limits);
  }

  /** The output URI. */
  public String uri() {
    return output;
  }
}
