package dev.openocr.recognize;

import ai.djl.inference.Predictor;
import dev.openocr.eval.CropEvaluation;
import dev.openocr.eval.ScoreFiles;
import dev.openocr.imageio.DecodeLimits;
import dev.openocr.imageio.GrayImage;
import dev.openocr.imageio.ImageDecoder;
import dev.openocr.imageio.PageSource;
import dev.openocr.nn.ModelBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bench tool (not a test): reads the crops at ground-truth boxes of a scored set once, keeps the
 * recognizer's output distributions, and reports word accuracy of greedy decoding and of the
 * bundle's word list under a grid of {@link LexiconDecoder.Settings}. Pages are split in two
 * halves by order so a setting chosen on one can be checked on the other.
 *
 * <pre>java -cp ... dev.openocr.recognize.LexiconTuning GT_DIR IMAGES_DIR [BUNDLE] [LIMIT]</pre>
 */
public final class LexiconTuning {
  private record Crop(String truth, float[] probs, int t, int k, Recognition greedy, int half) {}

  public static void main(String[] args) throws Exception {
    Path gtDir = Path.of(args[0]);
    Path images = Path.of(args[1]);
    String bundleLoc = args.length > 2 ? args[2] : "classpath:models/crnn-lean-en";
    int limit = args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE;
    Map<String, ScoreFiles.PageFile> truth = ScoreFiles.readDir(gtDir);
    ModelBundle bundle = ModelBundle.open(bundleLoc);
    List<Crop> crops = new ArrayList<>();
    try (RecognizerModel m = RecognizerModel.load(bundle, "cpu");
         Predictor<List<GrayImage>, List<RawOutputs.Output>> p =
             m.model().newPredictor(new RawOutputs(m.spec(), m.charset().numClasses()))) {
      int page = 0;
      for (var e : truth.entrySet()) {
        if (page >= limit) {
          break;
        }
        int half = page++ * 2 < Math.min(limit, truth.size()) ? 0 : 1;
        GrayImage img;
        Path f = images.resolve(e.getValue().image());
        try (PageSource src = ImageDecoder.open(Files.readAllBytes(f), f.toString(),
            DecodeLimits.defaults())) {
          img = src.page(0);
        }
        CropEvaluation.Cuts cuts = CropEvaluation.cut(img, e.getValue().words(),
            CropPreprocessor.CROP_MARGIN_X, CropPreprocessor.CROP_MARGIN_Y);
        List<GrayImage> cut = cuts.crops();
        List<String> labels = cuts.labels();
        Integer[] order = new Integer[cut.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(
            i -> (double) cut.get(i).width() / cut.get(i).height()));
        for (int s = 0; s < order.length; s += 32) {
          List<GrayImage> batch = new ArrayList<>();
          for (int i = s; i < Math.min(order.length, s + 32); i++) {
            batch.add(cut.get(order[i]));
          }
          List<RawOutputs.Output> out = p.predict(batch);
          for (int i = 0; i < batch.size(); i++) {
            RawOutputs.Output o = out.get(i);
            int k = m.charset().numClasses();
            crops.add(new Crop(labels.get(order[s + i]), o.probs(), o.t(), k,
                CtcDecoder.decode(o.probs(), 0, o.t(), k, m.charset()), half));
          }
        }
      }
      System.out.printf(Locale.ROOT, "%d crops from %d pages%n", crops.size(), page);
      report("greedy", crops, null);
      LexiconDecoder shipped = m.lexicon();
      Lexicon lex = shipped != null ? shipped.lexicon()
          : Lexicon.read(RecognizerModel.class.getClassLoader()
              .getResourceAsStream("synth/corpus/en-words.txt"), "en-words");
      for (double margin : new double[] {2, 3, 4, 6}) {
        for (int oneEdit : new int[] {4, 6}) {
          for (int minLen : new int[] {2, 3}) {
            for (int alternatives : new int[] {0, 3, 6}) {
              LexiconDecoder d = new LexiconDecoder(lex, m.charset(),
                  new LexiconDecoder.Settings(minLen, oneEdit, margin, 48, false, alternatives),
                  shipped != null ? shipped.endings() : List.of());
              report(String.format(Locale.ROOT,
                  "margin %.1f oneEditUpTo %d minLength %d alternatives %d", margin, oneEdit,
                  minLen, alternatives), crops, d);
            }
          }
        }
      }
    }
  }

  private static void report(String name, List<Crop> crops, LexiconDecoder d) {
    int[] n = new int[2];
    int[] ok = new int[2];
    int changed = 0;
    long t0 = System.nanoTime();
    for (Crop c : crops) {
      Recognition r = d == null ? c.greedy() : d.correct(c.greedy(), c.probs(), 0, c.t(), c.k());
      changed += r.text().equals(c.greedy().text()) ? 0 : 1;
      n[c.half()]++;
      ok[c.half()] += r.text().equals(c.truth()) ? 1 : 0;
    }
    double ms = (System.nanoTime() - t0) / 1e6 / crops.size();
    System.out.printf(Locale.ROOT, "%-45s exact %.4f | halves %.4f %.4f | changed %d | %.3f ms/crop%n",
        name, (ok[0] + ok[1]) / (double) (n[0] + n[1]), ok[0] / (double) Math.max(1, n[0]),
        ok[1] / (double) Math.max(1, n[1]), changed, ms);
  }
}
