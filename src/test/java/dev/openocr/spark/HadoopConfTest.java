package dev.openocr.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openocr.imageio.DecodeException;
import dev.openocr.imageio.DecodeLimits;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HadoopConfTest {
  @Test
  void aFileOverTheByteLimitIsTooLargeNotCut(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("big.png");
    Files.write(f, new byte[101]);
    HadoopConf conf = new HadoopConf(new Configuration());
    DecodeLimits limits = new DecodeLimits(100, 1000, 1, 300);
    assertThatThrownBy(() -> conf.readFile(f.toString(), limits))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining(f.toString())
        .satisfies(e -> assertThat(((DecodeException) e).cause())
            .isEqualTo(DecodeException.Cause.TOO_LARGE));
    Files.write(f, new byte[100]);
    assertThat(conf.readFile(f.toString(), limits)).hasSize(100);
  }

  @Test
  void aFileLongerThanOneArrayIsTooLargeWhateverTheLimitSays() throws Exception {
    // A limit above what one array holds (here 10 bytes, in the JVM 2 GiB) must not cut the file.
    InputStream in = new ByteArrayInputStream(new byte[50]);
    assertThatThrownBy(() -> HadoopConf.readAll(in, "hdfs:///x.tif", 100, 10))
        .isInstanceOf(DecodeException.class)
        .hasMessage("hdfs:///x.tif: file too large: more than 10 bytes (limit 100, "
            + "openocr.limit.file-bytes; 10 is the most read into memory)");
    assertThat(HadoopConf.readAll(new ByteArrayInputStream(new byte[10]), "x", 100, 10))
        .hasSize(10);
  }
}
