package dev.openocr.testing;

import dev.openocr.detect.TextDetector;
import dev.openocr.engine.OcrEngine;
import dev.openocr.recognize.TextRecognizer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Synthetic pages whose "words" are groups of vertical bars, and an engine that reads them. */
public final class TestImages {
  /** Bar width, gap and height in pixels. */
  public static final int BAR = 3;
  public static final int GAP = 3;
  public static final int BAR_HEIGHT = 20;
  public static final String MODEL_ID = "blob-detector@0123abcd+bar-recognizer@4567ef01";

  /**
   * A word of {@code bars} bars at (x, y), gray level {@code gray} (0 black).
   */
  public record BarWord(int x, int y, int bars, int gray) {
    public int right() {
      return x + bars * (BAR + GAP) - GAP;
    }
  }

  private TestImages() {}

  public static BufferedImage page(int width, int height, List<BarWord> words) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      for (BarWord w : words) {
        g.setColor(new Color(w.gray(), w.gray(), w.gray()));
        for (int i = 0; i < w.bars(); i++) {
          g.fillRect(w.x() + i * (BAR + GAP), w.y(), BAR, BAR_HEIGHT);
        }
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  /** Encodes with the JDK writer of the format ({@code png}, {@code bmp}, {@code jpeg}...). */
  public static byte[] encode(BufferedImage img, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(img, format, out)) {
      throw new IOException("No writer for " + format);
    }
    return out.toByteArray();
  }

  /** A multi-page TIFF of the images. */
  public static byte[] tiff(List<BufferedImage> pages) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      writer.prepareWriteSequence(null);
      for (BufferedImage p : pages) {
        writer.writeToSequence(new IIOImage(p, null, null), null);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /** An engine with the blob detector and bar recognizer. */
  public static OcrEngine engine() {
    return engine(BlobDetector::new);
  }

  public static OcrEngine engine(Supplier<TextDetector> detectors) {
    Supplier<TextRecognizer> recognizers = BarRecognizer::new;
    return new OcrEngine(detectors, recognizers, MODEL_ID, null, false);
  }
}
