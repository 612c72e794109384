package dev.openocr.spark;

import java.util.Iterator;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;

/**
 * Test-only: fails a task's first attempt after it produced a given number of page rows, so
 * tests can prove that Spark's retry leaves every page exactly once in the output. Off (0) by
 * default.
 */
final class FaultInjector implements Iterator<Row> {
  private final Iterator<Row> rows;
  private final int failAfter;
  private int produced;

  private FaultInjector(Iterator<Row> rows, int failAfter) {
    this.rows = rows;
    this.failAfter = failAfter;
  }

  /** {@code rows} unchanged unless {@code failAfter > 0} and this is a task's first attempt. */
  static Iterator<Row> wrap(Iterator<Row> rows, int failAfter, TaskContext tc) {
    boolean firstAttempt = tc == null || tc.attemptNumber() == 0;
    return failAfter > 0 && firstAttempt ? new FaultInjector(rows, failAfter) : rows;
  }

  @Override
  public boolean hasNext() {
    return rows.hasNext();
  }

  @Override
  public Row next() {
    if (produced == failAfter) {
      throw new IllegalStateException("Injected fault after " + failAfter
          + " pages (openocr.test.fail-task-after-pages)");
    }
    produced++;
    return rows.next();
  }
}
