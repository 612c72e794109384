package dev.openocr.job;

import dev.openocr.spark.OcrSchemas;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run writes {@code pages} (the record of what is done) and then {@code words}; each write is
 * atomic, but a job killed between the two leaves pages without their words. Since words are
 * derived from pages, an incremental run re-derives the missing ones: no OCR, no duplicates.
 */
final class WordsRepair {
  private static final Logger LOG = LoggerFactory.getLogger(WordsRepair.class);

  private WordsRepair() {}

  /** Appends the words of ok pages that have words in pages but none in words; returns pages. */
  static long appendMissing(SparkSession spark, String pagesUri, String wordsUri,
      boolean wordsExist) {
    // the current schema: pages written before a column existed read it as null
    Dataset<Row> pages = spark.read().schema(OcrSchemas.PAGES).parquet(pagesUri)
        .filter(functions.col("status").equalTo(OcrSchemas.STATUS_OK)
            .and(functions.col("word_count").gt(0)));
    Dataset<Row> missing = pages;
    if (wordsExist) {
      Dataset<Row> have = spark.read().parquet(wordsUri).select("source", "page").distinct();
      missing = pages.join(have, pages.col("source").equalTo(have.col("source"))
          .and(pages.col("page").equalTo(have.col("page"))), "left_anti");
    }
    // Appending while reading is safe: the read's file list is fixed when the plan is made.
    long n = missing.count();
    if (n > 0) {
      LOG.warn("{} pages in {} have no words (a run stopped between the two writes): "
          + "re-deriving their words", n, pagesUri);
      OcrSchemas.words(missing).write().mode(SaveMode.Append).option("compression", "zstd")
          .parquet(wordsUri);
    }
    return n;
  }
}
