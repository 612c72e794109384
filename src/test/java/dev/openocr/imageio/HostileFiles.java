package dev.openocr.imageio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Small files built to make a decoder allocate, loop or recurse without bound, as a hostile user
 * would write them. Each is a few KB; none needs a tool.
 */
public final class HostileFiles {
  private HostileFiles() {}

  /** A 1 KB LZW TIFF of 100x100 whose one strip claims {@code stripBytes} bytes. */
  public static byte[] tiffHugeStrip(long stripBytes) {
    ByteBuffer b = tiff(1024);
    ifd(b, 8, 0, new int[][] {{256, 3, 100}, {257, 3, 100}, {258, 3, 8}, {259, 3, 5},
        {262, 3, 1}, {273, 4, 200}, {277, 3, 1}, {278, 3, 100}, {279, 4, (int) stripBytes}});
    return b.array();
  }

  /** A one-page 8x8 TIFF whose image directory names itself as the next one. */
  public static byte[] tiffSelfLoop() {
    ByteBuffer b = tiff(512);
    ifd(b, 8, 8, new int[][] {{256, 3, 8}, {257, 3, 8}, {258, 3, 8}, {259, 3, 1}, {262, 3, 1},
        {273, 4, 300}, {277, 3, 1}, {278, 3, 8}, {279, 4, 64}});
    return b.array();
  }

  /** An 8-bit RLE BMP of 100x100 whose biSizeImage asks for about 2 GB in a 2 KB file. */
  public static byte[] bmpHugeRle() {
    ByteBuffer b = ByteBuffer.allocate(2048).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'B').put((byte) 'M').putInt(2048).putInt(0).putInt(14 + 40 + 1024);
    b.putInt(40).putInt(100).putInt(100).putShort((short) 1).putShort((short) 8);
    b.putInt(1).putInt(0x7FFF_FFF0).putInt(2835).putInt(2835).putInt(256).putInt(0);
    return b.array();
  }

  /** A 16-bit RGBA PNG header of {@code w x h} with no pixel data: 8 bytes a pixel to decode. */
  public static byte[] png16Rgba(int w, int h) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 16).put((byte) 6);
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", deflate(new byte[64]));
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  /**
   * A one-page PDF (US letter) that draws a {@code size x size} 8-bit gray Flate image over the
   * whole page: its left half black, its right half white.
   */
  public static byte[] pdfHugeFlateImage(int size) {
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    Deflater d = new Deflater(Deflater.BEST_SPEED);
    try (DeflaterOutputStream out = new DeflaterOutputStream(z, d, 1 << 16)) {
      byte[] row = new byte[size];
      Arrays.fill(row, size / 2, size, (byte) 255);
      for (int y = 0; y < size; y++) {
        out.write(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      d.end();
    }
    String image = "<< /Type /XObject /Subtype /Image /Width " + size + " /Height " + size
        + " /BitsPerComponent 8 /ColorSpace /DeviceGray /Filter /FlateDecode /Length "
        + z.size() + " >>";
    return pdf("/XObject << /Im0 5 0 R >>", "q 612 0 0 792 0 0 cm /Im0 Do Q".getBytes(
        StandardCharsets.US_ASCII), false, image, z.toByteArray());
  }

  /** A one-page PDF whose content stream opens {@code depth} arrays (Flate, a few KB). */
  public static byte[] pdfDeepContent(int depth) {
    String c = "[".repeat(depth) + "]".repeat(depth) + " pop";
    return pdf("", c.getBytes(StandardCharsets.US_ASCII), true, null, null);
  }

  /** A one-page PDF whose content stream inflates to {@code bytes} spaces. */
  public static byte[] pdfContentBomb(int bytes) {
    byte[] spaces = new byte[bytes];
    Arrays.fill(spaces, (byte) ' ');
    return pdf("", spaces, true, null, null);
  }

  /** A one-page PDF drawing an image with this filter and data (100x100 gray). */
  public static byte[] pdfImage(String filter, byte[] data) {
    String image = "<< /Type /XObject /Subtype /Image /Width 100 /Height 100"
        + " /BitsPerComponent 8 /ColorSpace /DeviceGray /Filter /" + filter + " /Length "
        + data.length + " >>";
    return pdf("/XObject << /Im0 5 0 R >>", "q 612 0 0 792 0 0 cm /Im0 Do Q".getBytes(
        StandardCharsets.US_ASCII), false, image, data);
  }

  /** A PDF of one page with these resources, content and an optional object 5 (a stream). */
  static byte[] pdf(String resources, byte[] content, boolean flate, String obj5, byte[] data5) {
    byte[] body = flate ? deflate(content) : content;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long[] at = new long[6];
    ascii(out, "%PDF-1.7\n");
    at[1] = out.size();
    ascii(out, "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
    at[2] = out.size();
    ascii(out, "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
    at[3] = out.size();
    ascii(out, "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << "
        + resources + " >> /Contents 4 0 R >> endobj\n");
    at[4] = out.size();
    ascii(out, "4 0 obj << /Length " + body.length + (flate ? " /Filter /FlateDecode" : "")
        + " >> stream\n");
    out.writeBytes(body);
    ascii(out, "\nendstream endobj\n");
    int objects = 5;
    if (obj5 != null) {
      at[5] = out.size();
      ascii(out, "5 0 obj " + obj5 + " stream\n");
      out.writeBytes(data5);
      ascii(out, "\nendstream endobj\n");
      objects = 6;
    }
    long xref = out.size();
    ascii(out, "xref\n0 " + objects + "\n0000000000 65535 f \n");
    for (int i = 1; i < objects; i++) {
      ascii(out, String.format("%010d 00000 n \n", at[i]));
    }
    ascii(out, "trailer << /Size " + objects + " /Root 1 0 R >>\nstartxref\n" + xref
        + "\n%%EOF\n");
    return out.toByteArray();
  }

  private static ByteBuffer tiff(int size) {
    ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    return b;
  }

  /** Writes an IFD of SHORT/LONG single values at {@code at}, then the next IFD's offset. */
  private static void ifd(ByteBuffer b, int at, int next, int[][] entries) {
    b.position(at);
    b.putShort((short) entries.length);
    for (int[] e : entries) {
      b.putShort((short) e[0]).putShort((short) e[1]).putInt(1);
      if (e[1] == 3) {
        b.putShort((short) e[2]).putShort((short) 0);
      } else {
        b.putInt(e[2]);
      }
    }
    b.putInt(next);
  }

  static byte[] deflate(byte[] data) {
    Deflater d = new Deflater();
    try {
      ByteArrayOutputStream z = new ByteArrayOutputStream();
      try (OutputStream out = new DeflaterOutputStream(z, d)) {
        out.write(data);
      }
      return z.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      d.end();
    }
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    ByteBuffer len = ByteBuffer.allocate(4).putInt(data.length);
    out.writeBytes(len.array());
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(t);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private static void ascii(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
  }
}
