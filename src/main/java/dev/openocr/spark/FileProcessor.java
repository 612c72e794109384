package dev.openocr.spark;

import dev.openocr.document.Page;
import dev.openocr.engine.OcrSession;
import dev.openocr.engine.PageTimings;
import dev.openocr.imageio.DecodeException;
import dev.openocr.imageio.DecodeLimits;
import dev.openocr.imageio.GrayImage;
import dev.openocr.imageio.ImageDecoder;
import dev.openocr.imageio.PageSource;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;

/**
 * Reads one input file and produces its page rows through a task's {@link OcrSession}. Every
 * failure becomes an error row naming the file and the cause; nothing is thrown per file.
 */
final class FileProcessor {
  private final OcrSession session;
  private final String model;
  private final DecodeLimits limits;
  private final HadoopConf hadoopConf;
  private final JobMetrics metrics;
  private final boolean java8Time;

  FileProcessor(OcrSession session, String model, DecodeLimits limits, HadoopConf hadoopConf,
      JobMetrics metrics, boolean java8Time) {
    this.session = session;
    this.model = model;
    this.limits = limits;
    this.hadoopConf = hadoopConf;
    this.metrics = metrics;
    this.java8Time = java8Time;
  }

  /** Either an error row for the whole file, or an open file to take pages from. */
  record Opened(Row errorRow, OpenFile file) {}

  Opened open(Row in) {
    String path = in.getString(in.fieldIndex("path"));
    Object modified = in.get(in.fieldIndex("modificationTime"));
    long length = in.getLong(in.fieldIndex("length"));
    PageRows.Source src = new PageRows.Source(path, modified, length, model);
    count(metrics == null ? null : metrics.files, 1);
    long t0 = System.nanoTime();
    try {
      limits.checkBytes(path, length);
      byte[] bytes = hasContent(in) ? (byte[]) in.get(in.fieldIndex("content")) : read(path);
      PageSource pages = ImageDecoder.open(bytes, path, limits);
      return new Opened(null, new OpenFile(src, pages, ms(t0)));
    } catch (DecodeException e) {
      return new Opened(fail(src, 0, ErrorCause.of(e.cause()), e.getMessage(), ms(t0)), null);
    } catch (IOException | RuntimeException e) {
      return new Opened(fail(src, 0, ErrorCause.READ_FAILED, path + ": cannot read: " + e, ms(t0)),
          null);
    }
  }

  private static boolean hasContent(Row in) {
    try {
      return !in.isNullAt(in.fieldIndex("content"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Reads the whole file, refusing to read past the byte limit whatever the listing said. */
  private byte[] read(String path) throws IOException, DecodeException {
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(hadoopConf.get());
    try (InputStream in = fs.open(p)) {
      byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
      limits.checkBytes(path, b.length);
      return b;
    }
  }

  private Row fail(PageRows.Source src, int page, ErrorCause cause, String detail, long decodeMs) {
    if (metrics != null) {
      metrics.error(cause);
      metrics.decodeMs.add(decodeMs);
    }
    return PageRows.error(src, page, cause, detail, decodeMs, PageRows.now(java8Time));
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static void count(org.apache.spark.util.LongAccumulator a, long n) {
    if (a != null) {
      a.add(n);
    }
  }

  /** A decodable file; pages are decoded and read one per call. */
  final class OpenFile implements AutoCloseable {
    private final PageRows.Source src;
    private final PageSource pages;
    private long openMs;
    private int next;

    OpenFile(PageRows.Source src, PageSource pages, long openMs) {
      this.src = src;
      this.pages = pages;
      this.openMs = openMs;
    }

    boolean hasNextPage() {
      return next < pages.pageCount();
    }

    Row nextPage() {
      int i = next++;
      long t0 = System.nanoTime();
      GrayImage img;
      try {
        img = pages.page(i);
      } catch (DecodeException e) {
        return fail(src, i, ErrorCause.of(e.cause()), e.getMessage(), ms(t0) + takeOpenMs());
      } catch (RuntimeException e) {
        return fail(src, i, ErrorCause.CORRUPT, src.uri() + ": page " + i + ": " + e,
            ms(t0) + takeOpenMs());
      }
      long decodeMs = ms(t0) + takeOpenMs();
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
      return PageRows.ok(src, i, page, m, PageRows.now(java8Time));
    }

    /** The time spent opening the file counts toward its first page's decode time. */
    private long takeOpenMs() {
      long o = openMs;
      openMs = 0;
      return o;
    }

    @Override
    public void close() {
      pages.close();
    }
  }
}
