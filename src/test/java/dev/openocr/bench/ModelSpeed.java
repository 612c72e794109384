package dev.openocr.bench;

import dev.openocr.detect.DetectorModel;
import dev.openocr.detect.DetectorSpec;
import dev.openocr.detect.TextDetector;
import dev.openocr.engine.NativeSetup;
import dev.openocr.imageio.GrayImage;
import dev.openocr.recognize.Charset;
import dev.openocr.recognize.RecognizerModel;
import dev.openocr.recognize.RecognizerSpec;
import dev.openocr.recognize.TextRecognizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Forward-pass speed of untrained networks:
 * {@code ModelSpeed <threads> <pageW> <pageH> [detector variant, default lean]}.
 */
public final class ModelSpeed {
  public static void main(String[] args) {
    int threads = Integer.parseInt(args[0]);
    int pw = Integer.parseInt(args[1]);
    int ph = Integer.parseInt(args[2]);
    String variant = args.length > 3 ? args[3] : "lean";
    NativeSetup.configure(threads);
    try (DetectorModel det = DetectorModel.create(DetectorSpec.of(variant), "cpu");
         TextDetector d = det.newDetector()) {
      System.out.println("detector params " + dev.openocr.nn.Params.count(det.model().getBlock()));
      GrayImage page = GrayImage.blank(pw, ph);
      for (int i = 0; i < 8; i++) {
        long t = System.nanoTime();
        d.detect(page);
        System.out.printf("detect %dx%d: %.1f ms%n", pw, ph, (System.nanoTime() - t) / 1e6);
      }
    }
    Charset cs = Charset.parse("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,:;-()/$%#&'\"!?");
    try (RecognizerModel rec = RecognizerModel.create(RecognizerSpec.lean(), cs, "cpu");
         TextRecognizer r = rec.newRecognizer()) {
      System.out.println("recognizer params " + dev.openocr.nn.Params.count(rec.model().getBlock()));
      List<GrayImage> crops = new ArrayList<>();
      for (int i = 0; i < 175; i++) {
        crops.add(GrayImage.blank(40 + (i * 37) % 200, 24 + i % 10));
      }
      for (int i = 0; i < 6; i++) {
        long t = System.nanoTime();
        r.recognize(crops);
        System.out.printf("recognize 175 crops: %.1f ms%n", (System.nanoTime() - t) / 1e6);
      }
    }
  }
}
