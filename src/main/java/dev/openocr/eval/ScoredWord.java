package dev.openocr.eval;

import dev.openocr.geometry.Box;

/** A word of a ground-truth or prediction file: text, box, confidence (1 when absent). */
public record ScoredWord(String text, Box box, double confidence) {}
