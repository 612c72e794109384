package dev.openocr.serve;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import dev.openocr.document.Block;
import dev.openocr.document.Line;
import dev.openocr.document.Page;
import dev.openocr.document.Word;
import dev.openocr.engine.OcrSession;
import dev.openocr.engine.PageTimings;
import dev.openocr.export.ExportFormat;
import dev.openocr.export.Exporters;
import dev.openocr.export.PageJson;
import dev.openocr.imageio.GrayImage;
import dev.openocr.imageio.PageSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code POST /v1/ocr}: an image body or multipart upload in, the read pages out. */
final class OcrHandler {
  private static final long NANOS_PER_MILLI = 1_000_000;
  /** An oversized body is read and dropped up to this many times the limit ... */
  static final long DRAIN_FACTOR = 4;
  /** ... and never more than this many bytes; beyond, the connection is simply closed. */
  static final long DRAIN_MAX_BYTES = 256L << 20;
  static final int DRAIN_BUFFER = 64 << 10;
  /** Seconds a refused client is asked to wait before it tries again. */
  static final String RETRY_AFTER_SECONDS = "1";

  /** One read page with its stage timings. */
  private record PageResult(Page page, PageTimings timings) {}

  /** What a worker produced: the pages read, how many the upload has, timings in ms. */
  private record Result(List<PageResult> pages, int pageCount, long queueMs, long decodeMs) {}

  private final WorkerPool pool;
  private final ServerConfig config;
  private final ServerMetrics metrics;
  private final String modelId;

  OcrHandler(WorkerPool pool, ServerConfig config, ServerMetrics metrics, String modelId) {
    this.pool = pool;
    this.config = config;
    this.metrics = metrics;
    this.modelId = modelId;
  }

  void handle(HttpExchange ex) throws IOException {
    long start = System.nanoTime();
    OcrRequest req = OcrRequest.parse(ex.getRequestURI().getRawQuery());
    // A place first: a request that cannot have one is refused before its body is read.
    WorkerPool.Slot slot;
    try {
      slot = pool.admit();
    } catch (HttpError e) {
      ex.getResponseHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
      ex.getResponseHeaders().set("Connection", "close");
      throw e;
    }
    try (slot) {
      byte[] body = readBody(ex);
      HttpThreads.requestRead();
      respond(ex, req, body, slot, start);
    }
  }

  private void respond(HttpExchange ex, OcrRequest request, byte[] body, WorkerPool.Slot slot,
      long start) throws IOException {
    OcrRequest req = request;
    String contentType = ex.getRequestHeaders().getFirst("Content-Type");
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      Multipart.Part part = Multipart.firstFile(body, contentType);
      body = part.content();
      if (!part.fileName().isBlank() && req.name().equals(OcrRequest.DEFAULT_NAME)) {
        req = req.withName(part.fileName());
      }
    }
    if (body.length == 0) {
      throw new HttpError(400, "Empty upload: POST an image as the body or as multipart file");
    }
    byte[] image = body;
    String name = req.name();
    long submitted = System.nanoTime();
    long left = config.timeoutMillis() - (submitted - start) / NANOS_PER_MILLI;
    // json answers every page; the other formats one page, so only that one is read.
    int only = req.format() == ExportFormat.JSON ? -1 : req.page();
    Result result = pool.call(slot, s -> read(s, image, name, only, submitted), Math.max(1, left),
        config.timeoutMillis());
    int words = result.pages().stream().mapToInt(p -> p.page().words().size()).sum();
    metrics.ocr((System.nanoTime() - start) / 1e9, result.pages().size(), words);
    List<PageResult> pages = filter(result.pages(), req.minConfidence());
    if (req.format() == ExportFormat.JSON) {
      Responses.json(ex, 200, json(req, pages, result, start));
    } else {
      ex.getResponseHeaders().set("X-Page-Count", Integer.toString(result.pageCount()));
      Responses.send(ex, 200, req.format().contentType(), Exporters.of(req.format())
          .toBytes(name, req.page(), pages.get(0).page()));
    }
  }

  /**
   * Decodes the upload and reads every page, or only page {@code only} when it is >= 0; pages
   * are decoded one at a time, each read before the next is decoded.
   */
  private Result read(OcrSession session, byte[] image, String name, int only, long submitted) {
    long t0 = System.nanoTime();
    try (PageSource source = UploadDecoder.open(image, name, UploadDecoder.limits(config))) {
      long decodeNanos = System.nanoTime() - t0;
      int count = source.pageCount();
      if (only >= count) {
        throw new HttpError(400, "Invalid page: " + only + "; the upload has " + count
            + " page(s)");
      }
      List<PageResult> pages = new ArrayList<>();
      for (int i = only >= 0 ? only : 0; i < (only >= 0 ? only + 1 : count); i++) {
        if (Thread.currentThread().isInterrupted()) {
          throw new HttpError(503, "Timed out reading " + name);
        }
        long d0 = System.nanoTime();
        GrayImage img = UploadDecoder.page(source, i);
        decodeNanos += System.nanoTime() - d0;
        Page p = session.ocr(img);
        pages.add(new PageResult(p, session.lastTimings()));
      }
      return new Result(pages, count, (t0 - submitted) / NANOS_PER_MILLI,
          decodeNanos / NANOS_PER_MILLI);
    }
  }

  private byte[] readBody(HttpExchange ex) throws IOException {
    String declared = ex.getRequestHeaders().getFirst("Content-Length");
    long length;
    try {
      length = declared == null ? -1 : Long.parseLong(declared.trim());
    } catch (NumberFormatException e) {
      throw new HttpError(400, "Invalid Content-Length: " + declared);
    }
    try (InputStream in = ex.getRequestBody()) {
      if (length > config.maxBodyBytes()) {
        drain(in);
        throw tooLarge(declared);
      }
      // maxBodyBytes fits an array (ServerConfig); one byte more means the body is too long.
      byte[] b = in.readNBytes((int) config.maxBodyBytes());
      if (in.read() >= 0) {
        drain(in);
        throw tooLarge("more than " + config.maxBodyBytes());
      }
      return b;
    }
  }

  /**
   * Reads and drops what is left of an oversized body (up to a bound), so the client, still
   * sending, gets the 413 rather than a reset connection.
   */
  private void drain(InputStream in) throws IOException {
    long limit = Math.min(DRAIN_FACTOR * config.maxBodyBytes(), DRAIN_MAX_BYTES);
    byte[] buf = new byte[DRAIN_BUFFER];
    long total = 0;
    int n;
    while (total < limit && (n = in.read(buf)) > 0) {
      total += n;
    }
  }

  private HttpError tooLarge(String size) {
    return new HttpError(413, "Upload of " + size + " bytes; the limit is "
        + config.maxBodyBytes());
  }

  /** Drops words below the threshold and the lines and blocks left empty. */
  private static List<PageResult> filter(List<PageResult> pages, double min) {
    if (min <= 0) {
      return pages;
    }
    List<PageResult> out = new ArrayList<>(pages.size());
    for (PageResult r : pages) {
      List<Block> blocks = new ArrayList<>();
      for (Block b : r.page().blocks()) {
        List<Line> lines = new ArrayList<>();
        for (Line l : b.lines()) {
          List<Word> kept = l.words().stream().filter(w -> w.confidence() >= min).toList();
          if (!kept.isEmpty()) {
            lines.add(new Line(kept));
          }
        }
        if (!lines.isEmpty()) {
          blocks.add(new Block(lines));
        }
      }
      Page p = r.page();
      out.add(new PageResult(new Page(p.width(), p.height(), blocks, p.orientation(),
          p.orientationConfidence()), r.timings()));
    }
    return out;
  }

  private JsonObject json(OcrRequest req, List<PageResult> pages, Result result, long start) {
    JsonObject o = new JsonObject();
    o.addProperty("model", modelId);
    o.addProperty("source", req.name());
    o.addProperty("minConfidence", req.minConfidence());
    JsonArray arr = new JsonArray();
    long ocrMs = 0;
    for (int i = 0; i < pages.size(); i++) {
      PageResult r = pages.get(i);
      JsonObject p = PageJson.toJson(req.name(), i, r.page());
      JsonObject t = new JsonObject();
      t.addProperty("detectMs", r.timings().detectMs());
      t.addProperty("recognizeMs", r.timings().recognizeMs());
      t.addProperty("layoutMs", r.timings().layoutMs());
      p.add("timings", t);
      arr.add(p);
      ocrMs += r.timings().totalMs();
    }
    o.add("pages", arr);
    JsonObject t = new JsonObject();
    t.addProperty("queueMs", result.queueMs());
    t.addProperty("decodeMs", result.decodeMs());
    t.addProperty("ocrMs", ocrMs);
    t.addProperty("totalMs", (System.nanoTime() - start) / NANOS_PER_MILLI);
    o.add("timings", t);
    return o;
  }
}
