package dev.openocr.tools;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.openocr.document.Page;
import dev.openocr.document.Word;
import dev.openocr.export.ExportFormat;
import dev.openocr.export.Exporters;
import dev.openocr.layout.LayoutAnalyzer;
import dev.openocr.testing.Words;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures layout and export on ground-truth word boxes of a folder of page JSONs
 * ({@code {"width","height","words":[{"text","box":[l,t,r,b]}]}}): layout time per page, lines
 * and blocks, and writes every page in every export format to an output folder for validation.
 * Usage: {@code LayoutBench GT_DIR OUT_DIR}. A measuring tool, not a test.
 */
public final class LayoutBench {
  /** Passes over the pages before timing, to warm up the JIT. */
  static final int WARMUP = 3;

  private LayoutBench() {}

  public static void main(String[] args) throws IOException {
    Path gt = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    List<Path> files;
    try (Stream<Path> s = Files.list(gt)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    List<Object[]> pages = new ArrayList<>();
    for (Path f : files) {
      try (Reader r = Files.newBufferedReader(f)) {
        JsonObject o = JsonParser.parseReader(r).getAsJsonObject();
        List<Word> words = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("words")) {
          JsonObject w = e.getAsJsonObject();
          var b = w.getAsJsonArray("box");
          words.add(Words.word(w.get("text").getAsString(), b.get(0).getAsDouble(),
              b.get(1).getAsDouble(), b.get(2).getAsDouble(), b.get(3).getAsDouble()));
        }
        String image = o.has("image") ? o.get("image").getAsString() : f.getFileName().toString();
        pages.add(new Object[] {image, words, o.get("width").getAsInt(),
            o.get("height").getAsInt()});
      }
    }
    for (int i = 0; i < WARMUP; i++) {
      for (Object[] p : pages) {
        assemble(p);
      }
    }
    double[] ms = new double[pages.size()];
    long words = 0;
    long lines = 0;
    long blocks = 0;
    for (int i = 0; i < pages.size(); i++) {
      Object[] p = pages.get(i);
      long t0 = System.nanoTime();
      Page page = assemble(p);
      ms[i] = (System.nanoTime() - t0) / 1e6;
      words += page.words().size();
      blocks += page.blocks().size();
      lines += page.blocks().stream().mapToInt(b -> b.lines().size()).sum();
      for (ExportFormat f : ExportFormat.values()) {
        String name = (String) p[0];
        String stem = name.substring(0, name.lastIndexOf('.'));
        Files.write(out.resolve(stem + "." + Exporters.of(f).extension()),
            Exporters.of(f).toBytes(name, 0, page));
      }
    }
    Arrays.sort(ms);
    System.out.printf("pages %d, words %d, lines %d, blocks %d%n", pages.size(), words, lines,
        blocks);
    System.out.printf("layout ms/page: median %.2f, p90 %.2f, max %.2f, mean %.2f%n",
        ms[ms.length / 2], ms[(int) (ms.length * 0.9)], ms[ms.length - 1],
        Arrays.stream(ms).average().orElse(0));
  }

  @SuppressWarnings("unchecked")
  private static Page assemble(Object[] p) {
    return LayoutAnalyzer.assemble((List<Word>) p[1], (int) p[2], (int) p[3], 0, 1.0);
  }
}
