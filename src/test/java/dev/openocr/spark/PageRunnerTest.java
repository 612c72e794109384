package dev.openocr.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.engine.EngineOptions;
import dev.openocr.engine.OcrEngine;
import dev.openocr.imageio.GrayImage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class PageRunnerTest {
  @Test
  void abandonsAPageOverBudgetAndGoesOnWithAFreshSession() throws Exception {
    OcrEngine engine = new TestEngines.Slow().create(EngineOptions.defaults());
    int opened = SlowDetector.OPENED.get();
    int closed = SlowDetector.CLOSED.get();
    PageRunner runner = new PageRunner(engine, 500);
    try {
      int w = runner.run(s -> s.ocr(GrayImage.blank(100, 40)).width());
      assertThat(w).isEqualTo(100);
      assertThatThrownBy(() -> runner.run(s -> s.ocr(GrayImage.blank(777, 40))))
          .isInstanceOf(TimeoutException.class);
      int w2 = runner.run(s -> s.ocr(GrayImage.blank(120, 40)).width());
      assertThat(w2).isEqualTo(120);
      assertThatThrownBy(() -> runner.run(s -> {
        throw new IllegalStateException("boom");
      })).isInstanceOf(ExecutionException.class).hasRootCauseMessage("boom");
    } finally {
      runner.close();
    }
    assertThat(SlowDetector.OPENED.get() - opened).isEqualTo(2);
    // The abandoned session closes once its interrupted call returns.
    for (int i = 0; i < 50 && SlowDetector.CLOSED.get() - closed < 2; i++) {
      Thread.sleep(100);
    }
    assertThat(SlowDetector.CLOSED.get() - closed).isEqualTo(2);
  }

  @Test
  void abandonedPagesThatIgnoreTheirBudgetAreCappedPerJvm() throws Exception {
    OcrEngine engine = new TestEngines.Slow().create(EngineOptions.defaults());
    awaitAbandoned(0);
    CountDownLatch release = new CountDownLatch(1);
    PageRunner runner = new PageRunner(engine, 50);
    try {
      for (int i = 0; i < PageRunner.MAX_ABANDONED; i++) {
        // A decode that never checks for interruption: only its own end frees the thread.
        assertThatThrownBy(() -> runner.run(s -> {
          while (release.getCount() > 0) {
            Thread.onSpinWait();
          }
          return 0;
        })).isInstanceOf(TimeoutException.class);
      }
      assertThat(PageRunner.abandoned()).isEqualTo(PageRunner.MAX_ABANDONED);
      assertThatThrownBy(() -> runner.run(s -> 1)).isInstanceOf(TimeoutException.class)
          .hasMessage("not started: 4 abandoned pages still run in this executor (at most 4)");
      release.countDown();
      awaitAbandoned(0);
      int two = runner.run(s -> 2);
      assertThat(two).isEqualTo(2);
    } finally {
      release.countDown();
      runner.close();
    }
  }

  private static void awaitAbandoned(int n) throws InterruptedException {
    for (int i = 0; i < 200 && PageRunner.abandoned() != n; i++) {
      Thread.sleep(50);
    }
    assertThat(PageRunner.abandoned()).isEqualTo(n);
  }

  @Test
  void theNextTaskReusesTheWorkerThreadWithAFreshSession() throws Exception {
    OcrEngine engine = new TestEngines.Slow().create(EngineOptions.defaults());
    int closed = SlowDetector.CLOSED.get();
    PageRunner first = new PageRunner(engine, 5_000);
    Thread t1 = first.run(s -> Thread.currentThread());
    first.close();
    // Closed before close() returns, on the worker thread.
    assertThat(SlowDetector.CLOSED.get() - closed).isEqualTo(1);
    PageRunner second = new PageRunner(engine, 5_000);
    try {
      Thread t2 = second.run(s -> Thread.currentThread());
      assertThat(t2).isSameAs(t1);
    } finally {
      second.close();
    }
    assertThat(SlowDetector.CLOSED.get() - closed).isEqualTo(2);
  }
}
