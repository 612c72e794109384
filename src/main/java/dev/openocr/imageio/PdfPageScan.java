package dev.openocr.imageio;

import dev.openocr.imageio.DecodeException.Cause;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;

/**
 * What rendering one PDF page will decode, found before PDFBox decodes any of it: every stream
 * the page reaches (contents, forms, patterns, images, fonts, appearances) is decoded to nowhere
 * under the page's byte limit, content streams are checked for nesting, and large Flate images
 * are set aside to be sampled at the page's resolution ({@link FlateSampler}) instead of being
 * decoded whole.
 */
final class PdfPageScan {
  /** A Flate image above this many decoded bytes is sampled while it inflates. */
  static final long SAMPLE_ABOVE_BYTES = 16L << 20;
  /** Bytes a pixel PDFBox may hold for an image its own decoder expands (DCT, JPX): RGB twice. */
  private static final long CODEC_IMAGE_BYTES_PER_PIXEL = 8;
  private static final Set<COSName> NOT_RENDERED = Set.of(COSName.getPDFName("EmbeddedFile"),
      COSName.METADATA, COSName.XREF, COSName.OBJ_STM);
  private static final Set<COSName> CODEC_FILTERS = Set.of(COSName.DCT_DECODE,
      COSName.DCT_DECODE_ABBREVIATION, COSName.JPX_DECODE, COSName.JBIG2_DECODE,
      COSName.CCITTFAX_DECODE, COSName.CCITTFAX_DECODE_ABBREVIATION);

  private final String name;
  private final int page;
  private final long cap;
  private final PdfStreams.Cancel cancel;
  /** Decoded lengths of streams already measured, shared by the document's pages. */
  private final Map<COSStream, Long> measured;
  private final Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<COSStream> sampled = Collections.newSetFromMap(new IdentityHashMap<>());
  private long largest;
  private String largestWhat = "nothing";

  private PdfPageScan(String name, int page, long cap, Map<COSStream, Long> measured,
      PdfStreams.Cancel cancel) {
    this.name = name;
    this.page = page;
    this.cap = cap;
    this.measured = measured;
    this.cancel = cancel;
  }

  /** The result: the largest decode of the page and the images to sample. */
  record Result(long largestDecode, String largestWhat, Set<COSStream> sampled) {}

  static Result scan(COSDictionary pageDict, String name, int page, long cap,
      Map<COSStream, Long> measured, PdfStreams.Cancel cancel) throws DecodeException {
    PdfPageScan s = new PdfPageScan(name, page, cap, measured, cancel);
    s.walk(pageDict);
    return new Result(s.largest, s.largestWhat, s.sampled);
  }

  /** Visits everything the page reaches, except other pages and back links. */
  private void walk(COSDictionary pageDict) throws DecodeException {
    Deque<COSBase> todo = new ArrayDeque<>();
    Set<COSBase> content = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(pageDict);
    todo.push(pageDict);
    while (!todo.isEmpty()) {
      COSBase o = todo.pop();
      if (o instanceof COSArray a) {
        for (int i = 0; i < a.size(); i++) {
          push(todo, a.get(i));
        }
      } else if (o instanceof COSDictionary d) {
        if (d != pageDict && (COSName.PAGE.equals(d.getCOSName(COSName.TYPE))
            || COSName.PAGES.equals(d.getCOSName(COSName.TYPE)))) {
          continue;
        }
        if (o instanceof COSStream s && !stream(s, content.contains(s))) {
          continue;
        }
        for (Map.Entry<COSName, COSBase> e : d.entrySet()) {
          COSName key = e.getKey();
          if (key.equals(COSName.PARENT) || key.equals(COSName.P)) {
            continue;
          }
          COSBase v = deref(e.getValue());
          if ((d == pageDict && key.equals(COSName.CONTENTS)) || key.equals(COSName.CHAR_PROCS)) {
            markContent(v, content);
          }
          push(todo, v);
        }
      }
    }
  }

  private void push(Deque<COSBase> todo, COSBase v) {
    COSBase o = deref(v);
    if ((o instanceof COSDictionary || o instanceof COSArray) && seen.add(o)) {
      todo.push(o);
    }
  }

  private static COSBase deref(COSBase v) {
    return v instanceof COSObject ref ? ref.getObject() : v;
  }

  /** Page contents are a stream or an array of them; CharProcs a dictionary of them. */
  private static void markContent(COSBase v, Set<COSBase> content) {
    if (v instanceof COSStream s) {
      content.add(s);
    } else if (v instanceof COSArray a) {
      for (int i = 0; i < a.size(); i++) {
        markContent(deref(a.get(i)), content);
      }
    } else if (v instanceof COSDictionary d) {
      for (COSBase x : d.getValues()) {
        markContent(deref(x), content);
      }
    }
  }

  /** Measures one stream; false when its dictionary need not be walked further. */
  private boolean stream(COSStream s, boolean pageContent) throws DecodeException {
    COSName type = s.getCOSName(COSName.TYPE);
    if (type != null && NOT_RENDERED.contains(type)) {
      return false;
    }
    List<COSName> filters = PdfStreams.filters(s);
    if (COSName.IMAGE.equals(s.getCOSName(COSName.SUBTYPE))) {
      long w = Math.max(0, s.getInt(COSName.WIDTH, s.getInt(COSName.W, 0)));
      long h = Math.max(0, s.getInt(COSName.HEIGHT, s.getInt(COSName.H, 0)));
      String what = "image " + w + "x" + h + " (object " + s.getKey() + ")";
      if (!filters.isEmpty() && CODEC_FILTERS.contains(filters.get(filters.size() - 1))) {
        note(w * h * CODEC_IMAGE_BYTES_PER_PIXEL, what);
        return true;
      }
      if (FlateSampler.canSample(s, filters)
          && FlateSampler.decodedBytes(s) > SAMPLE_ABOVE_BYTES) {
        sampled.add(s);
        return true;
      }
    }
    boolean content = pageContent || COSName.FORM.equals(s.getCOSName(COSName.SUBTYPE))
        || s.getInt(COSName.PATTERN_TYPE, 0) == 1;
    Long known = content ? null : measured.get(s);
    long bytes = known != null ? known : measure(s, content);
    if (!content) {
      measured.put(s, bytes);
    }
    note(bytes, "stream (object " + s.getKey() + ")");
    return true;
  }

  private long measure(COSStream s, boolean content) throws DecodeException {
    PdfNesting nesting = content ? new PdfNesting(true) : null;
    long bytes;
    try {
      bytes = PdfStreams.decode(s, cap, nesting, cancel);
    } catch (PdfStreams.TooLong e) {
      throw new DecodeException(Cause.TOO_LARGE, name + ": page " + page + ": a stream (object "
          + s.getKey() + ") " + e.getMessage() + " (limit of one page)");
    } catch (IOException e) {
      // Damaged data: rendering meets it again and reports it.
      bytes = 0;
    }
    if (nesting != null && !nesting.withinLimits()) {
      throw new DecodeException(Cause.CORRUPT, name + ": page " + page + ": content stream"
          + " (object " + s.getKey() + ") has " + nesting.describe());
    }
    return bytes;
  }

  private void note(long bytes, String what) {
    if (bytes > largest) {
      largest = bytes;
      largestWhat = what;
    }
  }
}
