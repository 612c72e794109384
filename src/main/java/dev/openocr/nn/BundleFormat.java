package dev.openocr.nn;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * The version of {@code model.json} and the one step that brings an older manifest to it.
 * Version 2 writes every architecture and inference key; version 1 (no {@code formatVersion})
 * left keys out that meant fixed values, which the migration writes in: the values a version-1
 * reader gave them, not today's defaults.
 */
public final class BundleFormat {
  public static final String KEY = "formatVersion";
  public static final int VERSION = 2;

  private BundleFormat() {}

  /** The manifest in the current format (the same object when it already is). */
  static JsonObject current(JsonObject m, String location) {
    if (!m.has(KEY)) {
      return fromVersion1(m);
    }
    int v = m.get(KEY).getAsInt();
    if (v != VERSION) {
      throw new IllegalArgumentException(location + "/" + ModelBundle.MANIFEST + " has "
          + KEY + " " + v + "; this openocr reads version " + VERSION
          + " and older bundles without one");
    }
    return m;
  }

  /** A version-1 manifest with its implicit values written in. */
  static JsonObject fromVersion1(JsonObject old) {
    JsonObject m = new JsonObject();
    m.addProperty(KEY, VERSION);
    old.entrySet().forEach(e -> m.add(e.getKey(), e.getValue().deepCopy()));
    if ("detector".equals(stringOf(m, "kind"))) {
      JsonObject inf = m.has("inference") ? m.getAsJsonObject("inference") : new JsonObject();
      m.add("inference", inf);
      fill(inf, "magRatio", 1.5);
      fill(inf, "maxSide", 12288);
      fill(inf, "tileSize", 2048);
      fill(inf, "tileOverlap", 128);
      fill(inf, "textThreshold", 0.7);
      fill(inf, "linkThreshold", 0.4);
      fill(inf, "lowText", 0.4);
      fill(inf, "minSize", 10);
      fill(inf, "boxPadding", 0.0);
      // absent: CRAFT's dilation, its crop margin, the fixed scale, no sideways pass, no joining
      fillNull(inf, "boxGrowth");
      if (!inf.has("cropMargin")) {
        JsonObject c = new JsonObject();
        c.addProperty("x", 0.25);
        c.addProperty("y", 0.12);
        inf.add("cropMargin", c);
      }
      fillNull(inf, "autoScale");
      fill(inf, "sidewaysThreshold", 0.0);
      fill(inf, "joinGap", 0.0);
    } else if ("recognizer".equals(stringOf(m, "kind"))) {
      architecture(m.getAsJsonObject("architecture"));
      if (m.has("ensemble") && m.getAsJsonObject("ensemble").has("members")) {
        for (JsonElement a : m.getAsJsonObject("ensemble").getAsJsonArray("members")) {
          architecture(a.getAsJsonObject());
        }
      }
    }
    return m;
  }

  private static void architecture(JsonObject a) {
    if (a == null) {
      return;
    }
    fill(a, "hidden", 0);
    fill(a, "sequenceLayers", 1);
    fill(a, "featureBlocks", 0);
    fill(a, "frameWidth", 4);
  }

  private static void fill(JsonObject o, String key, Number v) {
    if (!o.has(key)) {
      o.addProperty(key, v);
    }
  }

  private static void fillNull(JsonObject o, String key) {
    if (!o.has(key)) {
      o.add(key, JsonNull.INSTANCE);
    }
  }

  private static String stringOf(JsonObject o, String key) {
    return o.has(key) ? o.get(key).getAsString() : null;
  }
}
