package dev.openocr.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.openocr.spark.ErrorCause;
import dev.openocr.spark.OcrPartitionFunction;
import dev.openocr.spark.OcrSchemas;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Which listed files an incremental run reads, judged by the rows earlier runs appended to
 * {@code pages}. A file (path, length, modification time) is done when every page it has rows
 * for has one that is settled: {@code ok}, or an error whose cause does not pass on another try.
 * A page whose rows are all errors that may pass (READ_FAILED, TIMEOUT, OCR_FAILURE) has been
 * tried once per such row; it is read again until it has {@code maxAttempts} of them.
 */
final class InputSelection {
  private InputSelection() {}

  /**
   * The files to read, with {@link OcrPartitionFunction#PAGES_TO_READ}: null to read every page
   * (a new or changed file, or one that failed as a whole), else the pages to read again.
   */
  static Dataset<Row> notYetDone(Dataset<Row> files, Dataset<Row> pages, int maxAttempts) {
    Column mayPass = col("status").equalTo(OcrSchemas.STATUS_ERROR)
        .and(substring_index(col("error"), ":", 1).isin(Arrays.stream(ErrorCause.values())
            .filter(ErrorCause::mayPass).map(Enum::name).toArray()));
    Dataset<Row> perPage = pages
        .groupBy("source", "source_length", "source_modified", "page")
        .agg(sum(when(mayPass, 0).otherwise(1)).as("settled"),
            sum(when(mayPass, 1).otherwise(0)).as("tries"));
    Dataset<Row> done = perPage.groupBy("source", "source_length", "source_modified")
        .agg(count("*").as("known"), sum("settled").as("settled"),
            // collect_list drops the nulls: pages settled or out of tries
            collect_list(when(col("settled").equalTo(0).and(col("tries").lt(maxAttempts)),
                col("page"))).as("retry"));
    Column same = files.col("path").equalTo(done.col("source"))
        .and(files.col("length").equalTo(done.col("source_length")))
        // Null-safe: empty files are listed without a modification time.
        .and(files.col("modificationTime").eqNullSafe(done.col("source_modified")));
    Column fresh = done.col("source").isNull();
    // One unsettled row and nothing else: the file failed as a whole, its page count unknown.
    Column whole = fresh.or(done.col("settled").equalTo(0).and(done.col("known").equalTo(1)));
    return files.join(done, same, "left_outer")
        .filter(fresh.or(size(done.col("retry")).gt(0)))
        .select(files.col("path"), files.col("modificationTime"), files.col("length"),
            when(whole, lit(null).cast(DataTypes.createArrayType(DataTypes.IntegerType)))
                .otherwise(sort_array(done.col("retry")))
                .as(OcrPartitionFunction.PAGES_TO_READ));
  }
}
