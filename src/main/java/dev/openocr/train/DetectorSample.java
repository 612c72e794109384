package dev.openocr.train;

/**
 * One detector training crop: normalized input {@code [size, size]}, its region/affinity targets
 * at half resolution {@code [size/2, size/2]}, and the spaces between words at that resolution
 * (1 in a space, else 0; see {@link DetectorSamples#gaps}).
 */
record DetectorSample(float[] input, float[] region, float[] affinity, float[] gaps, int size) {}
