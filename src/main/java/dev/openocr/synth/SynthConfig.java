package dev.openocr.synth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Every knob of the generator with its default. Probabilities are 0..1 per sample; sizes are in
 * pixels of the output image (about 100 dpi) unless a field says otherwise. Overrides come from a
 * {@code .properties} file ({@code key=value}) or a flat JSON object with the same field names.
 */
public final class SynthConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  // ---- page geometry ----
  /** Page width in pixels (FUNSD pages at 100 dpi are about 760-800 wide). */
  public int pageWidth = 800;
  /** Page height in pixels. */
  public int pageHeight = 1000;
  /** Probability of rendering at {@link #hiResScale} and downsampling (300 -> 100 dpi archives). */
  public double hiResProb = 0.35;
  /** Oversampling factor of the high-resolution render (2 or 3). */
  public int hiResScale = 3;

  // ---- fonts and text ----
  /** Smallest body font size, em in pixels. */
  public double fontMin = 9;
  /** Largest body font size, em in pixels (headings go up to 2.2x this). */
  public double fontMax = 17;
  /** Font sizes of Korean text are multiplied by this (dense Hangul needs more pixels). */
  public double hangulSizeScale = 1.3;
  /** Relative weight of monospace/typewriter faces when picking a font (others weigh 1). */
  public double monoWeight = 3;
  /** Probability that a block uses a bold face. */
  public double boldProb = 0.15;
  /** Probability that a line uses extra letter spacing (typewriter-like). */
  public double trackingProb = 0.2;
  /** Largest extra letter spacing, in ems. */
  public double trackingMax = 0.12;
  /** Probability that a block's glyphs are condensed or stretched in width. */
  public double widthScaleProb = 0.25;
  /** Largest relative change of glyph width (0.15: 85% to 115%). */
  public double widthScaleMax = 0.15;
  /** Probability that a text block is set at a small angle. */
  public double smallAngleProb = 0.15;
  /** Largest small angle in degrees. */
  public double smallAngleMax = 4;
  /** Expected number of words rotated by 90 degrees per page. */
  public double rotated90PerPage = 0.6;
  /** Probability that a page (or crop) is typed: each character's baseline and strike vary. */
  public double typewriterProb = 0.35;
  /** Largest vertical shift of a typed character, in ems. */
  public double typewriterJitter = 0.04;
  /** Largest lightening of a typed character's ink, 0..1 (uneven strikes). */
  public double typewriterStrike = 0.45;
  /** Ink darkness of text, 0..1 (1 is black); each word varies below this by up to inkJitter. */
  public double inkDarkness = 0.95;
  /** Per-word random lightening of ink, 0..1 (uneven typewriter ribbons). */
  public double inkJitter = 0.15;

  // ---- layout ----
  /** Relative weight of paragraph blocks. */
  public double paragraphWeight = 3;
  /** Relative weight of form blocks (label: value, boxes, check boxes). */
  public double formWeight = 4;
  /** Relative weight of table blocks. */
  public double tableWeight = 1.5;
  /** Relative weight of heading blocks. */
  public double headingWeight = 1;
  /** Relative weight of non-text graphics (logos, signatures, barcodes, bars, hand marks). */
  public double graphicWeight = 0.6;
  /** Probability that a heading is underlined. */
  public double headingUnderlineProb = 0.3;
  /** Probability of a rubber stamp (tilted boxed word, lighter ink) on a page. */
  public double stampProb = 0.15;
  /** Probability that a paragraph block is set in two columns. */
  public double twoColumnProb = 0.25;

  // ---- paper ----
  /** Paper brightness range low end, 0..255. */
  public double paperMin = 205;
  /** Paper brightness range high end, 0..255. */
  public double paperMax = 252;
  /** Probability of Gaussian paper noise. */
  public double paperNoiseProb = 0.6;
  /** Largest sigma of paper noise in gray levels. */
  public double paperNoiseMax = 10;
  /** Probability of low-frequency paper texture (mottling). */
  public double textureProb = 0.4;
  /** Largest amplitude of the texture in gray levels. */
  public double textureMax = 25;
  /** Probability of a quasicrystal (interference) pattern in the paper. */
  public double quasicrystalProb = 0.05;
  /** Probability of stains (dark blobs) and a brightness gradient. */
  public double stainProb = 0.2;
  /** Probability of scanner artefacts: black borders, streaks, dust. */
  public double scannerProb = 0.35;

  // ---- geometry ----
  /** Probability of a page rotation (skew). */
  public double rotateProb = 0.5;
  /** Largest page rotation in degrees. */
  public double rotateMax = 1.5;
  /** Probability of a perspective distortion. */
  public double perspectiveProb = 0.15;
  /** Largest corner displacement, as a fraction of the page size. */
  public double perspectiveMax = 0.02;

  /** Probability of a sine-wave warp (paper not flat on the scanner). */
  public double sineWarpProb = 0.1;
  /** Largest amplitude of the sine-wave warp in pixels. */
  public double sineWarpMax = 3;

  // ---- ink ----
  /** Probability of ink bleed (strokes thickened). */
  public double bleedProb = 0.4;
  /** Probability of broken strokes (ink dropouts). */
  public double brokenProb = 0.25;
  /** Largest fraction of ink lost to broken strokes. */
  public double brokenMax = 0.35;
  /** Probability of faded ink. */
  public double fadeProb = 0.15;
  /** Strongest fading: ink keeps at least 1 - fadeMax of its darkness. */
  public double fadeMax = 0.35;

  // ---- image degradation ----
  /** Probability of a blur. */
  public double blurProb = 0.35;
  /** Largest blur radius in pixels (box-blur passes approximate a Gaussian). */
  public int blurMax = 1;
  /** Probability of speckle (salt and pepper) noise. */
  public double speckleProb = 0.3;
  /** Largest fraction of pixels hit by speckle. */
  public double speckleMax = 0.004;
  /** Probability of scanner auto-levels: darkest ink and paper stretched to full contrast. */
  public double autoLevelProb = 0.8;
  /** Probability of a down-then-up resampling (low resolution). */
  public double lowResProb = 0.2;
  /** Smallest low-resolution factor (0.5 = half resolution). */
  public double lowResMin = 0.7;
  /** Probability of JPEG compression artefacts. */
  public double jpegProb = 0.2;
  /** Lowest JPEG quality, 0..1. */
  public double jpegQualityMin = 0.3;
  /** Probability of binarization (fax-like pages). */
  public double binarizeProb = 0.25;

  // ---- crops ----
  /** Crop output height in pixels; 0 keeps the rendered height. */
  public int cropHeight = 32;
  /** Smallest share of the crop height filled by the text em (loose boxes, as FUNSD's). */
  public double cropFillMin = 0.5;
  /** Largest share of the crop height filled by the text em. */
  public double cropFillMax = 0.8;
  /** Probability of lines above/below leaving fragments in a crop. */
  public double cropNeighbourProb = 0.6;
  /** Probability of an underline or rule through a crop. */
  public double cropRuleProb = 0.3;
  /**
   * Probability that a crop is a clean scan of typeset print ({@link #printLike}): the books,
   * reports and letters most of an archive holds, where the form-like defaults are too rough.
   */
  public double printCropProb = 0.25;
  /** Probability that a crop label is a generated document token (number, code, date...). */
  public double cropTokenProb = 0.3;
  /**
   * Probability that a crop holds its word with one or both neighbouring words of its line, as
   * a detector's box around merged words does; the label then has the words with single spaces.
   * For recognizers that read the word space (train-recognizer --word-spaces); 0 keeps one word
   * per crop and the crops of every seed as they were.
   */
  public double cropPhraseProb = 0;
  /**
   * Crops whose text em is below this many pixels (times {@link #hangulSizeScale} for Korean,
   * times {@link #BOLD_LEGIBLE_SCALE} for bold faces) are spared the degradations that merge or
   * erase strokes: no ink bleed, no blur, and at most one of broken strokes, binarization (at a
   * higher ink coverage than the fax-like low threshold: 40-90 of 255 instead of 20-70) and low
   * resolution. Larger text is degraded as before. A blind reading of validation errors found
   * that most crops a person cannot read were small text with these effects, alone or together.
   * 0 switches the guard off. Pages are not affected.
   */
  public double legibleEm = 13;

  /** Smallest body font size for a language, em in pixels. */
  public double fontMin(Lang lang) {
    return lang == Lang.KO ? fontMin * hangulSizeScale : fontMin;
  }

  /** Largest body font size for a language, em in pixels. */
  public double fontMax(Lang lang) {
    return lang == Lang.KO ? fontMax * hangulSizeScale : fontMax;
  }

  /** Bold faces need this much more size than {@link #legibleEm} to take stroke-merging effects. */
  public static final double BOLD_LEGIBLE_SCALE = 1.3;

  /**
   * True when text of em {@code size} pixels in language {@code lang} is too small to take
   * the stroke-merging degradations (see {@link #legibleEm}).
   */
  public boolean fragile(Lang lang, double size, boolean bold) {
    double limit = legibleEm * (lang == Lang.KO ? hangulSizeScale : 1)
        * (bold ? BOLD_LEGIBLE_SCALE : 1);
    return size < limit;
  }

  /** The defaults above. */
  public static SynthConfig defaults() {
    return new SynthConfig();
  }

  /** No degradation, no rotation: for tests that compare ink with boxes. */
  public static SynthConfig clean() {
    SynthConfig c = new SynthConfig();
    c.hiResProb = 0;
    c.smallAngleProb = 0;
    c.rotated90PerPage = 0;
    c.inkJitter = 0;
    c.graphicWeight = 0;
    c.paperMin = 255;
    c.paperMax = 255;
    for (String k : new String[] {"paperNoiseProb", "textureProb", "stainProb", "scannerProb",
        "rotateProb", "perspectiveProb", "sineWarpProb", "quasicrystalProb", "bleedProb",
        "brokenProb", "fadeProb", "blurProb", "speckleProb", "lowResProb", "jpegProb",
        "binarizeProb", "cropNeighbourProb", "typewriterProb", "cropRuleProb", "autoLevelProb",
        "stampProb", "headingUnderlineProb", "widthScaleProb", "printCropProb"}) {
      c.set(k, "0");
    }
    return c;
  }

  /**
   * This configuration as a clean scan of typeset print: no typewriter, tracking, width change,
   * ink bleed, broken strokes, fading, speckle or stains; rarely a rule or binarization; mild
   * blur, paper noise, JPEG and resampling as a 100-300 dpi office scan has them.
   */
  public SynthConfig printLike() {
    SynthConfig c = new SynthConfig();
    asMap().forEach(c::set);
    for (String k : new String[] {"typewriterProb", "trackingProb", "widthScaleProb", "bleedProb",
        "brokenProb", "fadeProb", "speckleProb", "stainProb", "scannerProb", "quasicrystalProb",
        "sineWarpProb", "perspectiveProb", "printCropProb"}) {
      c.set(k, "0");
    }
    c.smallAngleProb = 0.05;
    c.cropRuleProb = 0.05;
    c.binarizeProb = 0.05;
    c.inkJitter = 0.05;
    c.hiResProb = 0.5;
    c.blurProb = 0.5;
    c.lowResProb = 0.3;
    c.jpegProb = 0.4;
    c.jpegQualityMin = 0.6;
    c.paperMin = 215;
    return c;
  }

  /** Defaults overridden by a {@code .properties} or {@code .json} file. */
  public static SynthConfig load(Path file) throws IOException {
    SynthConfig c = new SynthConfig();
    Map<String, String> values = new TreeMap<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      if (file.toString().endsWith(".json")) {
        JsonObject o = JsonParser.parseReader(r).getAsJsonObject();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
          values.put(e.getKey(), e.getValue().getAsString());
        }
      } else {
        Properties p = new Properties();
        p.load(r);
        for (String k : p.stringPropertyNames()) {
          values.put(k, p.getProperty(k));
        }
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Cannot parse synth config " + file + ": "
          + e.getMessage(), e);
    }
    for (Map.Entry<String, String> e : values.entrySet()) {
      try {
        c.set(e.getKey(), e.getValue());
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException("In " + file + ": " + ex.getMessage(), ex);
      }
    }
    return c;
  }

  /** Sets one field by name from its text value; unknown keys and bad numbers are errors. */
  public SynthConfig set(String key, String value) {
    Field f;
    try {
      f = SynthConfig.class.getField(key.trim());
    } catch (NoSuchFieldException e) {
      throw new IllegalArgumentException("Unknown synth config key: " + key);
    }
    if (Modifier.isStatic(f.getModifiers())) {
      throw new IllegalArgumentException("Unknown synth config key: " + key);
    }
    String v = value.trim();
    try {
      if (f.getType() == int.class) {
        f.setInt(this, Integer.parseInt(v));
      } else if (f.getType() == double.class) {
        double d = Double.parseDouble(v);
        if (key.endsWith("Prob") && (d < 0 || d > 1)) {
          throw new IllegalArgumentException("Probability " + key + " must be in 0..1, got " + v);
        }
        f.setDouble(this, d);
      } else {
        f.set(this, v);
      }
    } catch (NumberFormatException | IllegalAccessException e) {
      throw new IllegalArgumentException("Invalid value for " + key + ": " + value);
    }
    return this;
  }

  /** All settings as {@code key -> value}, sorted by key (for logs and reproducibility records). */
  public Map<String, String> asMap() {
    Map<String, String> m = new TreeMap<>();
    for (Field f : SynthConfig.class.getFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        try {
          m.put(f.getName(), String.valueOf(f.get(this)));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return m;
  }
}
