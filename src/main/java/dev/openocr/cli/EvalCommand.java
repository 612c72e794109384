package dev.openocr.cli;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.detect.AutoScale;
import dev.openocr.detect.DetectorOptions;
import dev.openocr.detect.HeatmapPostProcessor;
import dev.openocr.document.Page;
import dev.openocr.document.Word;
import dev.openocr.engine.EngineOptions;
import dev.openocr.engine.NativeSetup;
import dev.openocr.engine.OcrEngine;
import dev.openocr.engine.OcrSession;
import dev.openocr.eval.CropEvaluation;
import dev.openocr.eval.ScoreFiles;
import dev.openocr.eval.ScoredWord;
import dev.openocr.eval.Scorer;
import dev.openocr.imageio.DecodeException;
import dev.openocr.imageio.DecodeLimits;
import dev.openocr.imageio.GrayImage;
import dev.openocr.imageio.ImageDecoder;
import dev.openocr.imageio.PageSource;
import dev.openocr.nn.ModelBundle;
import dev.openocr.recognize.RecognizerModel;
import dev.openocr.recognize.TextRecognizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code openocr eval}: score predictions against ground truth (as {@code score.py} does), or run
 * the engine on a ground-truth folder first, or measure the recognizer alone on ground-truth crops.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Score OCR output against ground truth (detection, end-to-end, CER).")
public final class EvalCommand implements Callable<Integer> {
  @Option(names = "--gt", required = true, description = "Ground-truth folder (gt/*.json, images/)")
  Path gt;
  @Option(names = "--pred", description = "Prediction folder; with --run it is where predictions go")
  Path pred;
  @Option(names = "--run", description = "Run the engine on the ground-truth images first")
  boolean run;
  @Option(names = "--crops", description = "Recognizer only: read crops cut at ground-truth boxes,"
      + " or the crops of a folder written by synth --kind crops (crops/labels.tsv)")
  boolean crops;
  @Option(names = "--lang", defaultValue = OcrJobConfig.LANG_DEFAULT,
      description = "Shipped models: auto (each page read with the pair of its script), en or ko;"
          + " with --crops, auto reads with the English recognizer. Default: ${DEFAULT-VALUE}.")
  String lang;
  @Option(names = "--detector", description = "Detector bundle (default: shipped)") String detector;
  @Option(names = "--recognizer", description = "Recognizer bundle (default: shipped)") String recognizer;
  @Option(names = "--mag-ratio", description = "Detector magnification") Double magRatio;
  @Option(names = "--auto-scale", description = "Scale chosen from the print's size:"
      + " TARGET[,MAX_MAG[,PROBE_SIDE[,TOLERANCE]]] (median word thickness wanted at the network,"
      + " in pixels; see AutoScale) or off; default: the detector bundle's own")
  String autoScale;
  @Option(names = "--text-threshold") Double textThreshold;
  @Option(names = "--link-threshold") Double linkThreshold;
  @Option(names = "--low-text") Double lowText;
  @Option(names = "--min-size", description = "Smallest word component kept, in heatmap pixels")
  Integer minSize;
  @Option(names = "--box-padding", description = "Fraction of word height added around boxes"
      + " (negative shrinks them, down to -0.3)")
  Double boxPadding;
  @Option(names = "--box-growth", description = "How boxes grow from the region map: ALONG,ACROSS"
      + " (fractions of a word's thickness) or craft (the reference dilation); default: the"
      + " detector bundle's own")
  String boxGrowth;
  @Option(names = "--sideways-threshold", description = "Peak score from which a tall component"
      + " below the text threshold is detected again turned by 90 degrees (words printed"
      + " sideways); 0 turns that off; default: the detector bundle's own")
  Double sidewaysThreshold;
  @Option(names = "--join-gap", description = "Largest gap between neighbouring boxes on a line,"
      + " as a share of their height, that is read again as one crop and joined when the"
      + " recognizer reads no word space in it; 0 turns that off; default: the detector"
      + " bundle's own")
  Double joinGap;
  @Option(names = "--iou", defaultValue = "0.5") double iou;
  @Option(names = "--crop-margin", description = "Margin the recognizer's crops add around boxes,"
      + " as fractions of their height: X,Y, or Y alone (X = 2Y/3). With --crops around the"
      + " ground-truth boxes (default: the recognizer's own); with --run around the detector's"
      + " unpadded boxes (default: the detector bundle's)") String cropMargin;
  @Option(names = "--limit", description = "Only the first N pages (crops of a crop folder)")
  Integer limit;
  @Option(names = "--no-lexicon",
      description = "Greedy decoding only, without the recognizer bundle's word list")
  boolean noLexicon;
  @Option(names = "--width-vote",
      description = "Read unsure crops again stretched, as the recognizer bundle's width vote says "
          + "(off by default: it doubles recognition time for +0.002 end-to-end F1 on FUNSD)")
  boolean widthVote;
  @Option(names = "--runtime",
      description = "What runs the networks: onnx (ONNX Runtime) or pytorch (default: the job's, "
          + "onnx on a CPU)")
  String runtime;
  @Option(names = "--threads", defaultValue = "1") int threads;
  @Option(names = "--json", description = "Write the metrics as JSON here") Path json;
  @Option(names = "--errors", description = "With --crops: write the misread crops here as TSV"
      + " (crop number from 0 in reading order, truth, reading)")
  Path errors;

  @Override
  public Integer call() throws Exception {
    if (errors != null && !crops) {
      throw new IllegalArgumentException("--errors lists misread crops: it needs --crops");
    }
    NativeSetup.configure(threads);
    EngineOptions opts = EngineOptions.forLanguage(lang).withThreads(threads)
        .withModels(detector, recognizer).withOrientation(false).withLexicon(!noLexicon)
        .withWidthVote(widthVote).withBackend(runtime == null ? dev.openocr.nn.Backend.DEFAULT
            : dev.openocr.nn.Backend.parse(runtime));
    Path cropFolder = crops ? CropEvaluation.datasetFolder(gt) : null;
    if (cropFolder != null) {
      return evalCropFolder(cropFolder, opts);
    }
    Map<String, ScoreFiles.PageFile> truth = ScoreFiles.readDir(gt);
    if (limit != null) {
      truth = new java.util.TreeMap<>(truth.entrySet().stream().limit(limit)
          .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
    Path images = gt.resolve("images");
    if (crops) {
      return evalCrops(truth, images, opts);
    }
    if (pred == null) {
      throw new IllegalArgumentException("--pred is required");
    }
    if (run) {
      runEngine(truth, images, withDetectorOverrides(opts));
    }
    Scorer.Counts c = Scorer.score(truth, ScoreFiles.readDir(pred), iou);
    System.out.print(c.report());
    if (json != null) {
      Files.writeString(json, ModelBundle.GSON.toJson(c.toMap()) + "\n");
    }
    return 0;
  }

  private EngineOptions withDetectorOverrides(EngineOptions opts) {
    if (magRatio == null && autoScale == null && textThreshold == null && linkThreshold == null && lowText == null
        && minSize == null && boxPadding == null && boxGrowth == null && cropMargin == null
        && sidewaysThreshold == null && joinGap == null) {
      return opts;
    }
    // overrides apply on top of the bundle's own settings
    DetectorOptions base;
    try (var m = dev.openocr.detect.DetectorModel.load(ModelBundle.open(opts.detector()), "cpu")) {
      base = m.defaults();
    }
    HeatmapPostProcessor.Thresholds t = base.thresholds();
    HeatmapPostProcessor.Thresholds nt = new HeatmapPostProcessor.Thresholds(
        textThreshold != null ? textThreshold : t.textThreshold(),
        linkThreshold != null ? linkThreshold : t.linkThreshold(),
        lowText != null ? lowText : t.lowText(), minSize != null ? minSize : t.minSize());
    DetectorOptions d = base.withThresholds(nt).withMagRatio(magRatio != null ? magRatio : base.magRatio())
        .withBoxPadding(boxPadding != null ? boxPadding : base.boxPadding())
        .withBoxGrowth(boxGrowth != null ? HeatmapPostProcessor.BoxGrowth.parse(boxGrowth)
            : base.boxGrowth())
        .withCropMargin(cropMargin != null ? parseCropMargin(cropMargin) : base.cropMargin())
        .withSidewaysThreshold(sidewaysThreshold != null ? sidewaysThreshold
            : base.sidewaysThreshold())
        .withJoinGap(joinGap != null ? joinGap : base.joinGap());
    if (autoScale != null) {
      d = d.withAutoScale("off".equals(autoScale) ? null : AutoScale.parse(autoScale,
          base.autoScale() != null ? base.autoScale() : AutoScale.DEFAULTS));
    }
    return opts.withDetectorOptions(d);
  }

  private void runEngine(Map<String, ScoreFiles.PageFile> truth, Path images, EngineOptions opts)
      throws Exception {
    Files.createDirectories(pred);
    long t0 = System.nanoTime();
    try (OcrEngine engine = OcrEngine.load(opts); OcrSession s = engine.session()) {
      long load = System.nanoTime() - t0;
      long start = System.nanoTime();
      long det = 0;
      long rec = 0;
      for (var e : truth.entrySet()) {
        GrayImage img = readImage(images.resolve(e.getValue().image()));
        Page p = s.ocr(img);
        det += s.lastTimings().detectMs();
        rec += s.lastTimings().recognizeMs();
        List<ScoredWord> words = new ArrayList<>();
        for (Word w : p.words()) {
          words.add(new ScoredWord(w.text(), w.box(), w.confidence()));
        }
        ScoreFiles.write(pred.resolve(e.getKey() + ".json"),
            new ScoreFiles.PageFile(e.getValue().image(), img.width(), img.height(), words));
      }
      double sec = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "engine %s: %d pages in %.1f s (%.2f pages/s, %d threads; "
          + "detect %d ms, recognize %d ms per page), load %.1f s%n", engine.modelId(),
          truth.size(), sec, truth.size() / sec, threads, det / Math.max(1, truth.size()),
          rec / Math.max(1, truth.size()), load / 1e9);
    }
  }

  static DetectorOptions.CropMargin parseCropMargin(String s) {
    String[] p = s.split(",");
    try {
      if (p.length == 1) {
        double y = Double.parseDouble(p[0].trim());
        return new DetectorOptions.CropMargin(y * 2 / 3, y);
      }
      if (p.length == 2) {
        return new DetectorOptions.CropMargin(Double.parseDouble(p[0].trim()),
            Double.parseDouble(p[1].trim()));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--crop-margin must be X,Y or Y: " + s);
  }

  private int evalCrops(Map<String, ScoreFiles.PageFile> truth, Path images, EngineOptions opts)
      throws Exception {
    CropEvaluation.Totals t = new CropEvaluation.Totals();
    try (RecognizerModel m = RecognizerModel.load(ModelBundle.open(opts.recognizer()), "cpu",
        opts.backend(), opts.threads());
         TextRecognizer r = m.newRecognizer(opts.lexicon(), opts.widthVote())) {
      for (var e : truth.entrySet()) {
        GrayImage img = readImage(images.resolve(e.getValue().image()));
        if (cropMargin == null) {
          CropEvaluation.page(img, e.getValue().words(), r, t);
        } else {
          DetectorOptions.CropMargin cm = parseCropMargin(cropMargin);
          CropEvaluation.page(img, e.getValue().words(), r, t, cm.x(), cm.y());
        }
      }
      System.out.println(m.id() + ": " + t.report());
    }
    writeCropResults(t);
    return 0;
  }

  private int evalCropFolder(Path folder, EngineOptions opts) throws Exception {
    CropEvaluation.Totals t = new CropEvaluation.Totals();
    try (RecognizerModel m = RecognizerModel.load(ModelBundle.open(opts.recognizer()), "cpu",
        opts.backend(), opts.threads());
         TextRecognizer r = m.newRecognizer(opts.lexicon(), opts.widthVote())) {
      CropEvaluation.dataset(folder, r, t, limit != null ? limit : 0);
      System.out.println(m.id() + ": " + t.report());
    }
    writeCropResults(t);
    return 0;
  }

  private void writeCropResults(CropEvaluation.Totals t) throws java.io.IOException {
    if (errors != null) {
      StringBuilder b = new StringBuilder("crop\ttruth\treading\n");
      for (CropEvaluation.Misreading m : t.misread) {
        b.append(m.crop()).append('\t').append(tsv(m.truth())).append('\t')
            .append(tsv(m.reading())).append('\n');
      }
      Files.writeString(errors, b.toString());
    }
    if (json != null) {
      Files.writeString(json, ModelBundle.GSON.toJson(Map.of("crops", t.words, "word_accuracy",
          t.accuracy(), "word_accuracy_caseless", t.caselessAccuracy(), "cer", t.cer())) + "\n");
    }
  }

  /** A field without tabs or line breaks (escaped as \\t, \\n). */
  static String tsv(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
  }

  /** The first page of an image file, through the job's decoder and its limits. */
  static GrayImage readImage(Path p) throws java.io.IOException, DecodeException {
    try (PageSource src = ImageDecoder.open(Files.readAllBytes(p), p.toString(),
        DecodeLimits.defaults())) {
      return src.page(0);
    }
  }
}
