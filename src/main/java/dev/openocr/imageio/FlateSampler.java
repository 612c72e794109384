package dev.openocr.imageio;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.InflaterInputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;

/**
 * Decodes a Flate (or unfiltered) PDF image to gray, keeping every n-th pixel of every n-th row
 * while it inflates: a 20000x20000 page scan costs the rows it keeps, not 400 MB. Covers what
 * scanners write: 1 or 8 bits, gray or RGB, with or without PNG predictors.
 */
final class FlateSampler {
  /** Predictor values: 1 none, 10..15 PNG (the row's first byte names its filter). */
  private static final int PNG_PREDICTORS = 10;
  private static final int BUFFER = 64 << 10;

  private FlateSampler() {}

  /** Whether {@link #sample} reads this image. */
  static boolean canSample(COSStream s, List<COSName> filters) {
    boolean flate = filters.isEmpty() || (filters.size() == 1
        && (filters.get(0).equals(COSName.FLATE_DECODE)
        || filters.get(0).equals(COSName.FLATE_DECODE_ABBREVIATION)));
    int bpc = s.getInt(COSName.BITS_PER_COMPONENT, s.getInt(COSName.BPC, -1));
    int predictor = params(s).getInt(COSName.PREDICTOR, 1);
    return flate && !s.getBoolean(COSName.IMAGE_MASK, false) && (bpc == 1 || bpc == 8)
        && components(s) > 0 && (predictor == 1 || predictor >= PNG_PREDICTORS)
        && s.getDictionaryObject(COSName.SMASK) == null && s.getDictionaryObject(COSName.MASK) == null;
  }

  /** Bytes of the whole decoded image. */
  static long decodedBytes(COSStream s) {
    long w = Math.max(0, s.getInt(COSName.WIDTH, 0));
    long h = Math.max(0, s.getInt(COSName.HEIGHT, 0));
    return (w * components(s) * s.getInt(COSName.BITS_PER_COMPONENT, 8) + 7) / 8 * h;
  }

  /** 1 for gray, 3 for RGB color spaces, 0 for others. */
  private static int components(COSStream s) {
    COSBase cs = s.getDictionaryObject(COSName.COLORSPACE, COSName.CS);
    if (cs instanceof COSArray a && a.size() == 2 && a.getObject(1) instanceof COSStream icc) {
      int n = icc.getInt(COSName.N, 0);
      return n == 1 || n == 3 ? n : 0;
    }
    if (cs instanceof COSArray a && a.size() >= 1) {
      cs = a.getObject(0);
    }
    if (COSName.DEVICEGRAY.equals(cs) || COSName.CALGRAY.equals(cs) || COSName.G.equals(cs)) {
      return 1;
    }
    if (COSName.DEVICERGB.equals(cs) || COSName.CALRGB.equals(cs) || COSName.RGB.equals(cs)) {
      return 3;
    }
    return 0;
  }

  private static COSDictionary params(COSStream s) {
    COSBase p = s.getDictionaryObject(COSName.DECODE_PARMS, COSName.DP);
    if (p instanceof COSArray a && a.size() > 0) {
      p = a.getObject(0);
    }
    return p instanceof COSDictionary d ? d : new COSDictionary();
  }

  /**
   * The image with every {@code step}-th pixel of every {@code step}-th row, gray. Data that ends
   * early leaves the rest white.
   */
  static BufferedImage sample(COSStream s, int step, PdfStreams.Cancel cancel)
      throws IOException {
    int w = s.getInt(COSName.WIDTH, 0);
    int h = s.getInt(COSName.HEIGHT, 0);
    int comps = components(s);
    int bpc = s.getInt(COSName.BITS_PER_COMPONENT, s.getInt(COSName.BPC, 8));
    boolean png = params(s).getInt(COSName.PREDICTOR, 1) >= PNG_PREDICTORS;
    COSBase decode = s.getDictionaryObject(COSName.DECODE, COSName.D);
    boolean invert = decode instanceof COSArray d && d.size() >= 2 && d.getObject(0)
        instanceof org.apache.pdfbox.cos.COSNumber n && n.floatValue() > 0.5f;
    int ow = (w + step - 1) / step;
    int oh = (h + step - 1) / step;
    BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_BYTE_GRAY);
    byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
    java.util.Arrays.fill(dst, (byte) 255);
    int rowBytes = (int) (((long) w * comps * bpc + 7) / 8);
    int pixelBytes = Math.max(1, comps * bpc / 8);
    byte[] row = new byte[rowBytes];
    byte[] prev = new byte[rowBytes];
    boolean flate = !PdfStreams.filters(s).isEmpty();
    try (InputStream raw = s.createRawInputStream();
        InputStream in = flate ? new InflaterInputStream(raw, new java.util.zip.Inflater(), BUFFER)
            : raw) {
      for (int y = 0; y < h; y++) {
        cancel.check();
        int filter = png ? in.read() : 0;
        if (filter < 0 || in.readNBytes(row, 0, rowBytes) < rowBytes) {
          break;
        }
        if (png) {
          unpredict(filter, row, prev, pixelBytes);
          byte[] t = prev;
          prev = row;
          row = t;
        }
        if (y % step == 0) {
          keep(png ? prev : row, dst, (y / step) * ow, ow, step, comps, bpc, invert);
        }
      }
    } catch (EOFException | java.util.zip.ZipException e) {
      // Damaged or short data: keep the rows read, as PDFBox does.
    }
    return out;
  }

  private static void keep(byte[] row, byte[] dst, int at, int ow, int step, int comps, int bpc,
      boolean invert) {
    for (int x = 0; x < ow; x++) {
      int sx = x * step;
      int v;
      if (bpc == 1) {
        v = ((row[sx >> 3] >> (7 - (sx & 7))) & 1) * 255;
      } else if (comps == 1) {
        v = row[sx] & 0xff;
      } else {
        int p = sx * 3;
        v = ((row[p] & 0xff) * 299 + (row[p + 1] & 0xff) * 587 + (row[p + 2] & 0xff) * 114) / 1000;
      }
      dst[at + x] = (byte) (invert ? 255 - v : v);
    }
  }

  /** Undoes a PNG row filter in place (0 none, 1 sub, 2 up, 3 average, 4 Paeth). */
  static void unpredict(int filter, byte[] row, byte[] prev, int bpp) {
    for (int i = 0; i < row.length; i++) {
      int a = i >= bpp ? row[i - bpp] & 0xff : 0;
      int b = prev[i] & 0xff;
      int c = i >= bpp ? prev[i - bpp] & 0xff : 0;
      int add = switch (filter) {
        case 1 -> a;
        case 2 -> b;
        case 3 -> (a + b) >> 1;
        case 4 -> paeth(a, b, c);
        default -> 0;
      };
      row[i] = (byte) (row[i] + add);
    }
  }

  private static int paeth(int a, int b, int c) {
    int p = a + b - c;
    int pa = Math.abs(p - a);
    int pb = Math.abs(p - b);
    int pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  }
}
