package dev.openocr.spark;

import static dev.openocr.config.Check.checkArgument;

import dev.openocr.config.OcrJobConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.StringType;
import scala.Function1;
import scala.Tuple3;
import scala.collection.JavaConverters;
import scala.collection.Seq;
import scala.runtime.BoxedUnit;

/**
 * Adds {@code ocr(content[, lang])} ({@link OcrFunction}) to every session of an application
 * started with {@code spark.sql.extensions=dev.openocr.spark.OcrExtensions}. The function reads
 * the session's {@code openocr.*} settings when a query is analyzed.
 */
public final class OcrExtensions implements Function1<SparkSessionExtensions, BoxedUnit> {
  /** Spark's setting that names session extension classes, comma-separated. */
  public static final String CONF = "spark.sql.extensions";

  private static final ExpressionInfo INFO = new ExpressionInfo(OcrFunction.class.getName(), null,
      OcrFunction.NAME,
      "_FUNC_(content[, lang]) - The pages of an image or PDF file's bytes: an array of "
          + "struct<page, status, error, width, height, text, word_count, mean_confidence, "
          + "words>, one per page; a file that cannot be read gives one page with status "
          + "'error' and the cause in error.",
      "\n    Arguments:\n"
          + "      * content - the file's bytes (binaryFile's content column)\n"
          + "      * lang - en or ko: the shipped models of that language (default: "
          + OcrJobConfig.LANG + ")\n  ");

  @Override
  public BoxedUnit apply(SparkSessionExtensions extensions) {
    Function1<Seq<Expression>, Expression> builder = OcrExtensions::build;
    extensions.injectFunction(new Tuple3<>(new FunctionIdentifier(OcrFunction.NAME), INFO,
        builder));
    return BoxedUnit.UNIT;
  }

  /**
   * {@code existing} (a value of {@link #CONF}, may be null or blank) with this class added
   * unless it is there.
   */
  public static String addTo(String existing) {
    List<String> names = new ArrayList<>();
    if (existing != null) {
      Arrays.stream(existing.split(",")).map(String::trim).filter(s -> !s.isEmpty())
          .forEach(names::add);
    }
    if (!names.contains(OcrExtensions.class.getName())) {
      names.add(OcrExtensions.class.getName());
    }
    return String.join(",", names);
  }

  /** The expression of one call, with the settings of the session analyzing it. */
  static Expression build(Seq<Expression> args) {
    List<Expression> a = JavaConverters.seqAsJavaList(args);
    checkArgument(a.size() == 1 || a.size() == 2, "%s(content[, lang]) takes 1 or 2 arguments, "
        + "got %s", OcrFunction.NAME, a.size());
    Expression content = a.get(0);
    checkArgument(content.dataType() instanceof BinaryType
        || content.dataType() instanceof NullType, "%s(content[, lang]): content must "
        + "be binary (the binaryFile source's content column), got %s", OcrFunction.NAME,
        content.dataType().simpleString());
    Expression lang = a.size() == 2 ? a.get(1) : Literal.create(null, DataTypes.StringType);
    checkArgument(lang.dataType() instanceof StringType || lang.dataType() instanceof NullType,
        "%s(content, lang): lang must be a string (en or ko), got %s", OcrFunction.NAME,
        lang.dataType().simpleString());
    // A constant language is checked now and its engine alone is prepared.
    Object constant = lang.foldable() ? lang.eval(null) : null;
    OcrJobConfig config = OcrJobConfig.ofPageSettings(OcrFunction.settings(
        JavaConverters.mapAsJavaMap(SQLConf.get().getAllConfs())));
    OcrFunction fn = OcrFunction.of(config, constant == null ? null : constant.toString());
    return fn.udf().apply(new Column(content), new Column(lang)).expr();
  }
}
