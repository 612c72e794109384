package dev.openocr.synth;

import dev.openocr.imageio.GrayImage;

/** A word crop for the recognizer and the text drawn in it. */
public record SynthCrop(GrayImage image, String label) {}
