package dev.openocr.spark;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.Tuple4;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * How far a run is, from its {@link JobMetrics} accumulators as the driver hears of them:
 * finished tasks' values when they end, running tasks' values from executor heartbeats
 * ({@code spark.executor.heartbeatInterval}), so a long task shows its pages before it ends.
 * Failed attempts are dropped, as Spark drops their accumulator updates.
 */
public final class JobProgress extends SparkListener {
  /** Rows out so far: files with every row out, pages read, error rows. */
  public record Counts(long files, long pages, long errors) {
    Counts plus(Counts o) {
      return new Counts(files + o.files, pages + o.pages, errors + o.errors);
    }
  }

  private final long filesId;
  private final long pagesId;
  private final Set<Long> errorIds;
  private final long totalFiles;
  private final LongSupplier nanoClock;
  private final long startNanos;
  private final Map<Long, Counts> running = new HashMap<>();
  private final Set<Long> endedTasks = new HashSet<>();
  private Counts ended = new Counts(0, 0, 0);

  JobProgress(long filesId, long pagesId, Set<Long> errorIds, long totalFiles,
      LongSupplier nanoClock) {
    this.filesId = filesId;
    this.pagesId = pagesId;
    this.errorIds = Set.copyOf(errorIds);
    this.totalFiles = totalFiles;
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
  }

  /** Progress of the run that counts into {@code metrics}, over {@code totalFiles} files. */
  public static JobProgress of(JobMetrics metrics, long totalFiles) {
    return new JobProgress(metrics.filesDone.id(), metrics.pages.id(), metrics.errorIds(),
        totalFiles, System::nanoTime);
  }

  /** The progress line now (see {@link ProgressLine}). */
  public synchronized String line() {
    Counts c = ended;
    for (Counts r : running.values()) {
      c = c.plus(r);
    }
    return ProgressLine.format(c, totalFiles, (nanoClock.getAsLong() - startNanos) / 1e9);
  }

  /** A running task's values so far (task-local totals, not increments). */
  synchronized void running(long taskId, Map<Long, Long> values) {
    // A heartbeat may arrive after its task's end: the end's values hold already.
    if (!endedTasks.contains(taskId)) {
      running.put(taskId, counts(values));
    }
  }

  /** A task ended; its values count when it succeeded. */
  synchronized void ended(long taskId, boolean succeeded, Map<Long, Long> values) {
    running.remove(taskId);
    endedTasks.add(taskId);
    if (succeeded) {
      ended = ended.plus(counts(values));
    }
  }

  private Counts counts(Map<Long, Long> values) {
    long errors = 0;
    for (Map.Entry<Long, Long> e : values.entrySet()) {
      errors += errorIds.contains(e.getKey()) ? e.getValue() : 0;
    }
    return new Counts(values.getOrDefault(filesId, 0L), values.getOrDefault(pagesId, 0L), errors);
  }

  @Override
  public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate e) {
    for (Tuple4<Object, Object, Object, Seq<AccumulableInfo>> t
        : JavaConverters.seqAsJavaList(e.accumUpdates())) {
      Map<Long, Long> v = values(t._4());
      if (!v.isEmpty()) {
        running((Long) t._1(), v);
      }
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd e) {
    ended(e.taskInfo().taskId(), Success$.MODULE$.equals(e.reason()),
        values(e.taskInfo().accumulables()));
  }

  /** This run's accumulators among {@code infos}: id to the task's value. */
  private Map<Long, Long> values(Seq<AccumulableInfo> infos) {
    Map<Long, Long> out = new HashMap<>();
    for (AccumulableInfo a : JavaConverters.seqAsJavaList(infos)) {
      boolean ours = a.id() == filesId || a.id() == pagesId || errorIds.contains(a.id());
      if (ours && a.update().isDefined() && a.update().get() instanceof Long n) {
        out.put(a.id(), n);
      }
    }
    return out;
  }
}
