package dev.openocr.testing;

import dev.openocr.imageio.GrayImage;
import dev.openocr.recognize.Recognition;
import dev.openocr.recognize.TextRecognizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A test recognizer that counts the dark vertical bars of a crop: a crop with k bars reads
 * {@code "w<k>"}, with confidence {@code (255 - darkest pixel) / 255}, so black bars read near 1
 * and light gray ones lower.
 */
public final class BarRecognizer implements TextRecognizer {

  @Override
  public List<Recognition> recognize(List<GrayImage> crops) {
    List<Recognition> out = new ArrayList<>(crops.size());
    for (GrayImage c : crops) {
      int bars = 0;
      boolean inBar = false;
      int darkest = 255;
      for (int x = 0; x < c.width(); x++) {
        int colMin = 255;
        for (int y = 0; y < c.height(); y++) {
          colMin = Math.min(colMin, c.get(x, y));
        }
        darkest = Math.min(darkest, colMin);
        boolean dark = colMin < BlobDetector.DARK;
        if (dark && !inBar) {
          bars++;
        }
        inBar = dark;
      }
      double conf = (255 - darkest) / 255.0;
      String text = bars == 0 ? "" : "w" + bars;
      float[] probs = new float[text.length()];
      java.util.Arrays.fill(probs, (float) conf);
      out.add(new Recognition(text, conf, probs));
    }
    return out;
  }

  @Override
  public void close() {}
}
