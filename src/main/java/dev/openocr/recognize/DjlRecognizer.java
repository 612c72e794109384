package dev.openocr.recognize;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import dev.openocr.imageio.GrayImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * One thread's recognizer: crops sorted by width and run in batches of similar width. With an
 * ensemble, its first member reads every crop, and the crops it reads with a confidence below a
 * threshold are read again, together, by the whole ensemble (so the further members cost in
 * proportion to the unsure crops, not to the batches that hold one). A width vote wraps it
 * ({@link WidthVoteRecognizer}).
 */
final class DjlRecognizer implements TextRecognizer {
  /** Crops per forward pass; bounds the padded batch's memory. */
  static final int BATCH = 64;
  /** Padding budget: a batch is cut when its widest crop exceeds this multiple of its narrowest. */
  static final double WIDTH_SPREAD = 1.5;

  private final Predictor<List<GrayImage>, List<Recognition>> predictor;
  private final Predictor<List<GrayImage>, List<Recognition>> ensemble;
  private final double rerunBelow;
  private final Predicate<String> wordList;
  private final boolean wordSpaces;

  DjlRecognizer(Predictor<List<GrayImage>, List<Recognition>> predictor,
      Predicate<String> wordList, boolean wordSpaces) {
    this(predictor, null, 0, wordList, wordSpaces);
  }

  /**
   * @param ensemble reads again the crops {@code predictor} is unsure of, or null
   * @param rerunBelow a crop is unsure when {@code predictor} reads it with a confidence below
   *     this; at 1 every crop is, and the ensemble alone reads
   */
  DjlRecognizer(Predictor<List<GrayImage>, List<Recognition>> predictor,
      Predictor<List<GrayImage>, List<Recognition>> ensemble, double rerunBelow,
      Predicate<String> wordList, boolean wordSpaces) {
    this.predictor = predictor;
    this.ensemble = ensemble;
    this.rerunBelow = rerunBelow;
    this.wordList = wordList;
    this.wordSpaces = wordSpaces;
  }

  @Override
  public boolean readsWordSpaces() {
    return wordSpaces;
  }

  @Override
  public Predicate<String> wordList() {
    return wordList;
  }

  /** Indices of the readings with a confidence below {@code threshold}. */
  static List<Integer> below(List<Recognition> readings, double threshold) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < readings.size(); i++) {
      if (readings.get(i).confidence() < threshold) {
        idx.add(i);
      }
    }
    return idx;
  }

  @Override
  public List<Recognition> recognize(List<GrayImage> crops) {
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
  }
}
