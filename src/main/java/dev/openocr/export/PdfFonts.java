package dev.openocr.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * The TrueType fonts a searchable PDF's text layer is set in, in order of preference: a word
 * takes the first font with a glyph for each of its characters. PDFBox's standard 14 fonts cover
 * WinAnsi only, so system fonts are embedded (as subsets). Holds the parsed fonts' character
 * maps; close it when done. Not thread-safe.
 */
public final class PdfFonts implements AutoCloseable {
  /** Debian's fonts-dejavu-core (Latin, Greek, Cyrillic) and fonts-nanum (Hangul). */
  public static final List<Path> SYSTEM = List.of(
      Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
      Path.of("/usr/share/fonts/truetype/nanum/NanumGothic.ttf"));
  /** Stands for a character no font has a glyph for. */
  static final int MISSING = '?';

  private final List<Path> files;
  private final List<TrueTypeFont> parsed = new ArrayList<>();
  private final List<CmapLookup> cmaps = new ArrayList<>();
  private final Set<Integer> missing = new TreeSet<>();

  private PdfFonts(List<Path> files) throws IOException {
    this.files = List.copyOf(files);
    try {
      for (Path f : files) {
        TrueTypeFont ttf = parse(f);
        parsed.add(ttf);
        CmapLookup cmap = ttf.getUnicodeCmapLookup(false);
        if (cmap == null) {
          throw new IOException("Font has no Unicode character map: " + f);
        }
        cmaps.add(cmap);
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private static TrueTypeFont parse(Path file) throws IOException {
    RandomAccessReadBufferedFile in = new RandomAccessReadBufferedFile(file.toFile());
    try {
      return new TTFParser().parse(in);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw new IOException("Not a readable TrueType font: " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The {@code extra} fonts, then those of {@link #SYSTEM} that are installed.
   *
   * @throws IllegalArgumentException when an extra font does not exist, or no font is found
   */
  public static PdfFonts open(List<Path> extra) throws IOException {
    return open(extra, SYSTEM);
  }

  /** The {@code extra} fonts, then those of {@code system} that exist. */
  static PdfFonts open(List<Path> extra, List<Path> system) throws IOException {
    List<Path> found = new ArrayList<>();
    for (Path p : extra) {
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException("Font file not found: " + p);
      }
      found.add(p);
    }
    system.stream().filter(Files::isRegularFile).forEach(found::add);
    if (found.isEmpty()) {
      throw new IllegalArgumentException("No font for the PDF text layer: none of " + system
          + " is installed (Debian: apt-get install fonts-dejavu-core fonts-nanum), and no "
          + "--font FILE (a TrueType .ttf) was given");
    }
    return new PdfFonts(found);
  }

  /** The font files in order of preference. */
  public List<Path> files() {
    return files;
  }

  /** Index of the first font with a glyph for every character of {@code text}, or -1. */
  int covering(String text) {
    for (int i = 0; i < cmaps.size(); i++) {
      if (covers(i, text)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The font for {@code text}, and the text it can set: the first font covering it all, else the
   * first font with the characters it lacks written as {@link #MISSING} (and remembered).
   */
  Choice choose(String text) {
    int i = covering(text);
    if (i >= 0) {
      return new Choice(i, text);
    }
    StringBuilder sb = new StringBuilder();
    text.codePoints().forEach(cp -> {
      boolean has = cmaps.get(0).getGlyphId(cp) > 0;
      if (!has) {
        missing.add(cp);
      }
      sb.appendCodePoint(has ? cp : MISSING);
    });
    return new Choice(0, sb.toString());
  }

  /** A font index and the text to set in it. */
  record Choice(int font, String text) {}

  /** Characters no font had a glyph for, written as {@link #MISSING}, in code point order. */
  public List<Integer> missing() {
    return List.copyOf(missing);
  }

  private boolean covers(int font, String text) {
    CmapLookup cmap = cmaps.get(font);
    return text.codePoints().allMatch(cp -> cmap.getGlyphId(cp) > 0);
  }

  @Override
  public void close() {
    UncheckedIOException failed = null;
    for (int i = 0; i < parsed.size(); i++) {
      try {
        parsed.get(i).close();
      } catch (IOException e) {
        failed = new UncheckedIOException("Cannot close font " + files.get(i), e);
      }
    }
    parsed.clear();
    if (failed != null) {
      throw failed;
    }
  }
}
