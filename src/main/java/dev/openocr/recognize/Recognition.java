package dev.openocr.recognize;

/**
 * What the recognizer read in one word crop.
 *
 * @param text decoded text
 * @param confidence product of the per-character max probabilities, 0..1
 * @param charProbs max probability of each emitted character
 */
public record Recognition(String text, double confidence, float[] charProbs) {}
