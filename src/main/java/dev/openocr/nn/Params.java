package dev.openocr.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Block parameters to and from bytes (DJL's own parameter encoding). */
public final class Params {
  private Params() {}

  public static byte[] save(Block block) {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bos)) {
      block.saveParameters(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bos.toByteArray();
  }

  public static void load(Block block, NDManager manager, byte[] data, String name) {
    int left;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      block.loadParameters(manager, in);
      left = in.available();
    } catch (IOException | MalformedModelException | RuntimeException e) {
      throw new IllegalArgumentException("Cannot load weights " + name + ": " + e.getMessage()
          + " (do the weights fit the architecture in its model.json?)", e);
    }
    if (left > 0) {
      throw new IllegalArgumentException("Cannot load weights " + name + ": " + left
          + " bytes are left over once the architecture's parameters are read (the weights are"
          + " of a larger network than the architecture in its model.json)");
    }
  }

  /** Number of parameters of an initialized block. */
  public static long count(Block block) {
    long n = 0;
    for (var p : block.getParameters()) {
      if (p.getValue().isInitialized() && p.getValue().requiresGradient()) {
        n += p.getValue().getArray().size();
      }
    }
    return n;
  }
}
