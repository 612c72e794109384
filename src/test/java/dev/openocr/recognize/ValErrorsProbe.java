package dev.openocr.recognize;

import dev.openocr.cli.TrainRecognizerCommand;
import dev.openocr.eval.CropEvaluation;
import dev.openocr.imageio.GrayImage;
import dev.openocr.nn.ModelBundle;
import dev.openocr.synth.CropGenerator;
import dev.openocr.synth.Lang;
import dev.openocr.synth.SynthConfig;
import dev.openocr.synth.SynthCrop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Bench tool (not a test): reads the held-out synthetic validation crops with a bundle and prints
 * each error (truth, greedy reading, reading with the word list), saving error crops as PNG.
 * Given a crop folder written by {@code synth --kind crops} instead of a generator config, it
 * reads the first N crops of that folder.
 *
 * <pre>java -cp ... dev.openocr.recognize.ValErrorsProbe LANG BUNDLE N OUT_DIR [SYNTH_CONFIG|CROP_DIR]</pre>
 */
public final class ValErrorsProbe {
  public static void main(String[] args) throws Exception {
    Lang lang = Lang.parse(args[0]);
    String bundleLoc = args[1];
    int n = Integer.parseInt(args[2]);
    Path out = Path.of(args[3]);
    Files.createDirectories(out);
    List<SynthCrop> crops = new ArrayList<>();
    if (args.length > 4 && Files.isDirectory(Path.of(args[4]))) {
      Path cropFolder = CropEvaluation.datasetFolder(Path.of(args[4]));
      if (cropFolder == null) {
        throw new IllegalArgumentException("No labels.tsv in " + args[4] + " or its crops/");
      }
      CropEvaluation.forEachCrop(cropFolder, n, (crop, label) -> crops.add(new SynthCrop(crop,
          label)));
      n = crops.size();
    } else {
      SynthConfig cfg = args.length > 4 ? SynthConfig.load(Path.of(args[4]))
          : SynthConfig.defaults();
      CropGenerator gen = CropGenerator.defaults(lang, cfg);
      for (int i = 0; i < n; i++) {
        crops.add(gen.generate(TrainRecognizerCommand.VALIDATION_SEED_BASE + i));
      }
    }
    List<GrayImage> imgs = crops.stream().map(SynthCrop::image).toList();
    try (RecognizerModel m = RecognizerModel.load(ModelBundle.open(bundleLoc), "cpu");
         TextRecognizer greedy = m.newRecognizer(false);
         TextRecognizer lex = m.newRecognizer(true)) {
      int okG = 0;
      int okL = 0;
      for (int s = 0; s < n; s += 64) {
        List<GrayImage> b = imgs.subList(s, Math.min(n, s + 64));
        List<Recognition> g = greedy.recognize(b);
        List<Recognition> l = lex.recognize(b);
        for (int i = 0; i < b.size(); i++) {
          String t = crops.get(s + i).label();
          boolean eg = g.get(i).text().equals(t);
          boolean el = l.get(i).text().equals(t);
          okG += eg ? 1 : 0;
          okL += el ? 1 : 0;
          if (!el) {
            System.out.printf("%d\t%s\t%s\t%s\t%.2f\t%dx%d%n", s + i, t, g.get(i).text(),
                l.get(i).text(), g.get(i).confidence(), b.get(i).width(), b.get(i).height());
            ImageIO.write(b.get(i).toBufferedImage(), "png", out.resolve((s + i) + ".png").toFile());
          }
        }
      }
      System.out.printf("greedy %.4f lexicon %.4f of %d%n", okG / (double) n, okL / (double) n, n);
    }
  }
}
