package dev.openocr.engine;

import dev.openocr.detect.DetectedWord;
import dev.openocr.detect.DetectorOptions;
import dev.openocr.detect.TextDetector;
import dev.openocr.document.Page;
import dev.openocr.document.Word;
import dev.openocr.imageio.GrayImage;
import dev.openocr.layout.LayoutAnalyzer;
import dev.openocr.recognize.CropPreprocessor;
import dev.openocr.recognize.Recognition;
import dev.openocr.recognize.TextRecognizer;
import java.util.ArrayList;
import java.util.List;

/**
 * One thread's pipeline: detect -> rectify -> recognize -> split boxes at read word spaces ->
 * assemble. Not thread-safe.
 */
public final class OcrSession implements AutoCloseable {
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
    long tDet = System.nanoTime() - t0;
    Orientation.Decision o = new Orientation.Decision(0, 1.0);
    GrayImage upright = page;
    if (detectOrientation && !dets.isEmpty()) {
      long tr = System.nanoTime();
      o = Orientation.decide(page, dets, recognizer, detector);
      if (o.degrees() != 0) {
        // OCR the page upright; boxes go back to the scan's frame at the end
        upright = page.rotate(360 - o.degrees());
        dets = detector.detect(upright);
      }
      // the orientation test and any second detection count as detection time
      tDet += System.nanoTime() - tr;
    }
    long t1 = System.nanoTime();
    List<GrayImage> crops = new ArrayList<>(dets.size());
    DetectorOptions.CropMargin m = detector.cropMargin();
    for (DetectedWord d : dets) {
      crops.add(CropPreprocessor.cut(upright, d.quad(), m.x(), m.y()));
    }
    List<Recognition> recs = crops.isEmpty() ? List.of() : recognizer.recognize(crops);
    long t2 = System.nanoTime();
    List<Word> words = new ArrayList<>(dets.size());
    for (int i = 0; i < dets.size(); i++) {
      Recognition r = recs.get(i);
      if (r.text().isEmpty()) {
        continue;
      }
      // a box around several words becomes a box per word where the recognizer read spaces
      words.addAll(WordSplit.split(r, dets.get(i).quad(), dets.get(i).score(), m.x(),
          detector.boxPadding()));
    }
    Page result = LayoutAnalyzer.assemble(words, upright.width(), upright.height(), 0,
        o.confidence());
    if (o.degrees() != 0) {
      result = Orientation.toOriginal(result, o.degrees(), page.width(), page.height(),
          o.confidence());
    }
    long t3 = System.nanoTime();
    lastTimings = new PageTimings(tDet / 1_000_000, (t2 - t1) / 1_000_000,
        (t3 - t2) / 1_000_000);
    return result;
  }

  TextDetector detector() {
    return detector;
  }

  TextRecognizer recognizer() {
    return recognizer;
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
