package dev.openocr.bench;

import dev.openocr.engine.NativeSetup;
import dev.openocr.imageio.GrayImage;
import dev.openocr.nn.Params;
import dev.openocr.recognize.Charset;
import dev.openocr.recognize.RecognizerModel;
import dev.openocr.recognize.RecognizerSpec;
import dev.openocr.recognize.TextRecognizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Size and inference speed of every recognizer stage combination (untrained weights, English
 * charset): {@code RecognizerStagesBench <threads>}. Prints a Markdown table row per combination:
 * parameters and milliseconds per crop over 192 word-sized crops (median of 5 passes). Attention
 * decoders are timed decoding their full step budget (untrained ones rarely emit the end token),
 * an upper bound for a trained model.
 */
public final class RecognizerStagesBench {
  public static void main(String[] args) {
    NativeSetup.configure(Integer.parseInt(args[0]));
    Charset cs = Charset.builtin("en");
    List<GrayImage> crops = new ArrayList<>();
    for (int i = 0; i < 192; i++) {
      crops.add(GrayImage.blank(40 + (i * 37) % 200, 24 + i % 10));
    }
    System.out.println("| stages | parameters | ms per crop |");
    System.out.println("|---|---|---|");
    for (RecognizerSpec.Transformation t : RecognizerSpec.Transformation.values()) {
      for (RecognizerSpec.Features f : RecognizerSpec.Features.values()) {
        for (RecognizerSpec.Prediction p : RecognizerSpec.Prediction.values()) {
          RecognizerSpec spec = new RecognizerSpec(t, f, RecognizerSpec.Sequence.BILSTM, p, 32, 256,
              128, 1, 0, RecognizerSpec.WIDTH_STRIDE);
          try (RecognizerModel m = RecognizerModel.create(spec, cs, "cpu");
               TextRecognizer r = m.newRecognizer()) {
            double[] ms = new double[5];
            r.recognize(crops.subList(0, 16));
            for (int k = 0; k < ms.length; k++) {
              long t0 = System.nanoTime();
              r.recognize(crops);
              ms[k] = (System.nanoTime() - t0) / 1e6 / crops.size();
            }
            java.util.Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "| %s | %,d | %.2f |%n", spec.runName(),
                Params.count(m.model().getBlock()), ms[2]);
          }
        }
      }
    }
  }
}
