package dev.openocr.job;

import dev.openocr.imageio.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes input folders for job tests. */
final class TestInputs {
  private TestInputs() {}

  /** A PNG page with {@code words} separate word bars. */
  static Path png(Path dir, String name, int words) throws IOException {
    return write(dir.resolve(name), TestImages.png(TestImages.page(320, 160, words)));
  }

  static Path write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }

  /** A two-page TIFF with 2 and 5 word bars. */
  static Path tiff(Path dir, String name) throws IOException {
    return write(dir.resolve(name), TestImages.tiff(
        List.of(TestImages.page(300, 120, 2), TestImages.page(300, 120, 5))));
  }
}
