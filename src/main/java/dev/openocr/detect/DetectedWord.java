package dev.openocr.detect;

import dev.openocr.geometry.Quad;

/**
 * A word region found by the detector.
 *
 * @param quad corners in page pixels, clockwise from top-left
 * @param score peak region score of the component, 0..1
 */
public record DetectedWord(Quad quad, double score) {}
