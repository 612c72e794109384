package dev.openocr.spark;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * Spark accumulators for one job run: files, pages, words, milliseconds per stage and errors by
 * cause, visible in the Spark UI while the job runs and read into the summary at the end.
 */
public final class JobMetrics implements Serializable {
  private static final long serialVersionUID = 1L;

  final LongAccumulator files;
  /** Files whose every row is out: the progress line's count. */
  final LongAccumulator filesDone;
  final LongAccumulator pages;
  final LongAccumulator words;
  final LongAccumulator decodeMs;
  final LongAccumulator detectMs;
  final LongAccumulator recognizeMs;
  final LongAccumulator engineLoadMs;
  private final EnumMap<ErrorCause, LongAccumulator> errors = new EnumMap<>(ErrorCause.class);

  /** Registers the accumulators on the driver. */
  public JobMetrics(SparkContext sc) {
    files = sc.longAccumulator("openocr.files");
    filesDone = sc.longAccumulator("openocr.files.done");
    pages = sc.longAccumulator("openocr.pages.ok");
    words = sc.longAccumulator("openocr.words");
    decodeMs = sc.longAccumulator("openocr.ms.decode");
    detectMs = sc.longAccumulator("openocr.ms.detect");
    recognizeMs = sc.longAccumulator("openocr.ms.recognize");
    engineLoadMs = sc.longAccumulator("openocr.ms.engine_load");
    for (ErrorCause c : ErrorCause.values()) {
      errors.put(c, sc.longAccumulator("openocr.errors." + c.name()));
    }
  }

  void error(ErrorCause c) {
    errors.get(c).add(1);
  }

  /** Ids of the error accumulators, one per cause. */
  Set<Long> errorIds() {
    Set<Long> ids = new HashSet<>();
    errors.values().forEach(a -> ids.add(a.id()));
    return ids;
  }

  /** Error counts by cause, only causes that occurred (read on the driver). */
  public Map<String, Long> errorsByCause() {
    Map<String, Long> out = new LinkedHashMap<>();
    errors.forEach((c, a) -> {
      if (a.value() > 0) {
        out.put(c.name(), a.value());
      }
    });
    return out;
  }

  public long files() {
    return files.value();
  }

  public long pages() {
    return pages.value();
  }

  public long words() {
    return words.value();
  }

  /**
   * Total milliseconds per stage: decode, detect, recognize (summed over tasks), and
   * engine_load (summed over the executors that loaded an engine in this run).
   */
  public Map<String, Long> stageMillis() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("decode", decodeMs.value());
    m.put("detect", detectMs.value());
    m.put("recognize", recognizeMs.value());
    m.put("engine_load", engineLoadMs.value());
    return m;
  }
}
