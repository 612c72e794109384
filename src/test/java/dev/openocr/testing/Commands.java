package dev.openocr.testing;

import dev.openocr.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@code openocr} command lines in this JVM with what they print captured. */
public final class Commands {
  /** What a command printed and returned. */
  public record Result(int code, String out, String err) {}

  private Commands() {}

  /** {@code openocr ARGS}; picocli prints a failed command's exception to standard error. */
  public static synchronized Result run(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8);
         PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
      System.setOut(po);
      System.setErr(pe);
      int code = Main.execute(args);
      return new Result(code, o.toString(StandardCharsets.UTF_8),
          e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
  }
}
