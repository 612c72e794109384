package dev.openocr.recognize;

import ai.djl.inference.Predictor;
import dev.openocr.eval.CropEvaluation;
import dev.openocr.imageio.GrayImage;
import dev.openocr.nn.ModelBundle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Bench tool (not a test): reads a crop dataset written by {@code synth --kind crops} once,
 * keeps the recognizer's output distributions, and reports word accuracy without and with the
 * bundle's word list (with and without {@link LexiconDecoder.Settings#names}), each after greedy
 * decoding and after prefix beam searches of a few widths ({@code -Dbeams=1,4,8,16}), with the
 * crops each reads otherwise than the bundle's own settings. Decoding is the job's
 * ({@link WordSpaceDecoding}). Crops are split in two halves by order so a setting chosen on one
 * can be checked on the other.
 *
 * <pre>java -cp ... dev.openocr.recognize.CropLexiconTuning CROPS_DIR [BUNDLE]</pre>
 */
public final class CropLexiconTuning {
  private record Crop(String truth, float[] probs, int t, int width) {}

  public static void main(String[] args) throws Exception {
    Path dir = CropEvaluation.datasetFolder(Path.of(args[0]));
    String bundleLoc = args.length > 1 ? args[1] : "classpath:models/crnn-lean-en";
    List<Crop> crops = new ArrayList<>();
    try (RecognizerModel m = RecognizerModel.load(ModelBundle.open(bundleLoc), "cpu");
         Predictor<List<GrayImage>, List<RawOutputs.Output>> p = m.model().newPredictor(
             new RawOutputs(m.spec(), m.charset().numClasses()))) {
      List<GrayImage> batch = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      CropEvaluation.forEachCrop(dir, 0, (crop, label) -> {
        batch.add(crop);
        labels.add(label);
        if (batch.size() == Integer.getInteger("batch", 32)) {
          run(p, batch, labels, crops);
        }
      });
      run(p, batch, labels, crops);
      int k = m.charset().numClasses();
      LexiconDecoder shipped = m.lexicon();
      LexiconDecoder.Settings s = shipped.settings();
      System.out.printf(Locale.ROOT, "%d crops, shipped %s, beam %d%n", crops.size(), s, m.beam());
      int[] beams = Arrays.stream(System.getProperty("beams", "1,4,8,16").split(","))
          .mapToInt(Integer::parseInt).toArray();
      for (int beam : beams) {
        report("no word list, beam " + beam, crops, m, null, null, k, 0, beam);
      }
      for (boolean names : new boolean[] {false, true}) {
        LexiconDecoder d = names == s.names() ? shipped : new LexiconDecoder(shipped.lexicon(),
            m.charset(), new LexiconDecoder.Settings(s.minLength(), s.oneEditUpTo(), s.margin(),
                s.maxCandidates(), names));
        for (int beam : beams) {
          report("names " + names + " beam " + beam, crops, m, d, shipped, k, 0, beam);
        }
      }
    }
  }

  private static void run(Predictor<List<GrayImage>, List<RawOutputs.Output>> p,
      List<GrayImage> batch, List<String> labels, List<Crop> out) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      List<RawOutputs.Output> res = p.predict(batch);
      for (int i = 0; i < res.size(); i++) {
        RawOutputs.Output o = res.get(i);
        out.add(new Crop(labels.get(i), o.probs(), o.t(), o.width()));
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    batch.clear();
    labels.clear();
  }

  /** Accuracy of decoding with {@code d}, and the crops it reads otherwise than {@code base}. */
  private static void report(String name, List<Crop> crops, RecognizerModel m, LexiconDecoder d,
      LexiconDecoder baseDecoder, int k, double minSpace, int beam) {
    int[] n = new int[2];
    int[] ok = new int[2];
    long t0 = System.nanoTime();
    List<String> fixed = new ArrayList<>();
    List<String> broken = new ArrayList<>();
    for (int i = 0; i < crops.size(); i++) {
      Crop c = crops.get(i);
      int half = i * 2 < crops.size() ? 0 : 1;
      Recognition r = WordSpaceDecoding.decode(c.probs(), 0, c.t(), k, m.charset(), d, c.width(),
          minSpace, beam);
      n[half]++;
      boolean right = r.text().equals(c.truth());
      ok[half] += right ? 1 : 0;
      if (baseDecoder != null && (d != baseDecoder || beam != m.beam())) {
        Recognition base = WordSpaceDecoding.decode(c.probs(), 0, c.t(), k, m.charset(),
            baseDecoder, c.width(), 0, m.beam());
        boolean was = base.text().equals(c.truth());
        if (right && !was) {
          fixed.add(base.text() + "->" + r.text());
        } else if (was && !right) {
          broken.add(c.truth() + "->" + r.text());
        }
      }
    }
    double ms = (System.nanoTime() - t0) / 1e6 / crops.size();
    System.out.printf(Locale.ROOT, "%-36s exact %.4f | halves %.4f %.4f | %.3f ms/crop%n", name,
        (ok[0] + ok[1]) / (double) (n[0] + n[1]), ok[0] / (double) Math.max(1, n[0]),
        ok[1] / (double) Math.max(1, n[1]), ms);
    if (!fixed.isEmpty() || !broken.isEmpty()) {
      System.out.println("   fixed " + fixed);
      System.out.println("   broken " + broken);
    }
  }
}
