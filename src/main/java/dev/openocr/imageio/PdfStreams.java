package dev.openocr.imageio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * Decodes a PDF stream to nowhere, counting its bytes up to a cap: PDFBox decodes every stream
 * whole into memory, so a small Flate stream that inflates to gigabytes must be refused first.
 */
final class PdfStreams {
  private PdfStreams() {}

  /** The stream decodes to more than the cap. */
  static final class TooLong extends IOException {
    private static final long serialVersionUID = 1L;

    TooLong(long cap) {
      super("decodes to more than " + DecodeLimits.sci(cap) + " bytes");
    }
  }

  /** The filter names of a stream, in order. */
  static List<COSName> filters(COSStream s) {
    COSBase f = s.getDictionaryObject(COSName.FILTER);
    List<COSName> out = new ArrayList<>();
    if (f instanceof COSName n) {
      out.add(n);
    } else if (f instanceof COSArray a) {
      for (int i = 0; i < a.size(); i++) {
        if (a.getObject(i) instanceof COSName n) {
          out.add(n);
        }
      }
    }
    return out;
  }

  /**
   * Decodes {@code s} into {@code sink}, at most {@code cap} bytes in all.
   *
   * @param nesting fed every decoded byte when not null
   * @return the decoded length
   * @throws TooLong past the cap; other IOExceptions when the data is damaged
   */
  static long decode(COSStream s, long cap, PdfNesting nesting, Cancel cancel)
      throws IOException {
    List<COSName> names = filters(s);
    Counter out = new Counter(cap, nesting, cancel);
    try (InputStream raw = s.createRawInputStream()) {
      InputStream in = raw;
      for (int i = 0; i < names.size(); i++) {
        Filter filter = FilterFactory.INSTANCE.getFilter(names.get(i));
        if (i == names.size() - 1) {
          filter.decode(in, out, s, i);
        } else {
          // Intermediate results of a filter chain stay under the cap too.
          Counter buffer = new Counter(cap, null, cancel);
          buffer.keep = new ByteArrayOutputStream();
          filter.decode(in, buffer, s, i);
          in = new ByteArrayInputStream(buffer.keep.toByteArray());
        }
      }
      if (names.isEmpty()) {
        in.transferTo(out);
      }
    }
    return out.count;
  }

  /** Tells a long decode to stop. */
  interface Cancel {
    void check();
  }

  /** Counts (and optionally keeps) what is written, failing past the cap. */
  private static final class Counter extends OutputStream {
    private final long cap;
    private final PdfNesting nesting;
    private final Cancel cancel;
    private ByteArrayOutputStream keep;
    private long count;

    Counter(long cap, PdfNesting nesting, Cancel cancel) {
      this.cap = cap;
      this.nesting = nesting;
      this.cancel = cancel;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      count += len;
      if (count > cap) {
        throw new TooLong(cap);
      }
      cancel.check();
      if (nesting != null) {
        nesting.accept(b, off, len);
      }
      if (keep != null) {
        keep.write(b, off, len);
      }
    }
  }
}
