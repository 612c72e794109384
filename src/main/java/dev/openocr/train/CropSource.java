package dev.openocr.train;

/** Deterministic supply of labelled word crops: the same index always gives the same crop. */
@FunctionalInterface
public interface CropSource {
  LabeledCrop crop(long index);
}
