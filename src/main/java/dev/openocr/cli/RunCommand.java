package dev.openocr.cli;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.job.Driver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code openocr run}: the OCR job over files, folders or globs on any Hadoop file system. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "OCR images and PDFs into <output>/pages and <output>/words (Parquet).")
public final class RunCommand implements Callable<Integer> {
  @Option(names = "--input", arity = "1..*", required = true, paramLabel = "URI",
      description = "Files, folders (recursive) or globs: file:, hdfs:, s3a:...")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--output", required = true, paramLabel = "URI", description = "Output folder.")
  String output;

  @Option(names = "--master", paramLabel = "M",
      description = "Spark master; default: spark.master if set, else local[*].")
  String master;

  @Option(names = "--mode", paramLabel = "overwrite|append|error",
      description = "When the output exists (default: error).")
  String mode;

  @Option(names = "--incremental",
      description = "Skip sources already in the output with the same length and mtime; append.")
  Boolean incremental;

  @Option(names = "--limit-pixels", paramLabel = "N", description = "Largest page in pixels.")
  Long limitPixels;

  @Option(names = "--max-file-bytes", paramLabel = "N", description = "Largest file in bytes.")
  Long maxFileBytes;

  @Option(names = "--conf", paramLabel = "k=v",
      description = "openocr.* setting or Spark conf; repeatable.")
  Map<String, String> conf = new LinkedHashMap<>();

  @Option(names = "--properties", paramLabel = "FILE",
      description = "openocr.* settings file (e.g. conf/openocr.properties); flags win.")
  java.nio.file.Path properties;

  @Option(names = "--lang", paramLabel = "auto|en|ko", description = "Shipped models: auto"
      + " (the default: each page read with the pair of its script, Latin or Hangul), en or ko.")
  String lang;

  @Option(names = "--detector", paramLabel = "URI", description = "Detector bundle.")
  String detector;

  @Option(names = "--recognizer", paramLabel = "URI", description = "Recognizer bundle.")
  String recognizer;

  @Override
  public Integer call() {
    OcrJobConfig config = OcrJobConfig.of(settings());
    try (Driver driver = Driver.start("openocr run", master, sparkConf())) {
      System.out.println(driver.run(config).oneLine());
      return 0;
    }
  }

  /** The job settings: openocr.* entries of --conf, overridden by the dedicated flags. */
  Map<String, String> settings() {
    Map<String, String> m = new LinkedHashMap<>(fromFile());
    conf.forEach((k, v) -> {
      if (k.startsWith("openocr.")) {
        m.put(k, v);
      }
    });
    m.put(OcrJobConfig.INPUT, String.join(",", inputs));
    m.put(OcrJobConfig.OUTPUT, output);
    putIf(m, OcrJobConfig.MODE, mode);
    putIf(m, OcrJobConfig.INCREMENTAL, incremental);
    putIf(m, OcrJobConfig.MAX_PIXELS, limitPixels);
    putIf(m, OcrJobConfig.MAX_FILE_BYTES, maxFileBytes);
    putIf(m, OcrJobConfig.LANG, lang);
    putIf(m, OcrJobConfig.DETECTOR, detector);
    putIf(m, OcrJobConfig.RECOGNIZER, recognizer);
    return m;
  }

  private Map<String, String> fromFile() {
    Map<String, String> m = new LinkedHashMap<>();
    if (properties == null) {
      return m;
    }
    java.util.Properties p = new java.util.Properties();
    try (java.io.Reader r = java.nio.file.Files.newBufferedReader(properties)) {
      p.load(r);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot read settings " + properties, e);
    }
    // Blank values mean "the default": leave them out.
    p.stringPropertyNames().stream().filter(k -> !p.getProperty(k).isBlank())
        .forEach(k -> m.put(k, p.getProperty(k)));
    return m;
  }

  private Map<String, String> sparkConf() {
    Map<String, String> m = new LinkedHashMap<>();
    conf.forEach((k, v) -> {
      if (!k.startsWith("openocr.")) {
        m.put(k, v);
      }
    });
    return m;
  }

  private static void putIf(Map<String, String> m, String key, Object v) {
    if (v != null) {
      m.put(key, v.toString());
    }
  }
}
