package dev.openocr.spark;

import dev.openocr.config.OcrJobConfig;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * A Spark ML stage that adds the pages of each row's file bytes, as {@code ocr(content, lang)}
 * does ({@link OcrSchemas#OCR_RESULT}): put it after {@code spark.read().format("binaryFile")}.
 * Limits and other {@code openocr.*} settings come from the session's conf, as for the function;
 * the language and model bundles are the stage's own, so they are saved with it.
 */
public final class OcrTransformer extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> outputCol;
  private final Param<String> lang;
  private final Param<String> detector;
  private final Param<String> recognizer;

  public OcrTransformer() {
    this(Identifiable.randomUID("ocr"));
  }

  /** The stage with identifier {@code uid} (how a saved stage is loaded). */
  public OcrTransformer(String uid) {
    this.uid = uid;
    // Params name their parent by uid, so they are made once uid is set.
    inputCol = new Param<>(this, "inputCol", "column of file bytes (binaryFile's content)");
    outputCol = new Param<>(this, "outputCol", "column of pages added: array of page structs");
    lang = new Param<>(this, "lang", "language of the shipped models: "
        + String.join(", ", OcrJobConfig.LANGS) + " (auto: the pair of each page's script)",
        ParamValidators.inArray(OcrJobConfig.LANGS.toArray(new String[0])));
    detector = new Param<>(this, "detector", "detector bundle URI; empty: shipped for lang");
    recognizer = new Param<>(this, "recognizer", "recognizer bundle URI; empty: shipped for lang");
    setDefault(inputCol, "content");
    setDefault(outputCol, "pages");
    setDefault(lang, OcrJobConfig.LANG_DEFAULT);
    setDefault(detector, OcrJobConfig.DETECTOR_DEFAULT);
    setDefault(recognizer, OcrJobConfig.RECOGNIZER_DEFAULT);
  }

  /** Reads a saved stage (Spark ML finds it by this name when a pipeline is loaded). */
  public static MLReader<OcrTransformer> read() {
    return new DefaultParamsReader<>();
  }

  public static OcrTransformer load(String path) {
    return read().load(path);
  }

  @Override
  public String uid() {
    return uid;
  }

  // Spark ML finds params through public no-argument methods that return them.

  public Param<String> inputCol() {
    return inputCol;
  }

  public Param<String> outputCol() {
    return outputCol;
  }

  public Param<String> lang() {
    return lang;
  }

  public Param<String> detector() {
    return detector;
  }

  public Param<String> recognizer() {
    return recognizer;
  }

  public OcrTransformer setInputCol(String v) {
    set(inputCol, v);
    return this;
  }

  public OcrTransformer setOutputCol(String v) {
    set(outputCol, v);
    return this;
  }

  public OcrTransformer setLang(String v) {
    set(lang, v);
    return this;
  }

  public OcrTransformer setDetector(String v) {
    set(detector, v);
    return this;
  }

  public OcrTransformer setRecognizer(String v) {
    set(recognizer, v);
    return this;
  }

  public String getInputCol() {
    return $(inputCol);
  }

  public String getOutputCol() {
    return $(outputCol);
  }

  public String getLang() {
    return $(lang);
  }

  public String getDetector() {
    return $(detector);
  }

  public String getRecognizer() {
    return $(recognizer);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    String in = getInputCol();
    if (!Arrays.asList(schema.fieldNames()).contains(in)
        || !(schema.apply(in).dataType() instanceof BinaryType)) {
      throw new IllegalArgumentException("Invalid input column for " + uid + ": " + in
          + " must be a binary column (binaryFile's content) of " + schema.simpleString());
    }
    if (Arrays.asList(schema.fieldNames()).contains(getOutputCol())) {
      throw new IllegalArgumentException("Invalid output column for " + uid + ": "
          + getOutputCol() + " exists already");
    }
    return schema.add(getOutputCol(), OcrSchemas.OCR_RESULT, true);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Map<String, String> settings = new LinkedHashMap<>(OcrFunction.settings(
        JavaConverters.mapAsJavaMap(dataset.sparkSession().conf().getAll())));
    settings.put(OcrJobConfig.LANG, getLang());
    settings.put(OcrJobConfig.DETECTOR, getDetector());
    settings.put(OcrJobConfig.RECOGNIZER, getRecognizer());
    OcrFunction fn = OcrFunction.of(OcrJobConfig.ofPageSettings(settings), getLang());
    return dataset.withColumn(getOutputCol(),
        fn.udf().apply(dataset.col(getInputCol()), functions.lit(getLang())));
  }

  @Override
  public OcrTransformer copy(ParamMap extra) {
    return defaultCopy(extra);
  }
}
