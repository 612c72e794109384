package dev.openocr.serve;

import dev.openocr.export.ExportFormat;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Query parameters of {@code POST /v1/ocr}.
 *
 * @param format answer format
 * @param minConfidence words below this recognition confidence (0..1) are dropped
 * @param page the page answered for hocr, alto and txt (0-based); json answers every page
 * @param name source name for the answer, default {@code upload}
 */
record OcrRequest(ExportFormat format, double minConfidence, int page, String name) {
  static final String DEFAULT_NAME = "upload";
  /** Longest source name kept, in characters. */
  static final int MAX_NAME = 200;

  /** Parses a raw query string; bad values are 400 errors naming the parameter. */
  static OcrRequest parse(String rawQuery) {
    Map<String, String> q = query(rawQuery);
    ExportFormat format;
    try {
      format = ExportFormat.of(q.getOrDefault("format", "json"));
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, e.getMessage());
    }
    double min = number(q, "min_confidence", 0);
    if (!(min >= 0 && min <= 1)) {
      throw new HttpError(400, "Invalid min_confidence: " + q.get("min_confidence") + " (0..1)");
    }
    double page = number(q, "page", 0);
    if (page < 0 || page != Math.floor(page) || page > Integer.MAX_VALUE) {
      throw new HttpError(400, "Invalid page: " + q.get("page") + " (0, 1, 2, ...)");
    }
    String name = q.getOrDefault("name", DEFAULT_NAME);
    if (name.isBlank() || name.length() > MAX_NAME) {
      throw new HttpError(400, "Invalid name: 1 to " + MAX_NAME + " characters");
    }
    return new OcrRequest(format, min, (int) page, name);
  }

  OcrRequest withName(String n) {
    return new OcrRequest(format, minConfidence, page, n);
  }

  private static double number(Map<String, String> q, String key, double dflt) {
    String v = q.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new HttpError(400, "Invalid " + key + ": " + v + " is not a number");
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String kv : raw.split("&")) {
      int eq = kv.indexOf('=');
      try {
        String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
        out.put(k, v);
      } catch (IllegalArgumentException e) {
        throw new HttpError(400, "Malformed query string: " + raw);
      }
    }
    return out;
  }
}
