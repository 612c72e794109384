package dev.openocr.spark;

import dev.openocr.imageio.GrayImage;
import dev.openocr.recognize.Recognition;
import dev.openocr.recognize.TextRecognizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Test recognizer: reads a crop as {@code w<width>} (crop width in pixels at the session's crop
 * height), with the share of dark pixels as confidence.
 */
public final class WidthRecognizer implements TextRecognizer {
  @Override
  public List<Recognition> recognize(List<GrayImage> crops) {
    List<Recognition> out = new ArrayList<>();
    for (GrayImage c : crops) {
      int dark = 0;
      for (byte b : c.pixels()) {
        dark += (b & 0xff) < 128 ? 1 : 0;
      }
      double conf = Math.min(1, 0.2 + (double) dark / c.pixels().length);
      out.add(new Recognition("w" + c.width(), conf, new float[] {(float) conf}));
    }
    return out;
  }

  @Override
  public void close() {}
}
