package dev.openocr.recognize;

import dev.openocr.imageio.GrayImage;
import java.util.List;
import java.util.function.Predicate;

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

  /**
   * Whether a word is in the list its readings are corrected with (for Korean, with a particle
   * after it: {@link LexiconDecoder#listed}); null without a list (greedy decoding alone).
   */
  default Predicate<String> wordList() {
    return null;
  }

  @Override
  void close();
}
