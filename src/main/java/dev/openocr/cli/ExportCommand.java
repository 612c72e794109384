package dev.openocr.cli;

import dev.openocr.export.ExportFormat;
import dev.openocr.export.ExportNames;
import dev.openocr.export.Exporter;
import dev.openocr.export.PageExporter;
import dev.openocr.job.OcrJob;
import dev.openocr.spark.PageRows;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code openocr export}: one file per page of a run's output in a local folder. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write one file per page (named after the source stem) into a local folder.")
public final class ExportCommand implements Callable<Integer> {
  @Option(names = "--output", required = true, paramLabel = "URI", description = "A run's output.")
  String output;

  @Option(names = "--format", defaultValue = "json",
      description = "Export format: json, hocr, alto or txt (default: json).")
  String format;

  @Option(names = "--to", required = true, paramLabel = "DIR", description = "Local folder.")
  Path to;

  @Option(names = "--master", paramLabel = "M", description = "Spark master (default local[*]).")
  String master;

  @Override
  public Integer call() throws IOException {
    PageExporter exporter = ExportFormat.of(format).exporter();
    SparkSession spark = Sessions.start("openocr export", master, Map.of("spark.ui.enabled",
        "false"));
    try {
      int n = export(spark, output, exporter, to);
      System.out.println("Exported " + n + " pages to " + to);
      return 0;
    } finally {
      spark.stop();
    }
  }

  /**
   * Writes every ok page of {@code output} (a run's output URI) into the local folder {@code dir},
   * one file per page named by {@link ExportNames}; returns the number of files.
   */
  public static int export(SparkSession spark, String output, PageExporter exporter, Path dir)
      throws IOException {
    Path root = dir.toAbsolutePath().normalize();
    Files.createDirectories(root);
    String base = output.endsWith("/") ? output : output + "/";
    Iterator<Row> rows = spark.read().parquet(base + OcrJob.PAGES)
        .filter(functions.col("status").equalTo("ok"))
        .orderBy("source", "page").toLocalIterator();
    ExportNames names = new ExportNames();
    int n = 0;
    while (rows.hasNext()) {
      Row r = rows.next();
      String source = r.getString(r.fieldIndex("source"));
      int page = r.getInt(r.fieldIndex("page"));
      Path file = root.resolve(names.fileName(source, page, exporter.extension())).normalize();
      if (!file.getParent().equals(root)) {
        throw new IllegalStateException("Refusing to write outside " + root + ": " + file);
      }
      if (exporter instanceof Exporter paged) {
        // Formats that record the page number (hOCR, ALTO) get it.
        try (OutputStream o = Files.newOutputStream(file)) {
          paged.write(ExportNames.imageName(source), page, PageRows.toPage(r), o);
        }
      } else {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          exporter.write(w, ExportNames.imageName(source), PageRows.toPage(r));
        }
      }
      n++;
    }
    return n;
  }
}
