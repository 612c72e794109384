package dev.openocr.cli;

import dev.openocr.job.Driver;
import dev.openocr.job.QueryPrinter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
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
  @Option(names = "--output", paramLabel = "URI",
      description = "A run's output: its tables become views pages and words.")
  String output;

  @Option(names = "--sql", required = true, description = "The query.")
  String sql;

  @Option(names = "--format", defaultValue = "table", description = "table, csv or json.")
  QueryPrinter.Format format;

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
    try (Driver driver = Driver.start("openocr query", master, sparkConf)) {
      if (output != null) {
        driver.output(output);
      }
      driver.query(sql, maxRows, format, System.out);
      return 0;
    }
  }
}
