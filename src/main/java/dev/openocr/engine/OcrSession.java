package dev.openocr.engine;

import dev.openocr.detect.DetectedWord;
import dev.openocr.detect.TextDetector;
import dev.openocr.document.Page;
import dev.openocr.document.Word;
import dev.openocr.imageio.GrayImage;
import dev.openocr.imageio.Rectify;
import dev.openocr.layout.LayoutAnalyzer;
import dev.openocr.recognize.Recognition;
import dev.openocr.recognize.TextRecognizer;
import java.util.ArrayList;
import java.util.List;

/**
 * One thread's pipeline: detect -> rectify -> recognize -> assemble. Not thread-safe.
 */
public final class OcrSession implements AutoCloseable {
  /** Height word crops are cut at before the recognizer resizes them. */
  static final int CROP_HEIGHT = 48;

  private final TextDetector detector;
  private final TextRecognizer recognizer;
  private final boolean detectOrientation;
  private PageTimings lastTimings = PageTimings.ZERO;

  OcrSession(TextDetector detector, TextRecognizer recognizer, boolean detectOrientation) {
    this.detector = detector;
    this.recognizer = recognizer;
    this.detectOrientation = detectOrientation;
  }

  /** Reads one page; words come back in the page's own pixel coordinates. */
  public Page ocr(GrayImage page) {
    long t0 = System.nanoTime();
    List<DetectedWord> dets = detector.detect(page);
    long t1 = System.nanoTime();
    List<GrayImage> crops = new ArrayList<>(dets.size());
    for (DetectedWord d : dets) {
      crops.add(Rectify.crop(page, d.quad(), CROP_HEIGHT));
    }
    List<Recognition> recs = crops.isEmpty() ? List.of() : recognizer.recognize(crops);
    long t2 = System.nanoTime();
    List<Word> words = new ArrayList<>(dets.size());
    for (int i = 0; i < dets.size(); i++) {
      Recognition r = recs.get(i);
      if (r.text().isEmpty()) {
        continue;
      }
      words.add(new Word(r.text(), dets.get(i).quad(), r.confidence(), dets.get(i).score(),
          r.charProbs()));
    }
    Page result = LayoutAnalyzer.assemble(words, page.width(), page.height(), 0, 1.0);
    long t3 = System.nanoTime();
    lastTimings = new PageTimings((t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
        (t3 - t2) / 1_000_000);
    return result;
  }

  /** Stage timings of the last {@link #ocr} call. */
  public PageTimings lastTimings() {
    return lastTimings;
  }

  @Override
  public void close() {
    try {
      detector.close();
    } finally {
      recognizer.close();
    }
  }
}
