package dev.openocr.spark;

import dev.openocr.engine.EngineOptions;
import dev.openocr.engine.OcrEngine;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;

/**
 * What one task reads files with: the executor's cached engine on the task's device, a page
 * runner that owns the task's session, and a file processor over both. Closing it closes the
 * session; the engine stays cached for the executor's next tasks.
 */
final class TaskReader implements AutoCloseable {
  private final PageRunner runner;
  private final FileProcessor files;

  private TaskReader(PageRunner runner, FileProcessor files) {
    this.runner = runner;
    this.files = files;
  }

  /**
   * @param options engine options; device and threads are replaced by the task's
   * @param hadoopConf reads files given by path, may be null when rows carry their bytes
   * @param metrics accumulators, may be null
   * @param tc the task, or null outside one (one thread on the CPU)
   */
  static TaskReader open(EngineFactory factory, EngineOptions options, TaskOptions taskOptions,
      HadoopConf hadoopConf, JobMetrics metrics, TaskContext tc) {
    Map<String, ResourceInformation> res = tc == null ? Map.of() : tc.resourcesJMap();
    int threads = tc == null ? 1 : Math.max(1, tc.cpus());
    EngineOptions taskEngine = options.withDevice(DeviceChooser.choose(res)).withThreads(threads);
    OcrEngine engine = EngineCache.get(factory, taskEngine, ms -> {
      if (metrics != null) {
        metrics.engineLoadMs.add(ms);
      }
    });
    PageRunner runner = new PageRunner(engine, taskOptions.pageSeconds() * 1000L);
    return new TaskReader(runner, new FileProcessor(runner, engine.modelId(), taskOptions,
        hadoopConf, metrics));
  }

  FileProcessor files() {
    return files;
  }

  @Override
  public void close() {
    runner.close();
  }
}
