package dev.openocr.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Poppler's {@code pdftotext} (Debian {@code poppler-utils}) over a PDF, as viewers extract. */
public final class Pdftotext {
  public static final Path PROGRAM = Path.of("/usr/bin/pdftotext");
  private static final long TIMEOUT_SECONDS = 60;

  /**
   * A word as pdftotext finds it.
   *
   * @param page 0-based page
   * @param xMin points from the page's left; y from its top
   */
  public record Word(int page, String text, double xMin, double yMin, double xMax, double yMax) {}

  private Pdftotext() {}

  /** Skips the test without pdftotext, or fails it on CI. */
  public static void require() {
    Prerequisites.requireProgram(PROGRAM, "poppler-utils");
  }

  /** The text of every page, pages separated by form feeds. */
  public static String text(Path pdf) throws IOException, InterruptedException {
    return run(PROGRAM.toString(), "-enc", "UTF-8", pdf.toString(), "-");
  }

  /** Every word with its box, pages in order. */
  public static List<Word> words(Path pdf) throws Exception {
    Document d = Xml.parse(run(PROGRAM.toString(), "-enc", "UTF-8", "-bbox", pdf.toString(), "-")
        .getBytes(StandardCharsets.UTF_8));
    List<Word> out = new ArrayList<>();
    NodeList pages = d.getElementsByTagNameNS("*", "page");
    for (int p = 0; p < pages.getLength(); p++) {
      NodeList words = ((Element) pages.item(p)).getElementsByTagNameNS("*", "word");
      for (int i = 0; i < words.getLength(); i++) {
        Element w = (Element) words.item(i);
        out.add(new Word(p, w.getTextContent(), num(w, "xMin"), num(w, "yMin"), num(w, "xMax"),
            num(w, "yMax")));
      }
    }
    return out;
  }

  private static double num(Element e, String attribute) {
    return Double.parseDouble(e.getAttribute(attribute));
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("pdftotext took over " + TIMEOUT_SECONDS + " s: " + List.of(command));
    }
    if (p.exitValue() != 0) {
      throw new IOException("pdftotext exited " + p.exitValue() + ": " + List.of(command));
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
