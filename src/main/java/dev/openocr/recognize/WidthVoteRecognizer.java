package dev.openocr.recognize;

import dev.openocr.imageio.GrayImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A recognizer with a {@link WidthVote}: the crops {@code plain} reads with a confidence below
 * the vote's threshold are read again, together, by each of {@code stretched} (the same network
 * on stretched crops), and the text most readings agree on is kept.
 */
final class WidthVoteRecognizer implements TextRecognizer {
  private final TextRecognizer plain;
  private final List<TextRecognizer> stretched;
  private final double below;

  WidthVoteRecognizer(TextRecognizer plain, List<? extends TextRecognizer> stretched,
      double below) {
    this.plain = plain;
    this.stretched = List.copyOf(stretched);
    this.below = below;
  }

  @Override
  public List<Recognition> recognize(List<GrayImage> crops) {
    List<Recognition> out = new ArrayList<>(plain.recognize(crops));
    List<Integer> unsure = DjlRecognizer.below(out, below);
    if (unsure.isEmpty()) {
      return out;
    }
    List<GrayImage> again = unsure.stream().map(crops::get).toList();
    List<List<Recognition>> readings = new ArrayList<>();
    for (TextRecognizer s : stretched) {
      readings.add(s.recognize(again));
    }
    for (int j = 0; j < unsure.size(); j++) {
      List<Recognition> all = new ArrayList<>(readings.size() + 1);
      all.add(out.get(unsure.get(j)));
      for (List<Recognition> r : readings) {
        all.add(r.get(j));
      }
      out.set(unsure.get(j), WidthVote.vote(all));
    }
    return out;
  }

  @Override
  public boolean readsWordSpaces() {
    return plain.readsWordSpaces();
  }

  @Override
  public Predicate<String> wordList() {
    return plain.wordList();
  }

  @Override
  public void close() {
    plain.close();
    stretched.forEach(TextRecognizer::close);
  }
}
