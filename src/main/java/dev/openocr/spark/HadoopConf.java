package dev.openocr.spark;

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
      byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
      limits.checkBytes(path, b.length);
      return b;
    }
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
