package dev.openocr.job;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkContext;
import org.apache.spark.Success$;
import org.apache.spark.TaskEndReason;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import scala.collection.JavaConverters;

/**
 * What a session's scheduler reports while this listener is registered: the task attempts that
 * failed, with their errors, and the values of the named accumulators that completed stages
 * updated. Registers on creation, removes itself on close.
 */
final class SparkEvents extends SparkListener implements AutoCloseable {
  private final SparkContext sc;
  private final List<String> failed = new CopyOnWriteArrayList<>();
  /** Accumulator id to its name and the largest total a completed stage reported. */
  private final Map<Long, Named> accumulators = new ConcurrentHashMap<>();

  private record Named(String name, long value) {}

  SparkEvents(SparkSession spark) {
    this.sc = spark.sparkContext();
    sc.addSparkListener(this);
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd e) {
    TaskEndReason reason = e.reason();
    if (!Success$.MODULE$.equals(reason)) {
      failed.add(reason instanceof TaskFailedReason f ? f.toErrorString() : reason.toString());
    }
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted e) {
    // A stage lists the named accumulators its tasks changed, each with the driver's total.
    Map<Object, AccumulableInfo> accs =
        JavaConverters.mutableMapAsJavaMap(e.stageInfo().accumulables());
    for (AccumulableInfo a : accs.values()) {
      if (a.name().isDefined() && a.value().isDefined()
          && a.value().get() instanceof Number v) {
        accumulators.merge(a.id(), new Named(a.name().get(), v.longValue()),
            (x, y) -> x.value() >= y.value() ? x : y);
      }
    }
  }

  /** The error of every task attempt that did not end with {@code Success}. */
  List<String> failedTasks() {
    drain();
    return List.copyOf(failed);
  }

  /**
   * Name to value of the accumulators whose name starts with {@code prefix} and that some
   * completed stage reported (a task that added nothing may still report a zero).
   *
   * @throws IllegalStateException when two accumulators with one name were updated
   */
  Map<String, Long> accumulators(String prefix) {
    drain();
    Map<String, Long> out = new TreeMap<>();
    for (Named n : accumulators.values()) {
      if (n.name().startsWith(prefix) && out.put(n.name(), n.value()) != null) {
        throw new IllegalStateException("Two accumulators named " + n.name() + " were updated");
      }
    }
    return out;
  }

  /** Waits until this listener has seen every event posted so far. */
  private void drain() {
    try {
      // private[spark] in Scala but public to Java; Spark's own listener tests wait this way.
      sc.listenerBus().waitUntilEmpty();
    } catch (TimeoutException e) {
      throw new IllegalStateException("Spark listener events not delivered in time", e);
    }
  }

  @Override
  public void close() {
    sc.removeSparkListener(this);
  }
}
