package dev.openocr.job;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local file system under the {@code faulty:} scheme ({@code fs.faulty.impl}), failing chosen
 * renames and deletes once each, and optionally reporting every modification time as 0 as S3A
 * does for directories. Faults are static: a local Spark's tasks share them with the test.
 */
public final class FaultyFileSystem extends RawLocalFileSystem {
  static final String SCHEME = "faulty";
  private static final List<Fault> FAULTS = new CopyOnWriteArrayList<>();
  private static volatile boolean zeroTimes;

  /** A fault on the first {@code op} whose text matches; it throws or returns false. */
  private record Fault(String op, Pattern text, boolean fails, AtomicBoolean fired) {}

  /** The next rename whose {@code "from -> to"} matches {@code regex} throws. */
  static void failRename(String regex) {
    FAULTS.add(new Fault("rename", Pattern.compile(regex), true, new AtomicBoolean()));
  }

  /** The next rename whose {@code "from -> to"} matches {@code regex} returns false. */
  static void refuseRename(String regex) {
    FAULTS.add(new Fault("rename", Pattern.compile(regex), false, new AtomicBoolean()));
  }

  /** The next recursive or plain delete of a path matching {@code regex} throws. */
  static void failDelete(String regex) {
    FAULTS.add(new Fault("delete", Pattern.compile(regex), true, new AtomicBoolean()));
  }

  static void reportZeroTimes(boolean zero) {
    zeroTimes = zero;
  }

  /** The faults that fired, as {@code op: regex}. */
  static List<String> fired() {
    List<String> out = new ArrayList<>();
    for (Fault f : FAULTS) {
      if (f.fired().get()) {
        out.add(f.op() + ": " + f.text().pattern());
      }
    }
    return out;
  }

  static void reset() {
    FAULTS.clear();
    zeroTimes = false;
  }

  /** A URI of this file system for a local folder. */
  static String uri(java.nio.file.Path local) {
    return SCHEME + "://" + local.toAbsolutePath();
  }

  /** The fault to apply to this operation, or null. */
  private static Fault match(String op, String text) {
    for (Fault f : FAULTS) {
      if (f.op().equals(op) && f.text().matcher(text).matches()
          && f.fired().compareAndSet(false, true)) {
        return f;
      }
    }
    return null;
  }

  @Override
  public URI getUri() {
    return URI.create(SCHEME + ":///");
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public boolean rename(Path src, Path dst) throws IOException {
    String text = src + " -> " + dst;
    Fault f = match("rename", text);
    if (f != null && f.fails()) {
      throw new IOException("Injected rename failure: " + text);
    }
    return f == null && super.rename(src, dst);
  }

  @Override
  public boolean delete(Path p, boolean recursive) throws IOException {
    if (match("delete", p.toString()) != null) {
      throw new IOException("Injected delete failure: " + p);
    }
    return super.delete(p, recursive);
  }

  @Override
  public FileStatus getFileStatus(Path p) throws IOException {
    return zeroed(super.getFileStatus(p));
  }

  @Override
  public FileStatus[] listStatus(Path p) throws IOException {
    FileStatus[] all = super.listStatus(p);
    for (int i = 0; i < all.length; i++) {
      all[i] = zeroed(all[i]);
    }
    return all;
  }

  private static FileStatus zeroed(FileStatus f) {
    // Default permission and owner: the local status loads them from a file: URI only.
    return zeroTimes ? new FileStatus(f.getLen(), f.isDirectory(), f.getReplication(),
        f.getBlockSize(), 0, 0, null, null, null, f.getPath()) : f;
  }
}
