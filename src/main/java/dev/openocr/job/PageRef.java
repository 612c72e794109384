package dev.openocr.job;

/** A page of a run's output: the source URI as the run recorded it and the 0-based page index. */
public record PageRef(String source, int page) {
  @Override
  public String toString() {
    return source + " page " + page;
  }
}
