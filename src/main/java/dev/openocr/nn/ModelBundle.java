package dev.openocr.nn;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A model bundle: a folder (on disk or on the classpath) with {@code model.json} and the files it
 * names. {@code model.json} holds {@code id}, {@code kind}, {@code architecture}, {@code weights}
 * ({@code file}, {@code sha256}) and training notes; every file read through {@link #weights()}
 * is checked against its sha256, so a corrupt bundle fails fast naming the file.
 */
public final class ModelBundle {
  public static final String CLASSPATH_PREFIX = "classpath:";
  public static final String MANIFEST = "model.json";
  /** Writes explicit nulls: in version 2 a manifest key with no value is there, as null. */
  public static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
      .serializeNulls().create();

  private final String location;
  private final JsonObject manifest;

  private ModelBundle(String location, JsonObject manifest) {
    this.location = location;
    this.manifest = manifest;
  }

  /** Opens {@code classpath:models/x} or a local folder path. */
  public static ModelBundle open(String location) {
    byte[] json = readRaw(location, MANIFEST);
    JsonObject m;
    try {
      m = GSON.fromJson(new String(json, StandardCharsets.UTF_8), JsonObject.class);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Malformed " + location + "/" + MANIFEST + ": "
          + e.getMessage(), e);
    }
    if (m == null || !m.has("id") || !m.has("kind") || !m.has("weights")) {
      throw new IllegalArgumentException(location + "/" + MANIFEST
          + " lacks one of id, kind, weights");
    }
    return new ModelBundle(location, BundleFormat.current(m, location));
  }

  public String location() {
    return location;
  }

  public JsonObject manifest() {
    return manifest;
  }

  public String id() {
    return manifest.get("id").getAsString();
  }

  public String kind() {
    return manifest.get("kind").getAsString();
  }

  public JsonObject architecture() {
    return manifest.getAsJsonObject("architecture");
  }

  /** Short id with the first 8 hex digits of the weights' sha256: {@code crnn-lean-en@1a2b3c4d}. */
  public String versionedId() {
    return id() + "@" + expectedSha256().substring(0, 8);
  }

  public String expectedSha256() {
    return manifest.getAsJsonObject("weights").get("sha256").getAsString();
  }

  /** The weights file's bytes, verified against the sha256 in the manifest. */
  public byte[] weights() {
    String file = manifest.getAsJsonObject("weights").get("file").getAsString();
    byte[] data = readRaw(location, file);
    String actual = sha256(data);
    if (!actual.equalsIgnoreCase(expectedSha256())) {
      throw new IllegalArgumentException("Checksum mismatch for " + location + "/" + file
          + ": expected sha256 " + expectedSha256() + ", found " + actual);
    }
    return data;
  }

  /** Any other file of the bundle (charset, card). */
  public byte[] file(String name) {
    return readRaw(location, name);
  }

  /**
   * A file the manifest names: a file of the bundle, or with the {@code classpath:} prefix a
   * resource of the jar (a bundle may share a file the jar already holds).
   */
  public byte[] fileOrResource(String ref) {
    if (!ref.startsWith(CLASSPATH_PREFIX)) {
      return file(ref);
    }
    return readResource(ref.substring(CLASSPATH_PREFIX.length()));
  }

  public static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes a bundle folder: the weights, extra files, and the manifest with the weights' sha256. */
  public static void write(Path dir, JsonObject manifest, byte[] weights,
      java.util.Map<String, byte[]> extra) {
    try {
      Files.createDirectories(dir);
      String file = "weights.params";
      Files.write(dir.resolve(file), weights);
      for (var e : extra.entrySet()) {
        Files.write(dir.resolve(e.getKey()), e.getValue());
      }
      JsonObject w = new JsonObject();
      w.addProperty("file", file);
      w.addProperty("sha256", sha256(weights));
      w.addProperty("bytes", weights.length);
      JsonObject out = new JsonObject();
      out.addProperty(BundleFormat.KEY, BundleFormat.VERSION);
      manifest.entrySet().stream().filter(e -> !e.getKey().equals(BundleFormat.KEY))
          .forEach(e -> out.add(e.getKey(), e.getValue()));
      out.add("weights", w);
      Files.writeString(dir.resolve(MANIFEST), GSON.toJson(out) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write model bundle " + dir, e);
    }
  }

  private static byte[] readRaw(String location, String name) {
    if (location.startsWith(CLASSPATH_PREFIX)) {
      return readResource(location.substring(CLASSPATH_PREFIX.length()) + "/" + name);
    }
    Path p = Path.of(location.startsWith("file:") ? java.net.URI.create(location).getPath() : location)
        .resolve(name);
    if (!Files.isRegularFile(p)) {
      throw new IllegalArgumentException("Model bundle file not found: " + p);
    }
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + p, e);
    }
  }

  private static byte[] readResource(String res) {
    try (InputStream in = ModelBundle.class.getClassLoader().getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalArgumentException("Model bundle file not found on the classpath: " + res);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + res, e);
    }
  }
}
