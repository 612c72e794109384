package dev.openocr.spark;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.engine.EngineOptions;
import org.junit.jupiter.api.Test;

class EngineFactoryTest {
  @Test
  void preflightNamesAMissingClasspathBundle() {
    EngineOptions missing = EngineOptions.defaults().withModels("classpath:models/nope-det",
        "/some/local/path");
    assertThatThrownBy(() -> new EngineFactory.Bundles().preflight(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("classpath:models/nope-det")
        .hasMessageContaining("model.json");
    // Paths that may exist only on executors are not checked on the driver.
    EngineOptions paths = EngineOptions.defaults().withModels("/a/det", "hdfs:///b/rec");
    assertThatCode(() -> new EngineFactory.Bundles().preflight(paths)).doesNotThrowAnyException();
  }

  @Test
  void namedFactoriesAreCheckedForTheirType() {
    assertThatThrownBy(() -> EngineFactory.named("java.lang.String"))
        .hasMessageContaining("does not implement");
    assertThatThrownBy(() -> EngineFactory.named("no.such.Factory"))
        .hasMessageContaining("no.such.Factory");
    assertThatCode(() -> EngineFactory.named(TestEngines.Blobs.class.getName()))
        .doesNotThrowAnyException();
  }
}
