package dev.openocr.eval;

import dev.openocr.document.TextDistance;
import dev.openocr.geometry.Box;
import dev.openocr.imageio.GrayImage;
import dev.openocr.recognize.CropPreprocessor;
import dev.openocr.recognize.Recognition;
import dev.openocr.recognize.TextRecognizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javax.imageio.ImageIO;

/**
 * Recognizer accuracy on crops cut at ground-truth boxes, or on a folder of word crops with
 * their labels ({@code synth --kind crops}): word accuracy and CER.
 */
public final class CropEvaluation {
  private CropEvaluation() {}

  /** One crop read wrong. */
  public record Misreading(long crop, String truth, String reading) {}

  /** Totals over all crops. */
  public static final class Totals {
    public long words;
    public long exact;
    public long caseless;
    public long edits;
    public long chars;
    public double seconds;
    /** Misread crops, in reading order: the crop's number (from 0), truth and reading. */
    public final List<Misreading> misread = new ArrayList<>();

    /** Counts one word read as {@code predicted} whose truth is {@code truth}. */
    public void add(String predicted, String truth) {
      if (!predicted.equals(truth)) {
        misread.add(new Misreading(words, truth, predicted));
      }
      words++;
      exact += predicted.equals(truth) ? 1 : 0;
      caseless += predicted.toLowerCase(Locale.ROOT).equals(truth.toLowerCase(Locale.ROOT)) ? 1 : 0;
      edits += TextDistance.levenshtein(predicted, truth);
      chars += truth.codePointCount(0, truth.length());
    }

    public double accuracy() {
      return words == 0 ? 0 : (double) exact / words;
    }

    public double caselessAccuracy() {
      return words == 0 ? 0 : (double) caseless / words;
    }

    public double cer() {
      return chars == 0 ? 0 : (double) edits / chars;
    }

    public String report() {
      return String.format(Locale.ROOT,
          "crops %d  word accuracy exact %.4f  caseless %.4f  CER %.4f  (%.2f ms/crop)",
          words, accuracy(), caselessAccuracy(), cer(), seconds * 1000 / Math.max(1, words));
    }
  }

  /** Cuts each ground-truth box out of the page with the recognizer's margin and reads it. */
  public static void page(GrayImage page, List<ScoredWord> gt, TextRecognizer rec, Totals t) {
    page(page, gt, rec, t, CropPreprocessor.CROP_MARGIN_X, CropPreprocessor.CROP_MARGIN_Y);
  }

  /** As {@link #page}, with explicit margins (fractions of the box height). */
  public static void page(GrayImage page, List<ScoredWord> gt, TextRecognizer rec, Totals t,
      double marginX, double marginY) {
    Cuts cuts = cut(page, gt, marginX, marginY);
    read(cuts.crops(), cuts.labels(), rec, t);
  }

  /** Crops read in one call to the recognizer when reading a crop folder. */
  private static final int DATASET_BATCH = 64;

  /**
   * The crop folder of a written dataset: {@code dir/crops} or {@code dir} itself, whichever
   * holds {@code labels.tsv}; null when neither does.
   */
  public static Path datasetFolder(Path dir) {
    for (Path d : List.of(dir.resolve("crops"), dir)) {
      if (Files.isRegularFile(d.resolve("labels.tsv"))) {
        return d;
      }
    }
    return null;
  }

  /**
   * Reads every crop listed in {@code folder/labels.tsv} (lines {@code FILE<TAB>LABEL}, the
   * format {@code synth --kind crops} writes), at most {@code limit} of them when it is positive.
   *
   * @throws IOException when the list or a crop cannot be read
   */
  public static void dataset(Path folder, TextRecognizer rec, Totals t, int limit)
      throws IOException {
    List<GrayImage> crops = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    forEachCrop(folder, limit, (crop, label) -> {
      crops.add(crop);
      labels.add(label);
      if (crops.size() == DATASET_BATCH) {
        read(crops, labels, rec, t);
        crops.clear();
        labels.clear();
      }
    });
    read(crops, labels, rec, t);
  }

  /**
   * Hands each crop listed in {@code folder/labels.tsv} and its label to {@code each}, in list
   * order, at most {@code limit} of them when it is positive; blank lines are skipped.
   *
   * @throws IOException when the list or a crop cannot be read
   */
  public static void forEachCrop(Path folder, int limit, BiConsumer<GrayImage, String> each)
      throws IOException {
    List<String> lines = Files.readAllLines(folder.resolve("labels.tsv"), StandardCharsets.UTF_8);
    int n = 0;
    for (int i = 0; i < lines.size() && (limit <= 0 || n < limit); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab < 0) {
        throw new IOException(folder.resolve("labels.tsv") + " line " + (i + 1)
            + ": expected FILE<TAB>LABEL");
      }
      Path file = folder.resolve(line.substring(0, tab));
      if (!Files.isRegularFile(file)) {
        throw new IOException(folder.resolve("labels.tsv") + " line " + (i + 1) + ": no file "
            + file);
      }
      BufferedImage img = ImageIO.read(file.toFile());
      if (img == null) {
        throw new IOException("Not an image: " + file);
      }
      each.accept(GrayImage.fromBufferedImage(img), line.substring(tab + 1));
      n++;
    }
  }

  /** Reads crops in one call and counts each reading against its label (none: no call). */
  private static void read(List<GrayImage> crops, List<String> labels, TextRecognizer rec,
      Totals t) {
    if (crops.isEmpty()) {
      return;
    }
    long t0 = System.nanoTime();
    List<Recognition> res = rec.recognize(crops);
    t.seconds += (System.nanoTime() - t0) / 1e9;
    for (int i = 0; i < labels.size(); i++) {
      t.add(res.get(i).text(), labels.get(i));
    }
  }

  /** Word crops of a page and their ground-truth texts, in the same order. */
  public record Cuts(List<GrayImage> crops, List<String> labels) {}

  /**
   * Cuts each ground-truth box (clipped to the page) with the given margins (fractions of the
   * box height); words with blank text or an empty box are left out.
   */
  public static Cuts cut(GrayImage page, List<ScoredWord> gt, double marginX, double marginY) {
    List<GrayImage> crops = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (ScoredWord w : gt) {
      String text = w.text().strip();
      Box b = w.box().clip(page.width(), page.height());
      if (text.isEmpty() || b.width() < 1 || b.height() < 1) {
        continue;
      }
      crops.add(CropPreprocessor.cut(page, b.toQuad(), marginX, marginY));
      labels.add(text);
    }
    return new Cuts(crops, labels);
  }
}
