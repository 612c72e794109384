package dev.openocr.train;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import dev.openocr.engine.NativeSetup;
import dev.openocr.imageio.GrayImage;
import dev.openocr.recognize.Charset;
import dev.openocr.recognize.RecognizerModel;
import dev.openocr.recognize.RecognizerSpec;
import java.util.ArrayList;
import java.util.List;

public final class ProfileRecStep {
  public static void main(String[] a) {
    NativeSetup.configure(Integer.parseInt(a[0]));
    RecognizerSpec spec = a[1].equals("none") ? new RecognizerSpec(RecognizerSpec.Transformation.NONE,
        RecognizerSpec.Features.LEAN, RecognizerSpec.Sequence.NONE, RecognizerSpec.Prediction.CTC, 32, 400, 0)
        : RecognizerSpec.lean();
    Charset cs = Charset.builtin("en");
    try (RecognizerModel m = RecognizerModel.create(spec, cs, "cpu");
         Trainer tr = m.model().newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(Optimizer.adam().build()))) {
      tr.initialize(new Shape(1, 1, 32, 64));
      RecognizerTrainer.Config cfg = new RecognizerTrainer.Config(null, "x", spec, cs, 1, 64, 1e-3f, 1, 1, 1, "cpu", null);
      for (int w : new int[] {128, 128, 128, 256, 256, 384, 384, 200, 136, 300}) {
        List<LabeledCrop> b = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
          b.add(new LabeledCrop(GrayImage.blank(w, 32), "hello"));
        }
        long t = System.nanoTime();
        RecognizerTrainer.step(tr, cfg, b);
        System.out.printf("width %d: %.0f ms%n", w, (System.nanoTime() - t) / 1e6);
      }
    }
  }
}
