package dev.openocr.synth;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The fonts one language is rendered with. By default they come from Debian font packages (see
 * {@code docs/synth.md}: fonts-dejavu-core, fonts-liberation, fonts-urw-base35,
 * fonts-freefont-ttf, fonts-noto-core, fonts-noto-mono, fonts-nanum); a folder of TTF/OTF files can
 * replace them.
 * Fonts are sorted by file path so the bank, and so every sample, is the same on every machine
 * with the same files.
 */
public final class FontBank {
  /** Latin faces: serif, sans and many monospace/typewriter faces. */
  static final String[] EN_DEFAULTS = {
      "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
      "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
      "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf",
      "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
      "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
      "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
      "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
      "/usr/share/fonts/truetype/liberation/*.ttf",
      "/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-*.otf",
      "/usr/share/fonts/opentype/urw-base35/NimbusRoman-*.otf",
      "/usr/share/fonts/opentype/urw-base35/NimbusSans-*.otf",
      "/usr/share/fonts/opentype/urw-base35/NimbusSansNarrow-Regular.otf",
      "/usr/share/fonts/opentype/urw-base35/C059-Roman.otf",
      "/usr/share/fonts/opentype/urw-base35/C059-Bold.otf",
      "/usr/share/fonts/opentype/urw-base35/P052-Roman.otf",
      "/usr/share/fonts/opentype/urw-base35/P052-Bold.otf",
      "/usr/share/fonts/opentype/urw-base35/URWBookman-Light.otf",
      "/usr/share/fonts/opentype/urw-base35/URWGothic-Book.otf",
      // a chancery script, the nearest thing to handwritten notes among Debian's fonts
      "/usr/share/fonts/opentype/urw-base35/Z003-MediumItalic.otf",
      "/usr/share/fonts/truetype/freefont/FreeMono*.ttf",
      "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
      "/usr/share/fonts/truetype/freefont/FreeSansBold.ttf",
      "/usr/share/fonts/truetype/freefont/FreeSerif.ttf",
      "/usr/share/fonts/truetype/freefont/FreeSerifBold.ttf",
      "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
      "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
      "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf",
      "/usr/share/fonts/truetype/noto/NotoSerif-Bold.ttf",
      "/usr/share/fonts/truetype/noto/NotoSansMono-*.ttf",
  };
  /** Hangul faces (they carry Latin and digits too). */
  static final String[] KO_DEFAULTS = {
      "/usr/share/fonts/truetype/nanum/*.ttf",
      "/usr/share/fonts/truetype/unfonts-core/*.ttf",
      "/usr/share/fonts/truetype/baekmuk/*.ttf",
  };
  /** Font or file names of bold faces (NanumSquareB.ttf style included). */
  private static final String BOLD_NAME = ".*(bold|demi|heavy|black).*|.*[a-z]b\\.ttf";
  /** Relative weight of a face whose weight (bold or not) is not the one asked for. */
  private static final double OTHER_WEIGHT_WEIGHT = 0.15;
  /** Relative weight of italic faces (rare in office documents). */
  private static final double ITALIC_WEIGHT = 0.35;
  /** Width ratio of 'i' to 'M' above which a face counts as monospace. */
  private static final double MONO_RATIO = 0.95;
  private static final Map<Lang, FontBank> DEFAULTS = new EnumMap<>(Lang.class);

  private final Lang lang;
  private final List<FontFace> faces;

  private FontBank(Lang lang, List<FontFace> faces) {
    if (faces.isEmpty()) {
      throw new IllegalStateException("No usable fonts for " + lang.code()
          + ": install the Debian font packages listed in docs/synth.md or pass a font folder");
    }
    this.lang = lang;
    this.faces = List.copyOf(faces);
  }

  /**
   * Debian packages behind the default patterns, by font folder (Noto Sans Mono, in the noto
   * folder, comes from fonts-noto-mono: {@link #packageOf}). The Korean bank also takes
   * unfonts-core and baekmuk faces when they are there, but does not ask for them.
   */
  static final Map<String, String> PACKAGES = Map.of(
      "dejavu", "fonts-dejavu-core", "liberation", "fonts-liberation",
      "urw-base35", "fonts-urw-base35", "freefont", "fonts-freefont-ttf",
      "noto", "fonts-noto-core", "nanum", "fonts-nanum");

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(FontBank.class.getName());

  /**
   * The default bank of a language, loaded once per JVM. When default fonts are missing it still
   * loads, but warns: the samples of a seed then differ from those of a machine with every font,
   * so held-out sets made on the two machines are not the same set.
   */
  public static synchronized FontBank defaults(Lang lang) {
    return DEFAULTS.computeIfAbsent(lang, l -> {
      String[] patterns = l == Lang.KO ? KO_DEFAULTS : EN_DEFAULTS;
      List<String> missing = missing(patterns);
      java.util.Set<String> packages = new java.util.TreeSet<>();
      for (String m : missing) {
        String pkg = packageOf(m);
        if (pkg != null) {
          packages.add(pkg);
        }
      }
      if (!packages.isEmpty()) {
        LOG.warning(String.format(Locale.ROOT, "%d of %d default font files or patterns for %s"
            + " are missing (%s): synthetic samples will differ from those of a machine with every"
            + " font; install %s (docs/synth.md)", missing.size(), patterns.length, l.code(),
            String.join(", ", missing), String.join(" ", packages)));
      }
      return load(l, expand(patterns));
    });
  }

  /** The Debian package a default pattern's files come from, or null for optional ones. */
  static String packageOf(String pattern) {
    Path p = Paths.get(pattern);
    if (p.getFileName().toString().startsWith("NotoSansMono")) {
      return "fonts-noto-mono"; // same folder as fonts-noto-core, another package
    }
    return PACKAGES.get(p.getParent().getFileName().toString());
  }

  /** The patterns (files, or globs in a folder) that match no file. */
  static List<String> missing(String[] patterns) {
    List<String> out = new ArrayList<>();
    for (String p : patterns) {
      if (expand(new String[] {p}).isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  /** Every {@code .ttf}/{@code .otf} file under {@code dir}. */
  public static FontBank fromDirectory(Lang lang, Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("Font folder does not exist: " + dir);
    }
    try (Stream<Path> s = Files.walk(dir)) {
      List<Path> files = s.filter(p -> {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".ttf") || n.endsWith(".otf");
      }).sorted().toList();
      return load(lang, files);
    }
  }

  public Lang lang() {
    return lang;
  }

  public List<FontFace> faces() {
    return faces;
  }

  /**
   * A face that can draw {@code text}, picked with mono faces weighted by {@code monoWeight};
   * when the picked one cannot, the next ones are tried in order. Null if none can.
   */
  public FontFace pick(Rng rng, String text, double monoWeight, boolean preferBold) {
    double[] w = new double[faces.size()];
    for (int i = 0; i < w.length; i++) {
      FontFace f = faces.get(i);
      w[i] = (f.mono() ? monoWeight : 1) * (f.bold() == preferBold ? 1 : OTHER_WEIGHT_WEIGHT)
          * (f.italic() ? ITALIC_WEIGHT : 1);
    }
    int start = rng.weighted(w);
    for (int k = 0; k < faces.size(); k++) {
      FontFace f = faces.get((start + k) % faces.size());
      if (f.canDraw(text)) {
        return f;
      }
    }
    return null;
  }

  private static List<Path> expand(String[] patterns) {
    List<Path> out = new ArrayList<>();
    for (String p : patterns) {
      Path path = Paths.get(p);
      String name = path.getFileName().toString();
      if (!name.contains("*")) {
        if (Files.isRegularFile(path)) {
          out.add(path);
        }
        continue;
      }
      Path dir = path.getParent();
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> s = Files.list(dir)) {
        var matcher = dir.getFileSystem().getPathMatcher("glob:" + name);
        s.filter(f -> matcher.matches(f.getFileName())).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot list font folder " + dir, e);
      }
    }
    return out;
  }

  private static FontBank load(Lang lang, List<Path> files) {
    String charset = Charsets.load(lang);
    FontRenderContext frc = new FontRenderContext(null, true, true);
    List<FontFace> faces = new ArrayList<>();
    for (Path file : files) {
      Font font;
      try {
        font = Font.createFont(Font.TRUETYPE_FONT, file.toFile());
      } catch (FontFormatException | IOException e) {
        continue; // unreadable font files are skipped, the rest of the bank still works
      }
      BitSet cov = new BitSet(0x10000);
      for (int i = 0; i < charset.length(); i++) {
        char c = charset.charAt(i);
        if (font.canDisplay(c)) {
          cov.set(c);
        }
      }
      if (lang == Lang.KO && !cov.get('\uAC00')) {
        continue; // a Korean bank holds Hangul faces only
      }
      if (!cov.get('A') || !cov.get('0')) {
        continue;
      }
      Font big = font.deriveFont(100f);
      double wi = big.getStringBounds("i", frc).getWidth();
      double wm = big.getStringBounds("M", frc).getWidth();
      boolean mono = wi / wm > MONO_RATIO;
      String n = (font.getFontName() + " " + file.getFileName()).toLowerCase(Locale.ROOT);
      boolean bold = n.matches(BOLD_NAME);
      boolean italic = n.contains("italic") || n.contains("oblique");
      faces.add(new FontFace(font.getFontName(), file.toString(), font, mono, bold, italic, cov));
    }
    return new FontBank(lang, faces);
  }
}
