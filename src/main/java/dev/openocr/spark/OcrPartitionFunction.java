package dev.openocr.spark;

import dev.openocr.engine.EngineOptions;
import java.util.Iterator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * OCR of one partition of input files: rows {@code (path, modificationTime, length[, content]
 * [, pages_to_read])} in, one {@link OcrSchemas#PAGES} row per page out, and one error row per
 * failed file. Holds
 * only serializable settings; the engine comes from the executor's {@link EngineCache}, and the
 * task's session is opened at partition start and closed when the task ends.
 */
public final class OcrPartitionFunction implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  /** Optional input column: the pages of a file to read (0-based, ascending); null reads all. */
  public static final String PAGES_TO_READ = "pages_to_read";

  private final EngineFactory factory;
  private final EngineOptions options;
  private final TaskOptions taskOptions;
  private final HadoopConf hadoopConf;
  private final JobMetrics metrics;

  /**
   * @param options engine options; device and threads are replaced per task
   * @param hadoopConf used when the input rows carry no {@code content} column
   * @param metrics accumulators, may be null
   */
  public OcrPartitionFunction(EngineFactory factory, EngineOptions options,
      TaskOptions taskOptions, HadoopConf hadoopConf, JobMetrics metrics) {
    this.factory = factory;
    this.options = options;
    this.taskOptions = taskOptions;
    this.hadoopConf = hadoopConf;
    this.metrics = metrics;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    TaskContext tc = TaskContext.get();
    TaskReader reader = TaskReader.open(factory, options, taskOptions, hadoopConf, metrics, tc);
    PageRowIterator rows = new PageRowIterator(input, reader);
    if (tc != null) {
      // Closes the session also when the task fails or stops consuming early.
      tc.addTaskCompletionListener((TaskContext ctx) -> rows.close());
    }
    return FaultInjector.wrap(rows, taskOptions.faultAfterPages(), tc);
  }
}
