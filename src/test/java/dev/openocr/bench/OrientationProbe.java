package dev.openocr.bench;

import dev.openocr.document.Page;
import dev.openocr.engine.EngineOptions;
import dev.openocr.engine.OcrEngine;
import dev.openocr.engine.OcrSession;
import dev.openocr.imageio.GrayImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Orientation the engine decides for each page given, and for each page turned by 180 degrees:
 * {@code OrientationProbe IMAGE...}. Prints file, decision upright, decision turned.
 */
public final class OrientationProbe {
  public static void main(String[] args) throws Exception {
    int wrong = 0;
    try (OcrEngine e = OcrEngine.load(EngineOptions.defaults().withThreads(1));
         OcrSession s = e.session()) {
      for (String f : args) {
        GrayImage img = GrayImage.fromBufferedImage(ImageIO.read(new File(f)));
        Page up = s.ocr(img);
        Page turned = s.ocr(img.rotate(180));
        wrong += (up.orientation() != 0 ? 1 : 0) + (turned.orientation() != 180 ? 1 : 0);
        System.out.printf("%s up %d (%.2f) turned %d (%.2f)%n", new File(f).getName(),
            up.orientation(), up.orientationConfidence(), turned.orientation(),
            turned.orientationConfidence());
      }
    }
    System.out.println("wrong " + wrong + " of " + 2 * args.length);
  }
}
