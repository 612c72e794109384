package dev.openocr.cli;

import dev.openocr.job.OcrJob;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code openocr query}: Spark SQL, with the {@code ocr()} function, over the {@code pages} and
 * {@code words} views of a run when one is named.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
    description = "Spark SQL with ocr(content[, lang]); --output registers a run's tables as "
        + "views pages and words.")
public final class QueryCommand implements Callable<Integer> {
  /** Output formats of the result. */
  enum Format { TABLE, CSV, JSON }

  @Option(names = "--output", paramLabel = "URI",
      description = "A run's output: its tables become views pages and words.")
  String output;

  @Option(names = "--sql", required = true, description = "The query.")
  String sql;

  @Option(names = "--format", defaultValue = "table", description = "table, csv or json.")
  Format format;

  @Option(names = "--max-rows", defaultValue = "1000", description = "Rows printed at most.")
  int maxRows;

  @Option(names = "--master", paramLabel = "M", description = "Spark master (default local[*]).")
  String master;

  @Option(names = "--conf", paramLabel = "k=v",
      description = "Spark conf or openocr.* setting for ocr() (e.g. openocr.lexicon=false); "
          + "repeatable.")
  Map<String, String> conf = new LinkedHashMap<>();

  @Override
  public Integer call() {
    Map<String, String> sparkConf = new LinkedHashMap<>(Map.of("spark.ui.enabled", "false"));
    sparkConf.putAll(conf);
    SparkSession spark = Sessions.start("openocr query", master, sparkConf);
    try {
      if (output != null) {
        register(spark, output);
      }
      Dataset<Row> result = spark.sql(sql).limit(maxRows);
      print(result, format, System.out);
      return 0;
    } finally {
      spark.stop();
    }
  }

  /** Registers {@code pages} and {@code words} of an output as temporary views. */
  static void register(SparkSession spark, String output) {
    String base = output.endsWith("/") ? output : output + "/";
    spark.read().parquet(base + OcrJob.PAGES).createOrReplaceTempView(OcrJob.PAGES);
    spark.read().parquet(base + OcrJob.WORDS).createOrReplaceTempView(OcrJob.WORDS);
  }

  static void print(Dataset<Row> result, Format format, PrintStream out) {
    switch (format) {
      case JSON -> result.toJSON().collectAsList().forEach(out::println);
      case CSV -> {
        out.println(String.join(",", List.of(result.columns()).stream().map(QueryCommand::csv)
            .toList()));
        for (Row r : result.collectAsList()) {
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < r.length(); i++) {
            sb.append(i > 0 ? "," : "").append(r.isNullAt(i) ? "" : csv(String.valueOf(r.get(i))));
          }
          out.println(sb);
        }
      }
      // Dataset.show prints to the console, i.e. standard output.
      default -> result.show(Integer.MAX_VALUE, 60);
    }
  }

  /** RFC 4180 quoting when needed. */
  static String csv(String s) {
    boolean quote = s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r");
    return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
