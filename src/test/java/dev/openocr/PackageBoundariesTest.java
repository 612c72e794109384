package dev.openocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Spark is used only in {@code dev.openocr.job} and {@code dev.openocr.spark}: no other compiled
 * class names a Spark type in its constant pool (imports, signatures, calls).
 */
class PackageBoundariesTest {
  private static final String SPARK = "org/apache/spark/";
  private static final List<String> SPARK_PACKAGES = List.of("dev/openocr/job/",
      "dev/openocr/spark/");

  @Test
  void onlyJobAndSparkReferToSpark() throws Exception {
    Path classes = Path.of(dev.openocr.cli.Main.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    List<String> outside = new ArrayList<>();
    List<String> inside = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes.resolve("dev/openocr"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(f).toString().replace('\\', '/');
        if (refersTo(f, SPARK)) {
          (SPARK_PACKAGES.stream().anyMatch(name::startsWith) ? inside : outside).add(name);
        }
      }
    }
    // The scan sees Spark where it is, so an empty list below means something.
    assertThat(inside).contains("dev/openocr/job/RunOutput.class",
        "dev/openocr/spark/OcrPartitionFunction.class");
    assertThat(outside).as("classes outside job and spark that use Spark").isEmpty();
  }

  /** Whether a UTF-8 constant of the class file (type names, descriptors) contains {@code s}. */
  static boolean refersTo(Path classFile, String s) throws IOException {
    try (InputStream raw = Files.newInputStream(classFile);
         DataInputStream in = new DataInputStream(raw)) {
      if (in.readInt() != 0xCAFEBABE) {
        throw new IOException("Not a class file: " + classFile);
      }
      in.readUnsignedShort();
      in.readUnsignedShort();
      int count = in.readUnsignedShort();
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> {
            if (in.readUTF().contains(s)) {
              return true;
            }
          }
          case 7, 8, 16, 19, 20 -> in.skipBytes(2);
          case 15 -> in.skipBytes(3);
          case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
          case 5, 6 -> {
            // Long and double constants take two entries.
            in.skipBytes(8);
            i++;
          }
          default -> throw new IOException("Unknown constant tag " + tag + " at entry " + i
              + " of " + classFile);
        }
      }
      return false;
    }
  }
}
