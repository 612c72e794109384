package dev.openocr.imageio;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/** Builds small image and PDF files in memory for tests. */
public final class TestImages {
  private TestImages() {}

  /** A white page with black word-like bars in a few rows; {@code words} bars in total. */
  public static BufferedImage page(int w, int h, int words) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.setColor(Color.BLACK);
      int x = 10;
      int y = 10;
      for (int i = 0; i < words; i++) {
        int bw = 20 + 7 * (i % 4);
        if (x + bw > w - 10) {
          x = 10;
          y += 30;
        }
        g.fillRect(x, y, bw, 12);
        x += bw + 15;
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  /** A page with real text drawn in a system font. */
  public static BufferedImage textPage(int w, int h, String... lines) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
      for (int i = 0; i < lines.length; i++) {
        g.drawString(lines[i], 12, 30 + 28 * i);
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  public static byte[] encode(BufferedImage img, String format) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      if (!ImageIO.write(img, format, out)) {
        throw new IllegalStateException("No writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] png(BufferedImage img) {
    return encode(img, "png");
  }

  /** A multi-page TIFF, one image per page. */
  public static byte[] tiff(List<BufferedImage> pages) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
        writer.setOutput(out);
        ImageWriteParam p = writer.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionType("Deflate");
        writer.prepareWriteSequence(null);
        for (BufferedImage img : pages) {
          writer.writeToSequence(new IIOImage(img, null, null), p);
        }
        writer.endWriteSequence();
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
  }

  /** A JPEG with an EXIF APP1 segment carrying {@code orientation} (big-endian TIFF header). */
  public static byte[] jpegWithOrientation(BufferedImage img, int orientation) {
    byte[] jpg = encode(img, "jpeg");
    ByteArrayOutputStream tiff = new ByteArrayOutputStream();
    try (DataOutputStream d = new DataOutputStream(tiff)) {
      d.writeBytes("MM");
      d.writeShort(42);
      d.writeInt(8);
      d.writeShort(1);
      d.writeShort(0x0112);
      d.writeShort(3);
      d.writeInt(1);
      d.writeShort(orientation);
      d.writeShort(0);
      d.writeInt(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] t = tiff.toByteArray();
    int len = 2 + 6 + t.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // SOI and the JFIF APP0 stay first; EXIF follows.
    int app0End = 2 + 2 + (((jpg[4] & 0xff) << 8) | (jpg[5] & 0xff));
    out.write(jpg, 0, app0End);
    out.write(0xFF);
    out.write(0xE1);
    out.write(len >> 8);
    out.write(len & 0xff);
    out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(t);
    out.write(jpg, app0End, jpg.length - app0End);
    return out.toByteArray();
  }

  /** A valid PNG signature and IHDR claiming {@code w x h}, with a tiny IDAT. */
  public static byte[] pngHeaderOnly(int w, int h) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    try (DataOutputStream d = new DataOutputStream(ihdr)) {
      d.writeInt(w);
      d.writeInt(h);
      d.writeByte(8);
      d.writeByte(0);
      d.writeByte(0);
      d.writeByte(0);
      d.writeByte(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    chunk(out, "IHDR", ihdr.toByteArray());
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  /**
   * A complete, valid gray PNG of {@code w x h} white pixels: a decompression bomb, a few KB
   * that decode to {@code w x h} bytes. Rows are deflated as they are made, never held whole.
   */
  public static byte[] pngBomb(int w, int h) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    chunk(out, "IHDR", ihdr(w, h));
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    byte[] row = new byte[w + 1];
    // Filter type 0 (none) then w white pixels.
    java.util.Arrays.fill(row, 1, row.length, (byte) 0xff);
    try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(idat,
        new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION), 1 << 16)) {
      for (int y = 0; y < h; y++) {
        z.write(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    chunk(out, "IDAT", idat.toByteArray());
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static byte[] ihdr(int w, int h) {
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    try (DataOutputStream d = new DataOutputStream(ihdr)) {
      d.writeInt(w);
      d.writeInt(h);
      // 8-bit gray, deflate, adaptive filtering, no interlace.
      d.write(new byte[] {8, 0, 0, 0, 0});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ihdr.toByteArray();
  }

  /**
   * A little-endian TIFF whose one uncompressed 8-bit gray page claims {@code w x h} pixels but
   * holds 16 bytes of strip data: decoding it would allocate the whole page first.
   */
  public static byte[] tiffHeaderOnly(int w, int h) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + 2 + 8 * 12 + 4 + 16)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    int strip = 8 + 2 + 8 * 12 + 4;
    b.putShort((short) 8);
    // Tags in ascending order: type 3 = SHORT, 4 = LONG.
    tiffEntry(b, 256, 4, w);
    tiffEntry(b, 257, 4, h);
    tiffEntry(b, 258, 3, 8);
    tiffEntry(b, 259, 3, 1);
    tiffEntry(b, 262, 3, 1);
    tiffEntry(b, 273, 4, strip);
    tiffEntry(b, 278, 4, h);
    tiffEntry(b, 279, 4, (int) Math.min(0xffffffffL, (long) w * h));
    b.putInt(0);
    return b.array();
  }

  private static void tiffEntry(java.nio.ByteBuffer b, int tag, int type, int value) {
    b.putShort((short) tag).putShort((short) type).putInt(1);
    if (type == 3) {
      b.putShort((short) value).putShort((short) 0);
    } else {
      b.putInt(value);
    }
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    try (DataOutputStream d = new DataOutputStream(out)) {
      d.writeInt(data.length);
      byte[] t = type.getBytes(StandardCharsets.US_ASCII);
      d.write(t);
      d.write(data);
      CRC32 crc = new CRC32();
      crc.update(t);
      crc.update(data);
      d.writeInt((int) crc.getValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PDF with one black rectangle on each page; {@code userPassword} null for no encryption. */
  public static byte[] pdf(int pages, String userPassword) {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int i = 0; i < pages; i++) {
        PDPage page = new PDPage(PDRectangle.A6);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.setNonStrokingColor(Color.BLACK);
          cs.addRect(20 + 10 * i, 300, 60, 12);
          cs.fill();
        }
      }
      if (userPassword != null) {
        StandardProtectionPolicy p =
            new StandardProtectionPolicy("owner-" + userPassword, userPassword,
                new AccessPermission());
        p.setEncryptionKeyLength(128);
        doc.protect(p);
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first {@code n} bytes. */
  public static byte[] head(byte[] b, int n) {
    return java.util.Arrays.copyOf(b, n);
  }
}
