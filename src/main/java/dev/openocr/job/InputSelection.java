package dev.openocr.job;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Which listed files a run processes. */
final class InputSelection {
  private InputSelection() {}

  /**
   * Files without a pages row of the same path, length and modification time: what a killed or
   * earlier run has not finished. A file changed since is processed again.
   */
  static Dataset<Row> notYetDone(Dataset<Row> files, Dataset<Row> pages) {
    Dataset<Row> done = pages.select("source", "source_length", "source_modified").distinct();
    Column same = files.col("path").equalTo(done.col("source"))
        .and(files.col("length").equalTo(done.col("source_length")))
        // Null-safe: empty files are listed without a modification time.
        .and(files.col("modificationTime").eqNullSafe(done.col("source_modified")));
    return files.join(done, same, "left_anti");
  }
}
