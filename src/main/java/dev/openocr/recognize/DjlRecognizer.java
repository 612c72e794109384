package dev.openocr.recognize;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import dev.openocr.imageio.GrayImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One thread's recognizer: crops sorted by width and run in batches of similar width. With an
 * ensemble, its first member reads every crop, and the crops it reads with a confidence below a
 * threshold are read again, together, by the whole ensemble (so the further members cost in
 * proportion to the unsure crops, not to the batches that hold one). With a {@link WidthVote},
 * the crops read with a confidence below its threshold are read again by one recognizer per
 * width scale, and the text most readings agree on is kept.
 */
final class DjlRecognizer implements TextRecognizer {
  /** Crops per forward pass; bounds the padded batch's memory. */
  static final int BATCH = 64;
  /** Padding budget: a batch is cut when its widest crop exceeds this multiple of its narrowest. */
  static final double WIDTH_SPREAD = 1.5;

  private final Predictor<List<GrayImage>, List<Recognition>> predictor;
  private final Predictor<List<GrayImage>, List<Recognition>> ensemble;
  private final double rerunBelow;
  private final Lexicon wordList;
  private final boolean wordSpaces;
  /** Readers of stretched crops, one per scale of the {@link WidthVote}; empty without one. */
  private final List<DjlRecognizer> stretched;
  private final double voteBelow;

  DjlRecognizer(Predictor<List<GrayImage>, List<Recognition>> predictor, Lexicon wordList,
      boolean wordSpaces) {
    this(predictor, null, 0, wordList, wordSpaces);
  }

  /**
   * @param ensemble reads again the crops {@code predictor} is unsure of, or null
   * @param rerunBelow a crop is unsure when {@code predictor} reads it with a confidence below
   *     this; at 1 every crop is, and the ensemble alone reads
   */
  DjlRecognizer(Predictor<List<GrayImage>, List<Recognition>> predictor,
      Predictor<List<GrayImage>, List<Recognition>> ensemble, double rerunBelow,
      Lexicon wordList, boolean wordSpaces) {
    this.predictor = predictor;
    this.ensemble = ensemble;
    this.rerunBelow = rerunBelow;
    this.wordList = wordList;
    this.wordSpaces = wordSpaces;
    this.stretched = List.of();
    this.voteBelow = 0;
  }

  /**
   * {@code plain} with a width vote: crops it reads with a confidence below {@code voteBelow}
   * are read again by each of {@code stretched} (the same network on stretched crops).
   */
  DjlRecognizer(DjlRecognizer plain, List<DjlRecognizer> stretched, double voteBelow) {
    this.predictor = plain.predictor;
    this.ensemble = plain.ensemble;
    this.rerunBelow = plain.rerunBelow;
    this.wordList = plain.wordList;
    this.wordSpaces = plain.wordSpaces;
    this.stretched = List.copyOf(stretched);
    this.voteBelow = voteBelow;
  }

  @Override
  public boolean readsWordSpaces() {
    return wordSpaces;
  }

  @Override
  public Lexicon wordList() {
    return wordList;
  }

  @Override
  public List<Recognition> recognize(List<GrayImage> crops) {
    List<Recognition> out = readOnce(crops);
    if (stretched.isEmpty()) {
      return out;
    }
    List<Integer> unsure = below(out, voteBelow);
    if (unsure.isEmpty()) {
      return out;
    }
    List<GrayImage> again = unsure.stream().map(crops::get).toList();
    List<List<Recognition>> readings = new ArrayList<>();
    for (DjlRecognizer s : stretched) {
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

  /** Indices of the readings with a confidence below {@code threshold}. */
  private static List<Integer> below(List<Recognition> readings, double threshold) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < readings.size(); i++) {
      if (readings.get(i).confidence() < threshold) {
        idx.add(i);
      }
    }
    return idx;
  }

  /** Each crop read once, by the first member and the ensemble if there is one. */
  private List<Recognition> readOnce(List<GrayImage> crops) {
    if (ensemble != null && rerunBelow >= 1) {
      return read(ensemble, crops); // every crop is unsure
    }
    List<Recognition> out = read(predictor, crops);
    if (ensemble == null) {
      return out;
    }
    List<Integer> unsure = below(out, rerunBelow);
    if (unsure.isEmpty()) {
      return out;
    }
    List<Recognition> again = read(ensemble, unsure.stream().map(crops::get).toList());
    for (int j = 0; j < unsure.size(); j++) {
      out.set(unsure.get(j), again.get(j));
    }
    return out;
  }

  /** One reading per crop by {@code predictor}, in batches of similar width. */
  private static List<Recognition> read(Predictor<List<GrayImage>, List<Recognition>> predictor,
      List<GrayImage> crops) {
    Integer[] order = new Integer[crops.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    // aspect ratio decides the width after resizing to the input height
    Arrays.sort(order, Comparator.comparingDouble(i -> (double) crops.get(i).width() / crops.get(i).height()));
    Recognition[] out = new Recognition[crops.size()];
    int start = 0;
    while (start < order.length) {
      double first = aspect(crops.get(order[start]));
      int end = start + 1;
      while (end < order.length && end - start < BATCH
          && aspect(crops.get(order[end])) <= first * WIDTH_SPREAD + 1) {
        end++;
      }
      List<GrayImage> batch = new ArrayList<>(end - start);
      for (int i = start; i < end; i++) {
        batch.add(crops.get(order[i]));
      }
      List<Recognition> res;
      try {
        res = predictor.predict(batch);
      } catch (TranslateException e) {
        throw new IllegalStateException("Recognition failed: " + e.getMessage(), e);
      }
      for (int i = start; i < end; i++) {
        out[order[i]] = res.get(i - start);
      }
      start = end;
    }
    return Arrays.asList(out);
  }

  private static double aspect(GrayImage g) {
    return (double) g.width() / g.height();
  }

  @Override
  public void close() {
    predictor.close();
    if (ensemble != null) {
      ensemble.close();
    }
    for (DjlRecognizer s : stretched) {
      s.close();
    }
  }
}
