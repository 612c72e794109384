package dev.openocr.spark;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;

/**
 * Lazily turns input file rows into page rows, one page at a time, so a long multi-page file
 * never sits in memory whole. Closes the task's page runner (and so its session) when the input
 * is exhausted (and again, harmlessly, from the task completion listener).
 */
final class PageRowIterator implements Iterator<Row>, AutoCloseable {
  private final Iterator<Row> input;
  private final TaskReader reader;
  private final ArrayDeque<Row> ready = new ArrayDeque<>();
  private FileProcessor.OpenFile current;
  private boolean closed;
  private long produced;

  PageRowIterator(Iterator<Row> input, TaskReader reader) {
    this.input = input;
    this.reader = reader;
  }

  @Override
  public boolean hasNext() {
    while (ready.isEmpty() && !closed) {
      if (current != null && current.hasNextPage()) {
        ready.add(current.nextPage());
      } else if (current != null) {
        current.close();
        current = null;
      } else if (input.hasNext()) {
        FileProcessor.Opened o = reader.files().open(input.next());
        if (o.errorRow() != null) {
          ready.add(o.errorRow());
        } else {
          current = o.file();
        }
      } else {
        close();
      }
    }
    return !ready.isEmpty();
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    produced++;
    return ready.poll();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (current != null) {
        current.close();
      }
    } finally {
      reader.close();
      TaskMemory.log(produced);
    }
  }
}
