package dev.openocr.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerConfigTest {
  @Test
  void aBodyLimitBeyondOneArrayIsRefusedNotCut() {
    ServerConfig d = ServerConfig.defaults();
    // --max-body-mb 4096: the body is read into one array
    assertThatThrownBy(() -> d.withLimits(4096L << 20, d.maxPixels(), d.maxPages(),
        d.timeoutMillis())).hasMessageContaining("body 4294967296 B (at most 2147483639)");
    assertThat(d.withLimits(2047L << 20, d.maxPixels(), d.maxPages(), d.timeoutMillis())
        .maxBodyBytes()).isEqualTo(2047L << 20);
  }

  @Test
  void theTokenIsCheckedAndKeptOutOfMessages() {
    ServerConfig d = ServerConfig.defaults();
    assertThatThrownBy(() -> d.withToken(" ")).hasMessageContaining("Invalid token");
    assertThatThrownBy(() -> d.withReadTimeout(0)).hasMessageContaining("read 0 ms");
    assertThat(d.withToken("hunter2").toString()).contains("token set").doesNotContain("hunter2");
  }
}
