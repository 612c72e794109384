package dev.openocr.job;

import dev.openocr.document.Page;

/**
 * One {@code pages} row of a run, read back on the driver.
 *
 * @param ref the source URI as the run recorded it and the 0-based page index
 * @param error the row's error (its cause first), or null for an ok page
 * @param result the words of an ok page, in the page's pixel frame; null for an error row
 */
public record StoredPage(PageRef ref, String error, Page result) {

  public boolean ok() {
    return result != null;
  }
}
