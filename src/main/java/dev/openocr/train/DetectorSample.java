package dev.openocr.train;

/**
 * One detector training crop: normalized input {@code [size, size]} and its region/affinity
 * targets at half resolution {@code [size/2, size/2]}.
 */
record DetectorSample(float[] input, float[] region, float[] affinity, int size) {}
