package dev.openocr.recognize;

import dev.openocr.imageio.GrayImage;
import java.util.List;

/**
 * Reads word crops. An instance serves one thread at a time; close it when done. Crops are
 * batched by width inside.
 */
public interface TextRecognizer extends AutoCloseable {

  /** One result per crop, in the order given. */
  List<Recognition> recognize(List<GrayImage> crops);

  /** Whether it reads the space between words (a crop of two words reads as two). */
  default boolean readsWordSpaces() {
    return false;
  }

  /** The word list its readings are corrected with, or null (greedy decoding alone). */
  default Lexicon wordList() {
    return null;
  }

  @Override
  void close();
}
