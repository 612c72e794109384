package dev.openocr.train;

import dev.openocr.imageio.GrayImage;

/** A word crop and its ground-truth text. */
public record LabeledCrop(GrayImage image, String label) {}
