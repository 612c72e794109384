package dev.openocr.detect;

import dev.openocr.engine.NativeSetup;
import dev.openocr.imageio.GrayImage;
import dev.openocr.imageio.Resize;

public final class ProfileDetect {
  public static void main(String[] a) throws Exception {
    NativeSetup.configure(1);
    GrayImage page = GrayImage.blank(762, 1000);
    for (int i = 0; i < 3; i++) {
      long t = System.nanoTime();
      Resize.to(page, 1143, 1500);
      System.out.printf("resize %.1f ms%n", (System.nanoTime() - t) / 1e6);
    }
    try (DetectorModel det = DetectorModel.create(DetectorSpec.lean(), "cpu");
         var p = det.model().newPredictor(new DetectorTranslator())) {
      for (int s : new int[] {512, 768, 1024, 1152}) {
        float[] data = new float[s * s];
        for (int i = 0; i < 4; i++) {
          long t = System.nanoTime();
          Heatmaps h = p.predict(new DetectorTranslator.Input(data, s, s));
          System.out.printf("forward %d: %.1f ms%n", s, (System.nanoTime() - t) / 1e6);
        }
      }
    }
  }
}
