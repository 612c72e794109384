package dev.openocr.job;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.synth.CropGenerator;
import dev.openocr.synth.GroundTruthJson;
import dev.openocr.synth.Lang;
import dev.openocr.synth.PageGenerator;
import dev.openocr.synth.Rng;
import dev.openocr.synth.SynthConfig;
import dev.openocr.synth.SynthCrop;
import dev.openocr.synth.SynthPage;
import dev.openocr.synth.SynthWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Generates synthetic samples on a cluster: sample indices are spread over partitions and each
 * executor renders its share. Output is Parquet (one row per sample: {@code id, kind, width,
 * height, image} PNG bytes, and {@code gt} JSON for pages or {@code label} for crops) or the same
 * folders {@code openocr synth} writes (format {@code files}). Sample {@code i} is the same as in
 * a local run with the same seed and config.
 *
 * <p>Arguments of {@link #main}: {@code key=value} for {@code output} (required), {@code count},
 * {@code seed}, {@code lang}, {@code kind} (pages|crops), {@code format} (parquet|files),
 * {@code partitions}, and any {@code synth.<SynthConfig field>}.
 */
public final class SynthJob {
  /** Row schema of the Parquet output. */
  public static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("kind", DataTypes.StringType, false)
      .add("width", DataTypes.IntegerType, false)
      .add("height", DataTypes.IntegerType, false)
      .add("image", DataTypes.BinaryType, false)
      .add("gt", DataTypes.StringType, true)
      .add("label", DataTypes.StringType, true);

  /** What to generate and where. */
  public record Conf(String output, long count, long seed, Lang lang, boolean crops,
                     boolean parquet, int partitions, SynthConfig synth) implements Serializable {
    public Conf {
      if (output == null || output.isBlank()) {
        throw new IllegalArgumentException("SynthJob needs output=<uri>");
      }
      if (count < 0 || partitions < 1) {
        throw new IllegalArgumentException("Invalid count/partitions: " + count + "/" + partitions);
      }
    }

    /** Parses {@code key=value} arguments. */
    public static Conf parse(String... args) {
      Map<String, String> kv = new TreeMap<>();
      SynthConfig synth = SynthConfig.defaults();
      for (String a : args) {
        int eq = a.indexOf('=');
        if (eq < 1) {
          throw new IllegalArgumentException("Expected key=value, got: " + a);
        }
        String k = a.substring(0, eq);
        if (k.startsWith("synth.")) {
          synth.set(k.substring("synth.".length()), a.substring(eq + 1));
        } else {
          kv.put(k, a.substring(eq + 1));
        }
      }
      String kind = kv.getOrDefault("kind", "pages").toLowerCase(Locale.ROOT);
      String format = kv.getOrDefault("format", "parquet").toLowerCase(Locale.ROOT);
      if (!kind.equals("pages") && !kind.equals("crops")) {
        throw new IllegalArgumentException("Invalid kind: " + kind + " (pages or crops)");
      }
      if (!format.equals("parquet") && !format.equals("files")) {
        throw new IllegalArgumentException("Invalid format: " + format + " (parquet or files)");
      }
      return new Conf(kv.get("output"), Long.parseLong(kv.getOrDefault("count", "1000")),
          Long.parseLong(kv.getOrDefault("seed", "0")), Lang.parse(kv.getOrDefault("lang", OcrJobConfig.MODEL_LANG_DEFAULT)),
          kind.equals("crops"), format.equals("parquet"),
          Integer.parseInt(kv.getOrDefault("partitions", "8")), synth);
    }
  }

  /** How many samples were written where. */
  public record Result(long samples, String output) {}

  private SynthJob() {}

  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().appName("openocr-synth").getOrCreate();
    try {
      Result r = run(spark, Conf.parse(args));
      System.out.println("synth: wrote " + r.samples() + " samples to " + r.output());
    } finally {
      spark.stop();
    }
  }

  public static Result run(SparkSession spark, Conf conf) {
    Dataset<Long> ids = spark.range(0, conf.count(), 1, conf.partitions());
    if (conf.parquet()) {
      Dataset<Row> rows = ids.mapPartitions(new Generate(conf), Encoders.row(SCHEMA));
      rows.write().mode("overwrite").parquet(conf.output());
    } else {
      ids.foreachPartition(new WriteFiles(conf, spark.sparkContext().hadoopConfiguration()));
    }
    return new Result(conf.count(), conf.output());
  }

  /** One sample as a row. */
  static Row sample(Conf conf, long index) {
    String id = SynthWriter.id(conf.lang(), conf.seed(), index);
    long seed = Rng.sampleSeed(conf.seed(), index);
    if (conf.crops()) {
      SynthCrop c = CropGenerator.defaults(conf.lang(), conf.synth()).generate(seed);
      return RowFactory.create(id, "crop", c.image().width(), c.image().height(),
          SynthWriter.png(c.image()), null, c.label());
    }
    SynthPage p = PageGenerator.defaults(conf.lang(), conf.synth()).generate(seed);
    return RowFactory.create(id, "page", p.image().width(), p.image().height(),
        SynthWriter.png(p.image()), GroundTruthJson.toJson(id + ".png", p), null);
  }

  /** Renders a partition's indices into rows. */
  static final class Generate implements MapPartitionsFunction<Long, Row> {
    private static final long serialVersionUID = 1L;
    private final Conf conf;

    Generate(Conf conf) {
      this.conf = conf;
    }

    @Override
    public Iterator<Row> call(Iterator<Long> it) {
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public Row next() {
          return sample(conf, it.next());
        }
      };
    }
  }

  /** Writes a partition's samples as files on any Hadoop file system. */
  static final class WriteFiles implements ForeachPartitionFunction<Long> {
    private static final long serialVersionUID = 1L;
    private final Conf conf;
    private final Map<String, String> hadoop;

    WriteFiles(Conf conf, Configuration hadoopConf) {
      this.conf = conf;
      this.hadoop = new TreeMap<>();
      hadoopConf.forEach(e -> hadoop.put(e.getKey(), e.getValue()));
    }

    @Override
    public void call(Iterator<Long> it) throws IOException {
      Configuration hc = new Configuration(false);
      hadoop.forEach(hc::set);
      Path root = new Path(conf.output());
      FileSystem fs = root.getFileSystem(hc);
      List<String> labels = new ArrayList<>();
      long first = -1;
      while (it.hasNext()) {
        long i = it.next();
        first = first < 0 ? i : first;
        Row r = sample(conf, i);
        String id = r.getString(0);
        if (conf.crops()) {
          write(fs, new Path(root, "crops/" + id + ".png"), (byte[]) r.get(4));
          labels.add(id + ".png\t" + r.getString(6));
        } else {
          write(fs, new Path(root, "images/" + id + ".png"), (byte[]) r.get(4));
          write(fs, new Path(root, "gt/" + id + ".json"),
              r.getString(5).getBytes(StandardCharsets.UTF_8));
        }
      }
      if (conf.crops() && !labels.isEmpty()) {
        // one labels file per partition, named by its first index so they sort in id order
        String name = String.format(Locale.ROOT, "crops/labels-%010d.tsv", first);
        write(fs, new Path(root, name), (String.join("\n", labels) + "\n")
            .getBytes(StandardCharsets.UTF_8));
      }
    }

    private static void write(FileSystem fs, Path p, byte[] bytes) throws IOException {
      try (OutputStream os = fs.create(p, true)) {
        os.write(bytes);
      }
    }
  }
}
