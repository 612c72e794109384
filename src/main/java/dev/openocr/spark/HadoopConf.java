package dev.openocr.spark;

import dev.openocr.config.OcrJobConfig;
import dev.openocr.imageio.DecodeException;
import dev.openocr.imageio.DecodeLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** A Hadoop configuration that travels to executors (Configuration itself is not Serializable). */
public final class HadoopConf implements Serializable {
  private static final long serialVersionUID = 1L;
  private transient Configuration conf;

  public HadoopConf(Configuration conf) {
    this.conf = conf;
  }

  public Configuration get() {
    return conf;
  }

  /**
   * Reads a whole file from any Hadoop file system, refusing to read past the byte limit
   * whatever a listing said.
   */
  public byte[] readFile(String path, DecodeLimits limits) throws IOException, DecodeException {
    Path p = new Path(path);
    // File systems are cached and shared in the JVM: not closed here.
    FileSystem fs = p.getFileSystem(conf);
    try (InputStream in = fs.open(p)) {
      return readAll(in, path, limits.maxFileBytes(), OcrJobConfig.MAX_ARRAY_BYTES);
    }
  }

  /**
   * All of {@code in}, or TOO_LARGE when it holds more than {@code maxBytes} or than one array
   * of {@code arrayBytes} holds: a file is never cut short silently.
   */
  static byte[] readAll(InputStream in, String path, long maxBytes, long arrayBytes)
      throws IOException, DecodeException {
    long cap = Math.min(maxBytes, arrayBytes);
    byte[] b = in.readNBytes((int) cap);
    if (in.read() >= 0) {
      throw new DecodeException(DecodeException.Cause.TOO_LARGE, path + ": file too large: more"
          + " than " + cap + " bytes (limit " + maxBytes + ", " + OcrJobConfig.MAX_FILE_BYTES
          + (cap < maxBytes ? "; " + arrayBytes + " is the most read into memory)" : ")"));
    }
    return b;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    conf.write(out);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    conf = new Configuration(false);
    conf.readFields(in);
  }
}
