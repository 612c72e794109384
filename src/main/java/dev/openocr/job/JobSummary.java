package dev.openocr.job;

import java.util.Map;

/**
 * What one OCR run did.
 *
 * @param files input files processed in this run (skipped ones not counted)
 * @param skippedFiles files skipped by {@code --incremental} (already in the output)
 * @param pages pages read successfully
 * @param errorRows error rows written (one per failed file or page)
 * @param words words written
 * @param errorsByCause error rows per cause name
 * @param stageMillis total milliseconds per stage (decode, detect, recognize) over all tasks
 * @param tasks OCR tasks the files were spread over
 * @param elapsedSeconds wall time of the run, seconds
 * @param pagesPerSecond {@code pages / elapsedSeconds}
 */
public record JobSummary(long files, long skippedFiles, long pages, long errorRows, long words,
                         Map<String, Long> errorsByCause, Map<String, Long> stageMillis, int tasks,
                         double elapsedSeconds, double pagesPerSecond) {

  /** One line for logs and the console. */
  public String oneLine() {
    return String.format(java.util.Locale.ROOT,
        "files=%d skipped=%d pages=%d words=%d errors=%d %s tasks=%d elapsed=%.1fs pages/s=%.2f "
            + "stage_ms=%s",
        files, skippedFiles, pages, words, errorRows, errorsByCause, tasks, elapsedSeconds,
        pagesPerSecond, stageMillis);
  }
}
