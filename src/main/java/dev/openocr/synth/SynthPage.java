package dev.openocr.synth;

import dev.openocr.imageio.GrayImage;
import java.util.List;

/** A synthetic page with exact ground truth: every word, its characters and its line. */
public record SynthPage(GrayImage image, List<SynthWord> words, List<SynthLine> lines) {
  public SynthPage {
    words = List.copyOf(words);
    lines = List.copyOf(lines);
  }
}
