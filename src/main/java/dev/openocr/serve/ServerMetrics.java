package dev.openocr.serve;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Counters of the server, rendered in the Prometheus text format (version 0.0.4). */
final class ServerMetrics {
  /** Upper bounds in seconds of the OCR latency histogram buckets. */
  static final double[] LATENCY_BUCKETS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final LongAdder[] buckets = new LongAdder[LATENCY_BUCKETS.length];
  private final DoubleAdder latencySum = new DoubleAdder();
  private final LongAdder latencyCount = new LongAdder();
  private final LongAdder pages = new LongAdder();
  private final LongAdder words = new LongAdder();

  ServerMetrics() {
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = new LongAdder();
    }
  }

  /** Counts one answered request by route and status. */
  void request(String route, int status) {
    requests.computeIfAbsent(route + "\u0000" + status, k -> new LongAdder()).increment();
  }

  /** Records one successful OCR request. */
  void ocr(double seconds, int pageCount, int wordCount) {
    for (int i = 0; i < LATENCY_BUCKETS.length; i++) {
      if (seconds <= LATENCY_BUCKETS[i]) {
        buckets[i].increment();
      }
    }
    latencySum.add(seconds);
    latencyCount.increment();
    pages.add(pageCount);
    words.add(wordCount);
  }

  String render(WorkerPool pool, HttpThreads http) {
    StringBuilder sb = new StringBuilder();
    sb.append("# HELP openocr_http_requests_total Requests answered, by route and status.\n");
    sb.append("# TYPE openocr_http_requests_total counter\n");
    for (Map.Entry<String, LongAdder> e : new TreeMap<>(requests).entrySet()) {
      String[] k = e.getKey().split("\u0000");
      sb.append("openocr_http_requests_total{route=\"").append(k[0]).append("\",status=\"")
          .append(k[1]).append("\"} ").append(e.getValue().sum()).append('\n');
    }
    sb.append("# HELP openocr_ocr_request_seconds Time of successful OCR requests.\n");
    sb.append("# TYPE openocr_ocr_request_seconds histogram\n");
    for (int i = 0; i < LATENCY_BUCKETS.length; i++) {
      sb.append(String.format(Locale.ROOT, "openocr_ocr_request_seconds_bucket{le=\"%s\"} %d%n",
          LATENCY_BUCKETS[i], buckets[i].sum()));
    }
    sb.append("openocr_ocr_request_seconds_bucket{le=\"+Inf\"} ").append(latencyCount.sum())
        .append('\n');
    sb.append(String.format(Locale.ROOT, "openocr_ocr_request_seconds_sum %.6f%n",
        latencySum.sum()));
    sb.append("openocr_ocr_request_seconds_count ").append(latencyCount.sum()).append('\n');
    counter(sb, "openocr_pages_total", "Pages read.", pages.sum());
    counter(sb, "openocr_words_total", "Words returned.", words.sum());
    gauge(sb, "openocr_queue_depth", "OCR requests waiting for a worker.", pool.queued());
    gauge(sb, "openocr_workers_busy", "Workers reading a page now.", pool.active());
    gauge(sb, "openocr_workers", "OCR worker threads.", pool.workers());
    gauge(sb, "openocr_workers_stuck", "Workers still on a page whose request ran out of time.",
        pool.stuck());
    counter(sb, "openocr_http_connections_refused_total",
        "Connections closed unanswered: every HTTP thread busy and the wait full.", http.refused());
    counter(sb, "openocr_http_read_timeouts_total",
        "Requests that did not arrive within the read timeout.", http.timedOut());
    return sb.toString();
  }

  private static void counter(StringBuilder sb, String name, String help, long v) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
    sb.append("# TYPE ").append(name).append(" counter\n").append(name).append(' ').append(v)
        .append('\n');
  }

  private static void gauge(StringBuilder sb, String name, String help, long v) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
    sb.append("# TYPE ").append(name).append(" gauge\n").append(name).append(' ').append(v)
        .append('\n');
  }
}
