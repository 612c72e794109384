package dev.openocr.spark;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.document.Page;
import dev.openocr.engine.OcrSession;
import dev.openocr.engine.PageTimings;
import dev.openocr.imageio.DecodeException;
import dev.openocr.imageio.DecodeLimits;
import dev.openocr.imageio.GrayImage;
import dev.openocr.imageio.ImageDecoder;
import dev.openocr.imageio.PageSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Row;

/**
 * Reads one input file and produces its page rows through a task's {@link PageRunner}: one place
 * for the job's partitions and the {@code ocr()} function. Every failure becomes an error row
 * naming the file and the cause; nothing is thrown per file.
 */
final class FileProcessor {
  private final PageRunner runner;
  private final String model;
  private final TaskOptions options;
  private final DecodeLimits limits;
  private final HadoopConf hadoopConf;
  private final JobMetrics metrics;

  FileProcessor(PageRunner runner, String model, TaskOptions options, HadoopConf hadoopConf,
      JobMetrics metrics) {
    this.runner = runner;
    this.model = model;
    this.options = options;
    this.limits = options.limits();
    this.hadoopConf = hadoopConf;
    this.metrics = metrics;
  }

  /** Either an error row for the whole file, or an open file to take pages from. */
  record Opened(Row errorRow, OpenFile file) {}

  /** The bytes of a file, read once it passed the listing's size check. */
  interface Content {
    byte[] read() throws IOException, DecodeException;
  }

  /** Opens a listed file: row {@code (path, modificationTime, length[, content])}. */
  Opened open(Row in) {
    String path = in.getString(in.fieldIndex("path"));
    Object modified = in.get(in.fieldIndex("modificationTime"));
    long length = in.getLong(in.fieldIndex("length"));
    PageRows.Source src = new PageRows.Source(path, modified, length, model);
    Opened o = open(src, () -> hasContent(in) ? (byte[]) in.get(in.fieldIndex("content"))
        : hadoopConf.readFile(path, limits));
    List<Integer> only = pagesToRead(in);
    if (o.file() != null && only != null) {
      o.file().readOnly(only);
    }
    return o;
  }

  /**
   * Every row of one file given as bytes, in page order: the pages, or the file's error row.
   * {@code name} stands for the file in error messages.
   */
  List<Row> readAll(String name, byte[] bytes) {
    Opened o = open(new PageRows.Source(name, null, (long) bytes.length, model), () -> bytes);
    if (o.errorRow() != null) {
      return List.of(o.errorRow());
    }
    List<Row> rows = new ArrayList<>();
    try (OpenFile f = o.file()) {
      while (f.hasNextPage()) {
        rows.add(f.nextPage());
      }
    }
    return rows;
  }

  private Opened open(PageRows.Source src, Content content) {
    Opened o = tryOpen(src, content);
    if (o.errorRow() != null && metrics != null) {
      metrics.filesDone.add(1);
    }
    return o;
  }

  private Opened tryOpen(PageRows.Source src, Content content) {
    String path = src.uri();
    if (metrics != null) {
      metrics.files.add(1);
    }
    long t0 = System.nanoTime();
    try {
      limits.checkBytes(path, src.length());
      byte[] bytes;
      try {
        bytes = content.read();
      } catch (OutOfMemoryError e) {
        // On the task's own thread an OutOfMemoryError would end the executor.
        return new Opened(fail(src, 0, ErrorCause.TOO_LARGE, path + ": out of memory reading "
            + src.length() + " bytes", ms(t0)), null);
      }
      // Headers are parsed under the time budget too: a hostile file may loop in its parser.
      PageSource pages = runner.run(session -> ImageDecoder.open(bytes, path, limits));
      return new Opened(null, new OpenFile(src, pages, ms(t0)));
    } catch (DecodeException e) {
      return new Opened(fail(src, 0, ErrorCause.of(e.cause()), e.getMessage(), ms(t0)), null);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof DecodeException d) {
        return new Opened(fail(src, 0, ErrorCause.of(d.cause()), d.getMessage(), ms(t0)), null);
      }
      return new Opened(fail(src, 0, crashCause(e.getCause()), path + ": cannot open: "
          + e.getCause(), ms(t0)), null);
    } catch (TimeoutException e) {
      return new Opened(fail(src, 0, ErrorCause.TIMEOUT, path + ": opening " + overBudget(e),
          ms(t0)), null);
    } catch (PageRunner.EngineFailure e) {
      // Not the file's fault: the task fails and Spark runs it again.
      throw e;
    } catch (IOException | RuntimeException e) {
      return new Opened(fail(src, 0, ErrorCause.READ_FAILED, path + ": cannot read: " + e, ms(t0)),
          null);
    }
  }

  /** "took longer than 120 s (openocr.limit.page-seconds)", or why it was not started. */
  private String overBudget(TimeoutException e) {
    return e.getMessage() != null ? e.getMessage() : "took longer than " + options.pageSeconds()
        + " s (" + OcrJobConfig.PAGE_SECONDS + ")";
  }

  /** A decoder that ran out of heap read too large a file; one that crashed, a corrupt one. */
  private static ErrorCause crashCause(Throwable t) {
    return t instanceof OutOfMemoryError ? ErrorCause.TOO_LARGE : ErrorCause.CORRUPT;
  }

  /** The row's {@link OcrPartitionFunction#PAGES_TO_READ}, or null for every page. */
  private static List<Integer> pagesToRead(Row in) {
    try {
      int i = in.fieldIndex(OcrPartitionFunction.PAGES_TO_READ);
      return in.isNullAt(i) ? null : in.getList(i);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean hasContent(Row in) {
    try {
      return !in.isNullAt(in.fieldIndex("content"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private Row fail(PageRows.Source src, int page, ErrorCause cause, String detail, long decodeMs) {
    if (metrics != null) {
      metrics.error(cause);
      metrics.decodeMs.add(decodeMs);
    }
    return PageRows.error(src, page, cause, detail, decodeMs, PageRows.now(options.java8Time()));
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /** A decodable file; pages are decoded and read one per call. */
  final class OpenFile implements AutoCloseable {
    private final PageRows.Source src;
    private final PageSource pages;
    private long openMs;
    /** The pages to read in order, or null for every page. */
    private int[] order;
    private int next;
    /** Page that ran out of time; the stuck call still holds the file, so the rest is skipped. */
    private int timedOut = -1;

    OpenFile(PageRows.Source src, PageSource pages, long openMs) {
      this.src = src;
      this.pages = pages;
      this.openMs = openMs;
    }

    /** Reads only these pages of the file (those it has), in ascending order. */
    void readOnly(List<Integer> only) {
      order = only.stream().mapToInt(Integer::intValue).filter(p -> p >= 0 && p < pages.pageCount())
          .sorted().distinct().toArray();
    }

    boolean hasNextPage() {
      return next < (order == null ? pages.pageCount() : order.length);
    }

    Row nextPage() {
      int i = order == null ? next++ : order[next++];
      if (timedOut >= 0) {
        return fail(src, i, ErrorCause.TIMEOUT, src.uri() + ": page " + i + ": skipped: page "
            + timedOut + " exceeded the " + options.pageSeconds() + " s budget", 0);
      }
      long t0 = System.nanoTime();
      long open = takeOpenMs();
      try {
        return runner.run(session -> page(session, i, open));
      } catch (TimeoutException e) {
        timedOut = i;
        // Decoders that check for it stop soon; the runner counts the others until they return.
        pages.abort();
        return fail(src, i, ErrorCause.TIMEOUT, src.uri() + ": page " + i + ": "
            + overBudget(e), ms(t0) + open);
      } catch (ExecutionException e) {
        return fail(src, i, ErrorCause.OCR_FAILURE, src.uri() + ": page " + i + ": "
            + e.getCause(), ms(t0) + open);
      }
    }

    /** Decodes and reads page {@code i} on the runner's thread. */
    private Row page(OcrSession session, int i, long openMs) {
      long t0 = System.nanoTime();
      GrayImage img;
      try {
        img = pages.page(i);
      } catch (DecodeException e) {
        return fail(src, i, ErrorCause.of(e.cause()), e.getMessage(), ms(t0) + openMs);
      } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
        // A decoder's error is the file's: the page becomes an error row, the task goes on.
        return fail(src, i, crashCause(e), src.uri() + ": page " + i + ": " + e, ms(t0) + openMs);
      }
      long decodeMs = ms(t0) + openMs;
      Page page;
      try {
        page = session.ocr(img);
      } catch (RuntimeException e) {
        return fail(src, i, ErrorCause.OCR_FAILURE, src.uri() + ": page " + i + ": " + e,
            decodeMs);
      }
      PageTimings t = session.lastTimings();
      // Layout is cheap and belongs to assembling the recognized words.
      PageRows.Millis m = new PageRows.Millis(decodeMs, t.detectMs(),
          t.recognizeMs() + t.layoutMs());
      if (metrics != null) {
        metrics.pages.add(1);
        metrics.words.add(page.words().size());
        metrics.decodeMs.add(m.decode());
        metrics.detectMs.add(m.detect());
        metrics.recognizeMs.add(m.recognize());
      }
      return PageRows.ok(src, i, page, m, PageRows.now(options.java8Time()));
    }

    /** The time spent opening the file counts toward its first page's decode time. */
    private long takeOpenMs() {
      long o = openMs;
      openMs = 0;
      return o;
    }

    @Override
    public void close() {
      if (metrics != null && !hasNextPage()) {
        metrics.filesDone.add(1);
      }
      // After a timeout the stuck call may still read the file: leave it to the collector.
      if (timedOut < 0) {
        pages.close();
      }
    }
  }
}
