package dev.openocr.cli;

import dev.openocr.document.Page;
import dev.openocr.export.ExportNames;
import dev.openocr.export.Overlay;
import dev.openocr.imageio.DecodeException;
import dev.openocr.imageio.DecodeLimits;
import dev.openocr.imageio.GrayImage;
import dev.openocr.imageio.ImageDecoder;
import dev.openocr.imageio.PageSource;
import dev.openocr.imageio.Resize;
import dev.openocr.job.OcrJob;
import dev.openocr.spark.HadoopConf;
import dev.openocr.spark.OcrSchemas;
import dev.openocr.spark.PageRows;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
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
 * Overlays for the pages a SQL query over a run's output selects. The query runs against the
 * {@code pages} and {@code words} views and must return the columns {@code source} and
 * {@code page}; each selected page's words come from the {@code pages} table and its image from
 * the source URI (any Hadoop file system), decoded as the job decodes it. One PNG per page,
 * named like the exports ({@code scan-p1.overlay.png}). A page that cannot be drawn is reported
 * and the others are still drawn.
 */
final class RenderQuery {
  /** File extension of an overlay, after the export name's stem. */
  static final String EXTENSION = "overlay.png";

  /** A selected page: the source URI as the job recorded it and the 0-based page index. */
  record PageRef(String source, int page) {
    @Override
    public String toString() {
      return source + " page " + page;
    }
  }

  /** One line per PNG written ({@code confidence words png}), one message per page not drawn. */
  record Outcome(List<String> written, List<String> failed) {}

  private final double minConfidence;
  private final boolean showText;
  private final DecodeLimits limits;

  /**
   * @param minConfidence words below this confidence (0..1) are left out
   * @param pdfDpi the resolution the run rendered PDF pages at, dots per inch
   */
  RenderQuery(double minConfidence, boolean showText, int pdfDpi) {
    this.minConfidence = minConfidence;
    this.showText = showText;
    this.limits = new DecodeLimits(DecodeLimits.MAX_FILE_BYTES_DEFAULT,
        DecodeLimits.MAX_PIXELS_DEFAULT, DecodeLimits.MAX_PAGES_DEFAULT, pdfDpi);
  }

  /** The query used without {@code --sql}: the {@code n} ok pages of lowest mean confidence. */
  static String lowest(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("Invalid --lowest: " + n);
    }
    return "SELECT source, page FROM " + OcrJob.PAGES + " WHERE status = '"
        + OcrSchemas.STATUS_OK + "' ORDER BY mean_confidence, source, page LIMIT " + n;
  }

  /**
   * Runs {@code sql} over {@code output} and draws the pages it returns, in its order, into the
   * local folder {@code to}.
   *
   * @throws IllegalArgumentException when the query does not return source and page columns
   */
  Outcome render(SparkSession spark, String output, String sql, Path to) throws IOException {
    QueryCommand.register(spark, output);
    List<PageRef> refs = selected(spark.sql(sql), sql);
    Map<PageRef, Row> rows = pageRows(spark, refs);
    Map<PageRef, String> names = names(refs);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Files.createDirectories(to);
    List<String> written = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (PageRef ref : refs) {
      Row row = rows.get(ref);
      if (row == null) {
        failed.add(ref + ": not in " + output + "/" + OcrJob.PAGES);
      } else if (!OcrSchemas.STATUS_OK.equals(row.getAs("status"))) {
        failed.add(ref + ": the run could not read this page: " + row.getAs("error"));
      } else {
        try {
          written.add(draw(ref, row, conf, to.resolve(names.get(ref))));
        } catch (IOException | DecodeException | RuntimeException e) {
          failed.add(ref + ": " + e.getMessage());
        }
      }
    }
    return new Outcome(written, failed);
  }

  /** The distinct (source, page) pairs of the result, in its order. */
  static List<PageRef> selected(Dataset<Row> result, String sql) {
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

  /** The pages rows of the selected pages; an ok row wins over an error row of a rerun. */
  private static Map<PageRef, Row> pageRows(SparkSession spark, List<PageRef> refs) {
    Map<PageRef, Row> out = new HashMap<>();
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
      PageRef ref = new PageRef(r.getAs("source"), r.<Integer>getAs("page"));
      Row before = out.get(ref);
      if (before == null || !OcrSchemas.STATUS_OK.equals(before.getAs("status"))) {
        out.put(ref, r);
      }
    }
    return out;
  }

  /** Export names, given in (source, page) order as the export does. */
  private static Map<PageRef, String> names(List<PageRef> refs) {
    ExportNames names = new ExportNames();
    Map<PageRef, String> out = new HashMap<>();
    refs.stream().sorted(Comparator.comparing(PageRef::source).thenComparing(PageRef::page))
        .forEach(r -> out.put(r, names.fileName(r.source(), r.page(), EXTENSION)));
    return out;
  }

  /** Draws one page into {@code png}; returns the line to print. */
  private String draw(PageRef ref, Row row, Configuration conf, Path png)
      throws IOException, DecodeException {
    Page page = PageRows.toPage(row);
    GrayImage image = read(ref, conf);
    if (image.width() != page.width() || image.height() != page.height()) {
      // A PDF rendered at another dpi than the run's, or a file changed since the run.
      System.err.printf("warning: %s is %dx%d now but was %dx%d in the run; scaled to fit%n",
          ref, image.width(), image.height(), page.width(), page.height());
      image = Resize.to(image, page.width(), page.height());
    }
    try (OutputStream os = Files.newOutputStream(png)) {
      Overlay.writePng(Overlay.draw(image.toBufferedImage(), page, minConfidence, showText), os);
    }
    return String.format(Locale.ROOT, "%.3f %5d %s", page.meanConfidence(), page.words().size(),
        png);
  }

  /** Page {@code ref.page} of the source, through the job's decoder (EXIF, TIFF, PDF). */
  private GrayImage read(PageRef ref, Configuration conf) throws IOException, DecodeException {
    byte[] bytes;
    try {
      bytes = new HadoopConf(conf).readFile(ref.source(), limits);
    } catch (IOException e) {
      throw new IOException("source not readable: " + e.getMessage(), e);
    }
    try (PageSource pages = ImageDecoder.open(bytes, ref.source(), limits)) {
      if (ref.page() < 0 || ref.page() >= pages.pageCount()) {
        throw new IllegalArgumentException("no page " + ref.page() + " in the source (it has "
            + pages.pageCount() + ")");
      }
      return pages.page(ref.page());
    }
  }
}
