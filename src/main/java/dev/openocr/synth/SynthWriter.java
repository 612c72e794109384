package dev.openocr.synth;

import dev.openocr.imageio.GrayImage;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;

/**
 * Writes generated samples to a folder, on several threads, deterministically: sample {@code i}
 * of a run with seed {@code s} always has id {@code <lang>-<s>-<i>} and the same bytes.
 * Pages: {@code images/<id>.png} and {@code gt/<id>.json} (the evaluation format, extended),
 * optionally {@code overlay/<id>.png} and CRAFT maps {@code craft/<id>_region.png},
 * {@code craft/<id>_affinity.png}. Crops: {@code crops/<id>.png} and {@code crops/labels.tsv}
 * ({@code file<TAB>label}, in id order).
 */
public final class SynthWriter {
  static {
    ImageIO.setUseCache(false);
  }

  /** Scale of the CRAFT maps written for inspection (CRAFT predicts at half resolution). */
  public static final double CRAFT_SCALE = 0.5;

  /** What to write besides images and ground truth. */
  public record Options(boolean overlay, boolean craftMaps, int threads) {
    public Options {
      if (threads < 1) {
        throw new IllegalArgumentException("Invalid thread count: " + threads);
      }
    }
  }

  private SynthWriter() {}

  /** Id of sample {@code index} of a run. */
  public static String id(Lang lang, long seed, long index) {
    return String.format(Locale.ROOT, "%s-%d-%07d", lang.code(), seed, index);
  }

  /** Writes {@code n} pages; returns the ids in order. */
  public static List<String> writePages(PageGenerator gen, Lang lang, long seed, int n, Path out,
                                        Options opt) throws IOException {
    Files.createDirectories(out.resolve("images"));
    Files.createDirectories(out.resolve("gt"));
    if (opt.overlay()) {
      Files.createDirectories(out.resolve("overlay"));
    }
    if (opt.craftMaps()) {
      Files.createDirectories(out.resolve("craft"));
    }
    return run(n, opt.threads(), i -> {
      String id = id(lang, seed, i);
      SynthPage p = gen.generate(Rng.sampleSeed(seed, i));
      writePng(p.image().toBufferedImage(), out.resolve("images").resolve(id + ".png"));
      Files.writeString(out.resolve("gt").resolve(id + ".json"),
          GroundTruthJson.toJson(id + ".png", p), StandardCharsets.UTF_8);
      if (opt.overlay()) {
        writePng(Overlay.draw(p), out.resolve("overlay").resolve(id + ".png"));
      }
      if (opt.craftMaps()) {
        int w = (int) Math.ceil(p.image().width() * CRAFT_SCALE);
        int h = (int) Math.ceil(p.image().height() * CRAFT_SCALE);
        CraftTargets t = CraftTargets.make(p, w, h, CRAFT_SCALE);
        writePng(CraftTargets.toImage(t.region(), w, h).toBufferedImage(),
            out.resolve("craft").resolve(id + "_region.png"));
        writePng(CraftTargets.toImage(t.affinity(), w, h).toBufferedImage(),
            out.resolve("craft").resolve(id + "_affinity.png"));
      }
      return id;
    });
  }

  /** Writes {@code n} crops and {@code crops/labels.tsv}; returns the labels in order. */
  public static List<String> writeCrops(CropGenerator gen, Lang lang, long seed, int n, Path out,
                                        Options opt) throws IOException {
    Path dir = out.resolve("crops");
    Files.createDirectories(dir);
    List<String> rows = run(n, opt.threads(), i -> {
      String id = id(lang, seed, i);
      SynthCrop c = gen.generate(Rng.sampleSeed(seed, i));
      writePng(c.image().toBufferedImage(), dir.resolve(id + ".png"));
      return id + ".png\t" + c.label();
    });
    StringBuilder sb = new StringBuilder();
    rows.forEach(r -> sb.append(r).append('\n'));
    Files.writeString(dir.resolve("labels.tsv"), sb.toString(), StandardCharsets.UTF_8);
    return rows;
  }

  /**
   * Renders {@code pages} pages and writes a crop of every word ({@link PageCrops}) as
   * {@code crops/<page id>-<word>.png} with {@code crops/labels.tsv}; returns the label rows.
   */
  public static List<String> writePageCrops(PageGenerator gen, Lang lang, long seed, int pages,
                                            Path out, Options opt) throws IOException {
    Path dir = out.resolve("crops");
    Files.createDirectories(dir);
    List<String> perPage = run(pages, opt.threads(), i -> {
      String id = id(lang, seed, i);
      long s = Rng.sampleSeed(seed, i);
      List<SynthCrop> crops = PageCrops.cut(gen.generate(s), gen.config(), Rng.mix64(s));
      StringBuilder rows = new StringBuilder();
      for (int k = 0; k < crops.size(); k++) {
        String name = String.format(Locale.ROOT, "%s-%04d.png", id, k);
        writePng(crops.get(k).image().toBufferedImage(), dir.resolve(name));
        rows.append(name).append('\t').append(crops.get(k).label()).append('\n');
      }
      return rows.toString();
    });
    Files.writeString(dir.resolve("labels.tsv"), String.join("", perPage), StandardCharsets.UTF_8);
    return perPage;
  }

  /** PNG bytes of a gray image (deterministic). */
  public static byte[] png(GrayImage img) {
    try (var bos = new java.io.ByteArrayOutputStream()) {
      ImageIO.write(img.toBufferedImage(), "png", bos);
      return bos.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding failed", e);
    }
  }

  static void writePng(RenderedImage img, Path file) throws IOException {
    try (OutputStream os = Files.newOutputStream(file)) {
      if (!ImageIO.write(img, "png", os)) {
        throw new IOException("No PNG writer for " + file);
      }
    }
  }

  private interface Task {
    String call(int index) throws IOException;
  }

  private static List<String> run(int n, int threads, Task task) throws IOException {
    if (n < 0) {
      throw new IllegalArgumentException("Invalid sample count: " + n);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<String>> fs = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        final int idx = i;
        fs.add(pool.submit(() -> task.call(idx)));
      }
      List<String> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        try {
          out.add(fs.get(i).get());
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof IOException io) {
            throw io;
          }
          throw new IllegalStateException("Sample " + i + " failed: " + c, c);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("Interrupted at sample " + i, e);
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
