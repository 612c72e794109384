package dev.openocr.config;

import static dev.openocr.config.Check.checkArgument;

import dev.openocr.imageio.DecodeLimits;
import dev.openocr.nn.Backend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings of one OCR job run, read from {@code openocr.*} keys (conf/openocr.properties, the
 * command line or Spark conf) and validated here, at the boundary. Stays on the driver.
 */
public final class OcrJobConfig {
  private static final Logger LOG = LoggerFactory.getLogger(OcrJobConfig.class);
  public static final String INPUT = "openocr.input";
  public static final String OUTPUT = "openocr.output";
  /** File-name glob inputs must match (Spark's pathGlobFilter); empty = every file. */
  public static final String INPUT_GLOB = "openocr.input.glob";
  public static final String INPUT_GLOB_DEFAULT = "";
  public static final String MODE = "openocr.mode";
  public static final String MODE_DEFAULT = "error";
  public static final String INCREMENTAL = "openocr.incremental";
  public static final boolean INCREMENTAL_DEFAULT = false;
  public static final String INCREMENTAL_MAX_ATTEMPTS = "openocr.incremental.max-attempts";
  public static final int INCREMENTAL_MAX_ATTEMPTS_DEFAULT = 3;
  public static final String MAX_FILE_BYTES = "openocr.limit.file-bytes";
  public static final long MAX_FILE_BYTES_DEFAULT = DecodeLimits.MAX_FILE_BYTES_DEFAULT;
  /** Largest byte array the JVM allocates: a file is read, and a page held, as one array. */
  public static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;
  public static final String MAX_PIXELS = "openocr.limit.pixels";
  public static final long MAX_PIXELS_DEFAULT = DecodeLimits.MAX_PIXELS_DEFAULT;
  public static final String MAX_PAGES = "openocr.limit.pages";
  public static final int MAX_PAGES_DEFAULT = DecodeLimits.MAX_PAGES_DEFAULT;
  public static final String PAGE_SECONDS = "openocr.limit.page-seconds";
  public static final int PAGE_SECONDS_DEFAULT = 120;
  public static final String PDF_DPI = "openocr.pdf.dpi";
  public static final int PDF_DPI_DEFAULT = DecodeLimits.PDF_DPI_DEFAULT;
  public static final String LANG = "openocr.lang";
  /** Each page read with the pair of its script (Latin or Hangul). */
  public static final String LANG_DEFAULT = "auto";
  /** The language synthetic data and training runs use unless told. */
  public static final String MODEL_LANG_DEFAULT = "en";
  /** Languages with shipped bundles. */
  public static final List<String> LANGS = List.of("auto", "en", "ko");
  /** Empty means the shipped bundle for {@link #LANG}. */
  public static final String DETECTOR = "openocr.model.detector";
  public static final String DETECTOR_DEFAULT = "";
  public static final String RECOGNIZER = "openocr.model.recognizer";
  public static final String RECOGNIZER_DEFAULT = "";
  public static final String ORIENTATION = "openocr.orientation";
  public static final boolean ORIENTATION_DEFAULT = true;
  /** Correct readings towards the recognizer bundle's word list, when it has one. */
  public static final String LEXICON = "openocr.lexicon";
  public static final boolean LEXICON_DEFAULT = true;
  /** Read unsure crops again stretched, when the recognizer bundle has a width vote. */
  public static final String WIDTH_VOTE = "openocr.width-vote";
  public static final boolean WIDTH_VOTE_DEFAULT = false;
  /** What runs the networks on CPU executors: onnx (ONNX Runtime) or pytorch. */
  public static final String RUNTIME = "openocr.runtime";
  public static final String RUNTIME_DEFAULT = Backend.DEFAULT.key();
  /** Class of the executors' engine factory (a {@code dev.openocr.spark.EngineFactory}). */
  public static final String ENGINE_FACTORY = "openocr.engine.factory";
  public static final String ENGINE_FACTORY_DEFAULT = "dev.openocr.spark.EngineFactory$Bundles";
  /** Test-only fault injector: fail each task's first attempt after N pages; 0 = off. */
  public static final String FAULT_AFTER_PAGES = "openocr.test.fail-task-after-pages";
  public static final int FAULT_AFTER_PAGES_DEFAULT = 0;
  public static final String STAGING_HOURS = "openocr.output.abandoned-staging-hours";
  public static final long STAGING_HOURS_DEFAULT = 24;
  /** Most staging hours: their milliseconds must fit a long. */
  static final long STAGING_HOURS_MAX = Long.MAX_VALUE / 3_600_000L;
  public static final String FILES_PER_TASK = "openocr.partition.files-per-task";
  public static final int FILES_PER_TASK_DEFAULT = 64;
  public static final String BYTES_PER_TASK = "openocr.partition.bytes-per-task";
  public static final long BYTES_PER_TASK_DEFAULT = 64L << 20;
  /** Seconds between the driver's progress lines while a run goes; 0 prints none. */
  public static final String PROGRESS_INTERVAL = "openocr.progress.interval";
  public static final int PROGRESS_INTERVAL_DEFAULT = 10;

  /** Keys renamed to kebab-case, old to new: the old key is still read, with a warning. */
  static final Map<String, String> RENAMED = Map.of("openocr.widthVote", WIDTH_VOTE);

  /** Output write modes. */
  public enum Mode { OVERWRITE, APPEND, ERROR }

  private final Map<String, String> values;
  /** Whether input and output are required: a run needs them, the ocr() function does not. */
  private final boolean run;

  private OcrJobConfig(Map<String, String> values, boolean run) {
    this.values = Map.copyOf(values);
    this.run = run;
  }

  /**
   * Reads and validates settings; unknown {@code openocr.*} keys are refused (typos would
   * otherwise be silently ignored), other keys are kept for the caller.
   */
  public static OcrJobConfig of(Map<String, String> settings) {
    return of(settings, true);
  }

  /**
   * Reads and validates the settings of reading pages alone (limits, models, runtime), as the
   * {@code ocr()} SQL function takes them from a session's conf: no input or output needed.
   */
  public static OcrJobConfig ofPageSettings(Map<String, String> settings) {
    return of(settings, false);
  }

  private static OcrJobConfig of(Map<String, String> settings, boolean run) {
    Map<String, String> v = new LinkedHashMap<>(settings);
    renamed(v).forEach(LOG::warn);
    for (String k : v.keySet()) {
      checkArgument(!k.startsWith("openocr.") || KNOWN.contains(k), "Unknown setting: %s", k);
    }
    OcrJobConfig c = new OcrJobConfig(v, run);
    c.validate();
    return c;
  }

  /**
   * Moves values under renamed keys to their new keys (a value under the new key wins); returns
   * one warning per old key found, naming both.
   */
  static List<String> renamed(Map<String, String> settings) {
    List<String> warnings = new ArrayList<>();
    RENAMED.forEach((old, key) -> {
      String v = settings.remove(old);
      if (v != null) {
        boolean both = settings.putIfAbsent(key, v) != null;
        warnings.add("Setting " + old + " is now " + key + (both ? "; " + key + " is also set "
            + "and wins" : "; read as " + key + "=" + v));
      }
    });
    return warnings;
  }

  private static final List<String> KNOWN = List.of(INPUT, INPUT_GLOB, OUTPUT, MODE, INCREMENTAL,
      INCREMENTAL_MAX_ATTEMPTS, MAX_FILE_BYTES, MAX_PIXELS, MAX_PAGES, PAGE_SECONDS, PDF_DPI, LANG, DETECTOR, RECOGNIZER,
      ORIENTATION, LEXICON, WIDTH_VOTE, RUNTIME, ENGINE_FACTORY, FAULT_AFTER_PAGES, FILES_PER_TASK,
      BYTES_PER_TASK, STAGING_HOURS, PROGRESS_INTERVAL);

  private void validate() {
    if (run) {
      checkArgument(!inputs().isEmpty(), "Missing input: set %s to one or more URIs", INPUT);
      checkArgument(!output().isBlank(), "Missing output: set %s to a URI", OUTPUT);
    }
    mode();
    incremental();
    checkArgument(incrementalMaxAttempts() >= 1, "Invalid %s: %s (attempts >= 1; 1 never retries)",
        INCREMENTAL_MAX_ATTEMPTS, incrementalMaxAttempts());
    checkArgument(maxFileBytes() > 0 && maxFileBytes() <= MAX_ARRAY_BYTES,
        "Invalid %s: %s (bytes 1..%s: a file is read into memory whole)", MAX_FILE_BYTES,
        maxFileBytes(), MAX_ARRAY_BYTES);
    checkArgument(maxPixels() > 0 && maxPixels() <= MAX_ARRAY_BYTES,
        "Invalid %s: %s (pixels 1..%s: a gray page is one byte array)", MAX_PIXELS, maxPixels(),
        MAX_ARRAY_BYTES);
    checkArgument(maxPages() > 0, "Invalid %s: %s (> 0)", MAX_PAGES, maxPages());
    checkArgument(pageSeconds() > 0, "Invalid %s: %s (seconds > 0)", PAGE_SECONDS, pageSeconds());
    checkArgument(pdfDpi() >= 36 && pdfDpi() <= 1200, "Invalid %s: %s (36..1200)", PDF_DPI,
        pdfDpi());
    checkArgument(LANGS.contains(lang()), "Invalid %s: %s (auto, en or ko)", LANG, lang());
    checkArgument(faultAfterPages() >= 0, "Invalid %s: %s (>= 0)", FAULT_AFTER_PAGES,
        faultAfterPages());
    checkArgument(filesPerTask() > 0, "Invalid %s: %s (> 0)", FILES_PER_TASK, filesPerTask());
    checkArgument(bytesPerTask() > 0, "Invalid %s: %s (> 0)", BYTES_PER_TASK, bytesPerTask());
    checkArgument(abandonedStagingHours() >= 0 && abandonedStagingHours() <= STAGING_HOURS_MAX,
        "Invalid %s: %s (hours 0..%s; 0 keeps them)", STAGING_HOURS, abandonedStagingHours(),
        STAGING_HOURS_MAX);
    checkArgument(progressInterval() >= 0, "Invalid %s: %s (seconds >= 0; 0 prints none)",
        PROGRESS_INTERVAL, progressInterval());
    backend();
  }

  /** Input URIs (files, folders, globs), comma-separated under {@link #INPUT}. */
  public List<String> inputs() {
    // Commas inside {a,b} belong to a glob, not to the list.
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int depth = 0;
    for (char ch : get(INPUT, "").toCharArray()) {
      depth += ch == '{' ? 1 : ch == '}' && depth > 0 ? -1 : 0;
      if (ch == ',' && depth == 0) {
        addIfPresent(out, cur);
      } else {
        cur.append(ch);
      }
    }
    addIfPresent(out, cur);
    return out;
  }

  /** The file-name glob, or null to take every file (so every file is accounted for). */
  public String inputGlob() {
    String g = get(INPUT_GLOB, INPUT_GLOB_DEFAULT);
    return g.isBlank() ? null : g;
  }

  private static void addIfPresent(List<String> out, StringBuilder s) {
    if (!s.toString().isBlank()) {
      out.add(s.toString().trim());
    }
    s.setLength(0);
  }

  public String output() {
    return get(OUTPUT, "");
  }

  public Mode mode() {
    String m = get(MODE, MODE_DEFAULT);
    try {
      return Mode.valueOf(m.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid " + MODE + ": " + m + " (overwrite, append or error)", e);
    }
  }

  public boolean incremental() {
    return bool(INCREMENTAL, INCREMENTAL_DEFAULT);
  }

  /** Runs in which a file may end in READ_FAILED, TIMEOUT or OCR_FAILURE before it is left. */
  public int incrementalMaxAttempts() {
    return integer(INCREMENTAL_MAX_ATTEMPTS, INCREMENTAL_MAX_ATTEMPTS_DEFAULT);
  }

  public long maxFileBytes() {
    return num(MAX_FILE_BYTES, MAX_FILE_BYTES_DEFAULT);
  }

  public long maxPixels() {
    return num(MAX_PIXELS, MAX_PIXELS_DEFAULT);
  }

  public int maxPages() {
    return integer(MAX_PAGES, MAX_PAGES_DEFAULT);
  }

  public int pageSeconds() {
    return integer(PAGE_SECONDS, PAGE_SECONDS_DEFAULT);
  }

  public int pdfDpi() {
    return integer(PDF_DPI, PDF_DPI_DEFAULT);
  }

  public String lang() {
    return get(LANG, LANG_DEFAULT);
  }

  /** Detector bundle URI, or null for the shipped default of {@link #lang()}. */
  public String detector() {
    String d = get(DETECTOR, DETECTOR_DEFAULT);
    return d.isBlank() ? null : d;
  }

  /** Recognizer bundle URI, or null for the shipped default of {@link #lang()}. */
  public String recognizer() {
    String r = get(RECOGNIZER, RECOGNIZER_DEFAULT);
    return r.isBlank() ? null : r;
  }

  public boolean orientation() {
    return bool(ORIENTATION, ORIENTATION_DEFAULT);
  }

  public boolean lexicon() {
    return bool(LEXICON, LEXICON_DEFAULT);
  }

  public boolean widthVote() {
    return bool(WIDTH_VOTE, WIDTH_VOTE_DEFAULT);
  }

  public Backend backend() {
    return Backend.parse(get(RUNTIME, RUNTIME_DEFAULT));
  }

  /** Engine factory class name: the shipped bundles unless a test or plug-in says otherwise. */
  public String engineFactory() {
    return get(ENGINE_FACTORY, ENGINE_FACTORY_DEFAULT);
  }

  public int faultAfterPages() {
    return integer(FAULT_AFTER_PAGES, FAULT_AFTER_PAGES_DEFAULT);
  }

  /**
   * Staging folders ({@code <out>/_staging-*}) whose run marker has not been renewed for this
   * many hours are what a killed driver left behind and are removed when a run starts; 0 keeps
   * them.
   */
  public long abandonedStagingHours() {
    return num(STAGING_HOURS, STAGING_HOURS_DEFAULT);
  }

  public int filesPerTask() {
    return integer(FILES_PER_TASK, FILES_PER_TASK_DEFAULT);
  }

  public long bytesPerTask() {
    return num(BYTES_PER_TASK, BYTES_PER_TASK_DEFAULT);
  }

  /** Seconds between progress lines while a run goes; 0 prints none. */
  public int progressInterval() {
    return integer(PROGRESS_INTERVAL, PROGRESS_INTERVAL_DEFAULT);
  }

  /** Every setting given, including non-openocr keys (e.g. {@code spark.*}). */
  public Map<String, String> values() {
    return values;
  }

  /** A copy with one setting changed, validated again. */
  public OcrJobConfig with(String key, String value) {
    Map<String, String> v = new LinkedHashMap<>(values);
    v.put(key, value);
    return of(v, run);
  }

  private String get(String key, String def) {
    String v = values.get(key);
    return v == null ? def : v.trim();
  }

  private long num(String key, long def) {
    String v = get(key, null);
    if (v == null) {
      return def;
    }
    try {
      return Long.parseLong(v.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid " + key + ": " + v + " (a whole number)", e);
    }
  }

  /** A whole number that fits an int; a wider one is refused, never wrapped. */
  private int integer(String key, int def) {
    long v = num(key, def);
    checkArgument(v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE,
        "Invalid %s: %s (a whole number up to %s)", key, v, Integer.MAX_VALUE);
    return (int) v;
  }

  private boolean bool(String key, boolean def) {
    String v = get(key, null);
    if (v == null) {
      return def;
    }
    checkArgument(v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"),
        "Invalid %s: %s (true or false)", key, v);
    return Boolean.parseBoolean(v);
  }
}
