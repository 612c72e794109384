package dev.openocr.spark;

import static dev.openocr.config.Check.checkArgument;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.engine.EngineOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;

/**
 * {@code ocr(content[, lang])}: the pages of one file given as bytes, as {@link
 * OcrSchemas#OCR_RESULT}, read the way the job reads them (the executor's engine cache, the job's
 * decode limits, page time budget and error causes). Holds only serializable settings; each task
 * keeps one {@link TaskReader} per language, closed when the task ends. A null content gives null.
 */
public final class OcrFunction implements UDF2<byte[], String, List<Row>> {
  private static final long serialVersionUID = 1L;
  /** The function's name in SQL. */
  public static final String NAME = "ocr";
  /** What error messages call the file: the function sees its bytes, not its name. */
  public static final String SOURCE = "ocr(content)";
  /** What spark-submit's --conf passes on is spark.*: settings may carry that prefix too. */
  private static final String SPARK_PREFIX = "spark.";
  /** The readers of running tasks, by task attempt and engine options. */
  private static final Map<String, TaskReader> READERS = new ConcurrentHashMap<>();

  private final EngineFactory factory;
  private final String defaultLang;
  private final LinkedHashMap<String, EngineOptions> byLang;
  private final TaskOptions taskOptions;

  private OcrFunction(EngineFactory factory, String defaultLang,
      LinkedHashMap<String, EngineOptions> byLang, TaskOptions taskOptions) {
    this.factory = factory;
    this.defaultLang = defaultLang;
    this.byLang = byLang;
    this.taskOptions = taskOptions;
  }

  /**
   * The function for these settings (on the driver). {@code lang} non-null: every row is read in
   * that language, checked now with the engine factory's preflight; null: each row's language
   * argument, {@link OcrJobConfig#lang()} when that is null.
   */
  public static OcrFunction of(OcrJobConfig config, String lang) {
    checkArgument(lang == null || OcrJobConfig.LANGS.contains(lang),
        "Invalid language in %s(content, lang): %s (auto, en or ko)", NAME, lang);
    EngineFactory factory = EngineFactory.named(config.engineFactory());
    LinkedHashMap<String, EngineOptions> byLang = new LinkedHashMap<>();
    for (String l : lang == null ? OcrJobConfig.LANGS : List.of(lang)) {
      byLang.put(l, TaskSettings.engineOptions(config.with(OcrJobConfig.LANG, l)));
    }
    if (lang != null) {
      factory.preflight(byLang.get(lang));
    }
    return new OcrFunction(factory, lang == null ? config.lang() : lang, byLang,
        TaskSettings.taskOptions(config, false));
  }

  /** The function as a Spark UDF returning {@link OcrSchemas#OCR_RESULT}, named {@code ocr}. */
  public UserDefinedFunction udf() {
    return functions.udf(this, OcrSchemas.OCR_RESULT).withName(NAME);
  }

  /**
   * The {@code openocr.*} settings among a session's conf. {@code spark.openocr.*} keys count
   * too (spark-submit passes on only {@code spark.*} keys); {@code openocr.*} wins.
   */
  public static Map<String, String> settings(Map<String, String> conf) {
    Map<String, String> out = new LinkedHashMap<>();
    conf.forEach((k, v) -> {
      if (k.startsWith(SPARK_PREFIX + "openocr.")) {
        out.putIfAbsent(k.substring(SPARK_PREFIX.length()), v);
      }
    });
    conf.forEach((k, v) -> {
      if (k.startsWith("openocr.")) {
        out.put(k, v);
      }
    });
    return out;
  }

  @Override
  public List<Row> call(byte[] content, String lang) {
    if (content == null) {
      return null;
    }
    String l = lang == null ? defaultLang : lang;
    EngineOptions options = byLang.get(l);
    checkArgument(options != null, "Invalid language in %s(content, lang): %s (%s)", NAME, l,
        String.join(" or ", byLang.keySet()));
    TaskContext tc = TaskContext.get();
    if (tc == null) {
      // Outside a task (the driver folding a local relation): a reader for this call alone.
      try (TaskReader r = TaskReader.open(factory, options, taskOptions, null, null, null)) {
        return read(r, content);
      }
    }
    String key = tc.taskAttemptId() + "|" + factory.getClass().getName() + "|" + options;
    TaskReader reader = READERS.get(key);
    if (reader == null) {
      TaskReader opened = TaskReader.open(factory, options, taskOptions, null, null, tc);
      READERS.put(key, opened);
      tc.addTaskCompletionListener((TaskContext ctx) -> {
        READERS.remove(key);
        opened.close();
      });
      reader = opened;
    }
    return read(reader, content);
  }

  private static List<Row> read(TaskReader reader, byte[] content) {
    List<Row> pages = new ArrayList<>();
    for (Row r : reader.files().readAll(SOURCE, content)) {
      pages.add(PageRows.result(r));
    }
    return pages;
  }
}
