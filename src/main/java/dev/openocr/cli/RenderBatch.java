package dev.openocr.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.openocr.document.Page;
import dev.openocr.export.Overlay;
import dev.openocr.export.PageJson;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Overlays for the lowest-confidence pages of a folder of page JSON exports. */
final class RenderBatch {
  /** One page JSON: its file, the image it names, the page index in that image, the page. */
  private record Entry(Path json, String image, int pageIndex, Page page) {}

  private final double minConfidence;
  private final boolean showText;

  RenderBatch(double minConfidence, boolean showText) {
    this.minConfidence = minConfidence;
    this.showText = showText;
  }

  /**
   * Draws the {@code n} pages with the lowest mean confidence into {@code to}; returns one line
   * per page written ({@code confidence words png}).
   */
  List<String> render(Path pages, Path images, Path to, int n) throws IOException {
    if (n <= 0) {
      throw new IllegalArgumentException("Invalid --lowest: " + n);
    }
    List<Entry> entries = new ArrayList<>();
    try (Stream<Path> files = Files.list(pages)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        entries.add(entry(f));
      }
    }
    entries.sort(Comparator.comparingDouble((Entry e) -> e.page().meanConfidence())
        .thenComparing(e -> e.json().toString()));
    Files.createDirectories(to);
    List<String> out = new ArrayList<>();
    for (Entry e : entries.subList(0, Math.min(n, entries.size()))) {
      Path source = images.resolve(e.image()).normalize();
      if (!source.startsWith(images.normalize())) {
        throw new IllegalArgumentException("Image name leaves " + images + ": " + e.image());
      }
      BufferedImage drawn = Overlay.draw(readImage(source, e.pageIndex()), e.page(),
          minConfidence, showText);
      String stem = e.json().getFileName().toString().replaceAll("\\.json$", "");
      Path png = to.resolve(stem + "-overlay.png");
      try (OutputStream os = Files.newOutputStream(png)) {
        Overlay.writePng(drawn, os);
      }
      out.add(String.format(Locale.ROOT, "%.3f %5d %s", e.page().meanConfidence(),
          e.page().words().size(), png));
    }
    return out;
  }

  private static Entry entry(Path json) throws IOException {
    String text = Files.readString(json, StandardCharsets.UTF_8);
    JsonObject o;
    try {
      o = JsonParser.parseString(text).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Not a page JSON: " + json + ": " + e.getMessage(), e);
    }
    String name = o.has("image") ? o.get("image").getAsString()
        : o.has("source") ? o.get("source").getAsString() : null;
    if (name == null) {
      throw new IllegalArgumentException("Page JSON names no image: " + json);
    }
    // Only the last path segment: images are looked up in the --images folder.
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    int page = o.has("page") ? o.get("page").getAsInt() : 0;
    return new Entry(json, name, page, PageJson.read(new StringReader(text), json.toString()));
  }

  /** Page {@code index} of an image file (multi-page TIFF aware). */
  static BufferedImage readImage(Path file, int index) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new IllegalArgumentException(
            "Not a readable image (PNG, JPEG, BMP, GIF, TIFF): " + file);
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        return reader.read(index);
      } catch (IndexOutOfBoundsException e) {
        throw new IllegalArgumentException("No page " + index + " in " + file, e);
      } finally {
        reader.dispose();
      }
    }
  }
}
