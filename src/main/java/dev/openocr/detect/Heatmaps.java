package dev.openocr.detect;

/**
 * Region and affinity scores at half the network input's resolution, row-major, 0..1 nominal.
 *
 * @param width heatmap width in pixels
 * @param height heatmap height in pixels
 */
public record Heatmaps(float[] region, float[] affinity, int width, int height) {}
