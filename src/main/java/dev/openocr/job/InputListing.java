package dev.openocr.job;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Lists input files as rows {@code (path, modificationTime, length)} without reading content.
 * Spark's file scan makes no split for a 0-byte file, so empty files would vanish from the
 * output; they are added back from the file index with length 0 and no modification time.
 */
final class InputListing {
  private InputListing() {}

  /** Every file under {@code inputs} whose name matches {@code glob} (null: every file). */
  static Dataset<Row> list(SparkSession spark, List<String> inputs, String glob) {
    DataFrameReader reader = spark.read().format("binaryFile")
        .option("recursiveFileLookup", "true");
    if (glob != null) {
      reader = reader.option("pathGlobFilter", glob);
    }
    Dataset<Row> all = reader.load(inputs.toArray(new String[0]));
    Dataset<Row> scanned = all.select("path", "modificationTime", "length");
    List<String> indexed = new ArrayList<>();
    for (String uri : all.inputFiles()) {
      // The index gives escaped URIs; the path column holds Hadoop's unescaped form.
      indexed.add(new Path(URI.create(uri)).toString());
    }
    Dataset<Row> index = spark.createDataset(indexed, Encoders.STRING()).toDF("path");
    Dataset<Row> unscanned = index.join(scanned, index.col("path").equalTo(scanned.col("path")),
            "left_anti")
        .select(functions.col("path"),
            functions.lit(null).cast(DataTypes.TimestampType).as("modificationTime"),
            functions.lit(0L).as("length"));
    return scanned.unionByName(unscanned);
  }
}
