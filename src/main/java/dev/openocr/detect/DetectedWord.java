package dev.openocr.detect;

import dev.openocr.geometry.Quad;

/**
 * A word region found by the detector.
 *
 * @param quad corners in page pixels, clockwise from the text's top-left (the page's top-left
 *     for a word printed across; the bottom-left for one printed bottom to top)
 * @param score peak region score of the component, 0..1
 */
public record DetectedWord(Quad quad, double score) {}
