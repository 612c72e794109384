package dev.openocr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.serve.ServerConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The serve flags map to the server's settings; those left out are the server's defaults. */
class ServeCommandTest {
  @Test
  void flagsLeftOutTakeTheServersDefaults() {
    ServeCommand c = new ServeCommand();
    new CommandLine(c).parseArgs();
    // The token may come from the environment; the rest is the server's own defaults.
    assertThat(c.config().withToken(null)).isEqualTo(ServerConfig.defaults().withToken(null));
  }

  @Test
  void flagsSetTheLimitsInTheirUnits() {
    ServeCommand c = new ServeCommand();
    new CommandLine(c).parseArgs("--workers", "3", "--max-body-mb", "8", "--max-megapixels",
        "2.5", "--timeout-seconds", "7", "--read-timeout-seconds", "9", "--token", "t0k");
    ServerConfig s = c.config();
    assertThat(s.workers()).isEqualTo(3);
    assertThat(s.queueCapacity()).isEqualTo(3 * ServerConfig.QUEUE_PER_WORKER_DEFAULT);
    assertThat(s.maxBodyBytes()).isEqualTo(8L << 20);
    assertThat(s.maxPixels()).isEqualTo(2_500_000L);
    assertThat(s.timeoutMillis()).isEqualTo(7_000L);
    assertThat(s.readTimeoutMillis()).isEqualTo(9_000L);
    assertThat(s.token()).isEqualTo("t0k");
  }
}
