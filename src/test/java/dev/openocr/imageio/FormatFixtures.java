package dev.openocr.imageio;

import dev.openocr.testing.Prerequisites;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * One bilevel text page in the formats archives hold, each written by an independent encoder
 * from Debian (OpenJPEG's opj_compress, libtiff's tiffcp, libwebp's cwebp) and wrapped into PDFs
 * as JPXDecode, CCITTFaxDecode and JBIG2Decode images. The JBIG2 stream is a page information
 * segment and one generic region coded with MMR, which is CCITT G4: libtiff's G4 data.
 */
public final class FormatFixtures {
  /** The page in pixels; its PDFs are 4.25 x 5.5 inches, one image pixel a pixel at 300 dpi. */
  public static final int WIDTH = 1275;
  public static final int HEIGHT = 1650;
  /** The text on the page, one line each. */
  public static final List<String> LINES = List.of("The quick brown fox jumps over the lazy dog",
      "Invoice number 4021 dated March 14", "Please remit payment within thirty days",
      "Archive scans are stored as bilevel images", "Total amount due 1250 dollars");
  private static final double POINTS_PER_PIXEL = 72.0 / DecodeLimits.PDF_DPI_DEFAULT;

  private final Path dir;

  /** Writes the fixtures into {@code dir}; skips (fails on CI) without the Debian tools. */
  public FormatFixtures(Path dir) {
    this.dir = dir;
    Prerequisites.requireProgram(Path.of("/usr/bin/opj_compress"), "libopenjp2-tools");
    Prerequisites.requireProgram(Path.of("/usr/bin/tiffcp"), "libtiff-tools");
    Prerequisites.requireProgram(Path.of("/usr/bin/cwebp"), "webp");
    write("page.png", TestImages.png(page()));
    write("page.tif", TestImages.encode(page(), "tiff"));
    run("opj_compress", "-i", "page.png", "-o", "page.jp2");
    run("opj_compress", "-i", "page.png", "-o", "page.j2k");
    run("tiffcp", "-c", "g4", "-r", Integer.toString(HEIGHT), "page.tif", "page-g4.tif");
    run("tiffcp", "-c", "g3:2d", "page.tif", "page-g3.tif");
    run("cwebp", "-quiet", "-lossless", "page.png", "-o", "page.webp");
  }

  /**
   * The page as drawn: black text on white, 0 or 255 only. Bit 0 is white, so its TIFFs are
   * WhiteIsZero and their G4 data codes black as 1, as JBIG2 does.
   */
  public static BufferedImage page() {
    byte[] white0 = {(byte) 255, 0};
    BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_BINARY,
        new IndexColorModel(1, 2, white0, white0, white0));
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setColor(Color.BLACK);
      g.setFont(new Font("DejaVu Sans", Font.PLAIN, 30));
      for (int i = 0; i < LINES.size(); i++) {
        g.drawString(LINES.get(i), 90, 160 + 70 * i);
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  public byte[] png() {
    return read("page.png");
  }

  public byte[] jp2() {
    return read("page.jp2");
  }

  public byte[] j2k() {
    return read("page.j2k");
  }

  public byte[] g4Tiff() {
    return read("page-g4.tif");
  }

  public byte[] g3Tiff() {
    return read("page-g3.tif");
  }

  public byte[] webp() {
    return read("page.webp");
  }

  /** A PDF page holding the JPEG 2000 file as a JPXDecode image. */
  public byte[] pdfOfJpx() {
    // A JPX image brings its own bit depth and color space.
    return pdf(COSName.JPX_DECODE, jp2(), null, 0, null);
  }

  /** A PDF page holding libtiff's G4 data as a CCITTFaxDecode image. */
  public byte[] pdfOfCcitt() {
    COSDictionary parms = new COSDictionary();
    parms.setInt(COSName.K, -1);
    parms.setInt(COSName.COLUMNS, WIDTH);
    parms.setInt(COSName.ROWS, HEIGHT);
    parms.setBoolean(COSName.BLACK_IS_1, blackIsOne());
    return pdf(COSName.CCITTFAX_DECODE, g4Strip(), parms, 1, COSName.DEVICEGRAY);
  }

  /** A PDF page holding a JBIG2 stream (MMR generic region of libtiff's G4 data). */
  public byte[] pdfOfJbig2() {
    byte[] mmr = g4Strip();
    ByteBuffer b = ByteBuffer.allocate(11 + 19 + 11 + 18 + mmr.length);
    // Page information segment (type 48): size, unknown resolution, no flags or striping.
    segment(b, 0, 48, 19);
    b.putInt(WIDTH).putInt(HEIGHT).putInt(0).putInt(0).put((byte) 0).putShort((short) 0);
    // Immediate lossless generic region (type 39): region info, then flags with MMR on.
    segment(b, 1, 39, 18 + mmr.length);
    b.putInt(WIDTH).putInt(HEIGHT).putInt(0).putInt(0).put((byte) 0).put((byte) 1).put(mmr);
    return pdf(COSName.JBIG2_DECODE, b.array(), null, 1, COSName.DEVICEGRAY);
  }

  /** Segment header: number, type, no referred segments, page 1, data length. */
  private static void segment(ByteBuffer b, int number, int type, int length) {
    b.putInt(number).put((byte) type).put((byte) 0).put((byte) 1).putInt(length);
  }

  /** Whether the G4 TIFF codes black as 1 (PhotometricInterpretation BlackIsZero). */
  private boolean blackIsOne() {
    return tiffField(262) == 1;
  }

  /** The G4 TIFF's one strip. */
  private byte[] g4Strip() {
    byte[] tiff = g4Tiff();
    int at = (int) tiffField(273);
    int n = (int) tiffField(279);
    return java.util.Arrays.copyOfRange(tiff, at, at + n);
  }

  private long tiffField(int tag) {
    ImageReader r = null;
    for (var it = ImageIO.getImageReadersByFormatName("tiff"); it.hasNext(); ) {
      ImageReader next = it.next();
      // The JDK's reader, whose metadata TIFFDirectory reads.
      if (r == null || next.getClass().getName().startsWith("com.sun.imageio.")) {
        r = next;
      }
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(
        new java.io.ByteArrayInputStream(g4Tiff()))) {
      r.setInput(in);
      return TIFFDirectory.createFromMetadata(r.getImageMetadata(0)).getTIFFField(tag)
          .getAsLong(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      r.dispose();
    }
  }

  /** One page of the page's size at 300 dpi, the image drawn over all of it. */
  private static byte[] pdf(COSName filter, byte[] data, COSDictionary parms, int bits,
      COSName colorSpace) {
    float w = (float) (WIDTH * POINTS_PER_PIXEL);
    float h = (float) (HEIGHT * POINTS_PER_PIXEL);
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(new PDRectangle(w, h));
      doc.addPage(page);
      COSStream s = doc.getDocument().createCOSStream();
      try (java.io.OutputStream o = s.createRawOutputStream()) {
        o.write(data);
      }
      s.setItem(COSName.FILTER, filter);
      s.setItem(COSName.TYPE, COSName.XOBJECT);
      s.setItem(COSName.SUBTYPE, COSName.IMAGE);
      s.setInt(COSName.WIDTH, WIDTH);
      s.setInt(COSName.HEIGHT, HEIGHT);
      if (bits > 0) {
        s.setInt(COSName.BITS_PER_COMPONENT, bits);
        s.setItem(COSName.COLORSPACE, colorSpace);
      }
      if (parms != null) {
        s.setItem(COSName.DECODE_PARMS, parms);
      }
      PDImageXObject image = new PDImageXObject(new org.apache.pdfbox.pdmodel.common.PDStream(s),
          null);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.drawImage(image, 0, 0, w, h);
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void run(String... command) {
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .start();
      String output = new String(p.getInputStream().readAllBytes());
      if (p.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void write(String name, byte[] bytes) {
    try {
      Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] read(String name) {
    try {
      return Files.readAllBytes(dir.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
