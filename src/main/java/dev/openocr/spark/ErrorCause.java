package dev.openocr.spark;

import dev.openocr.imageio.DecodeException;

/**
 * Why a page row has {@code status = 'error'}. The {@code error} column starts with the cause's
 * name and a colon ({@code TOO_LARGE: hdfs:///a/b.png: ...}), so SQL can count failures by
 * cause with {@code substring_index(error, ':', 1)}.
 */
public enum ErrorCause {
  EMPTY, TRUNCATED, CORRUPT, UNSUPPORTED_FORMAT, TOO_LARGE, ENCRYPTED,
  /** The file could not be read from its file system. */
  READ_FAILED,
  /** A page took longer than the per-page budget. */
  TIMEOUT,
  /** Detection, recognition or layout threw. */
  OCR_FAILURE;

  /**
   * Whether another try may pass: the file system, the time budget or the engine failed, not
   * the file. Incremental runs read such files again.
   */
  public boolean mayPass() {
    return this == READ_FAILED || this == TIMEOUT || this == OCR_FAILURE;
  }

  /** The row cause for a decoding failure (same names). */
  public static ErrorCause of(DecodeException.Cause c) {
    return valueOf(c.name());
  }

  /** The text of the {@code error} column. */
  public String message(String detail) {
    return name() + ": " + detail;
  }
}
