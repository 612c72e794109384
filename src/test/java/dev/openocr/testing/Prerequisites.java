package dev.openocr.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a test needs from the machine (a program, a built jar, a file). Where it is missing the
 * test is skipped on a developer's machine but fails on CI ({@code CI=true}), where a skip would
 * pass unnoticed; {@code .ci/run} installs what the tests need.
 */
public final class Prerequisites {
  private Prerequisites() {}

  /** Whether this run is on CI, where nothing may be skipped. */
  public static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /**
   * Goes on when {@code present}; else fails on CI and skips elsewhere, saying {@code what} is
   * missing (and how to get it).
   */
  public static void require(boolean present, String what) {
    if (!present && onCi()) {
      fail("Missing on CI: " + what);
    }
    assumeTrue(present, "Skipped: missing " + what);
  }

  /** {@link #require} of an executable file, e.g. {@code /usr/bin/pdftotext}. */
  public static void requireProgram(Path program, String debianPackage) {
    require(Files.isExecutable(program), program + " (Debian package " + debianPackage + ")");
  }

  /** Whether {@code name} is an executable on the PATH. */
  public static boolean onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }
}
