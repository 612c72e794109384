package dev.openocr.job;

import java.io.PrintStream;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Prints a query's result as a table, CSV (RFC 4180) or JSON lines. */
public final class QueryPrinter {
  /** Output formats of a result. */
  public enum Format { TABLE, CSV, JSON }

  private QueryPrinter() {}

  public static void print(Dataset<Row> result, Format format, PrintStream out) {
    switch (format) {
      case JSON -> result.toJSON().collectAsList().forEach(out::println);
      case CSV -> {
        out.println(String.join(",", List.of(result.columns()).stream().map(QueryPrinter::csv)
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
  public static String csv(String s) {
    boolean quote = s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r");
    return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
