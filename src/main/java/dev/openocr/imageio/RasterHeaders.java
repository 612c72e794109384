package dev.openocr.imageio;

import dev.openocr.imageio.DecodeException.Cause;
import java.util.ArrayList;
import java.util.List;

/**
 * Page sizes and decoded bytes a pixel from the headers of PNG, JPEG, BMP, GIF, JPEG 2000 and
 * WebP files (TIFF: {@link TiffHeaders}), read before ImageIO sees the file so that nothing is
 * allocated for a page over the limits.
 */
final class RasterHeaders {
  /** PNG samples a pixel by color type (0 gray, 2 RGB, 3 palette, 4 gray+alpha, 6 RGBA). */
  private static final int[] PNG_CHANNELS = {1, 0, 3, 1, 2, 0, 4};
  /** BMP compressions whose data ImageIO reads into one array of the header's size. */
  private static final int BMP_RLE8 = 1;
  private static final int BMP_RLE4 = 2;
  /** JJ2000 holds each component as 32-bit samples beside its 8-bit output (5.1-5.7 measured). */
  private static final double JPEG2000_BYTES_PER_SAMPLE = 6;
  /** A progressive JPEG keeps every DCT coefficient (2 bytes a sample) until its last scan. */
  private static final double PROGRESSIVE_BYTES_PER_SAMPLE = 2;
  /** The WebP decoder's RGBA raster and its YUV planes. */
  private static final double WEBP_BYTES_PER_PIXEL = 5.5;

  private RasterHeaders() {}

  /** The pages of a raster file, checked against the page and pixel limits. */
  static List<PageSize> read(ImageFormat format, byte[] b, String name, DecodeLimits limits)
      throws DecodeException {
    List<PageSize> pages = switch (format) {
      case TIFF -> TiffHeaders.read(b, name, limits);
      case PNG -> List.of(png(b, name));
      case JPEG -> List.of(jpeg(b, name));
      case BMP -> List.of(bmp(b, name));
      case GIF -> gif(b, name, limits);
      case JPEG2000 -> List.of(jpeg2000(b, name));
      case WEBP -> List.of(webp(b, name));
      case PDF -> throw new IllegalArgumentException("PDF has no raster headers");
    };
    for (int i = 0; i < pages.size(); i++) {
      limits.checkPixels(name, i, pages.get(i).width(), pages.get(i).height());
    }
    return pages;
  }

  private static PageSize png(byte[] b, String name) throws DecodeException {
    need(b, 29, name, "PNG header");
    if (b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
      throw corrupt(name, "PNG", "the first chunk is not IHDR");
    }
    int depth = b[24] & 0xff;
    int type = b[25] & 0xff;
    int channels = type < PNG_CHANNELS.length ? PNG_CHANNELS[type] : 0;
    if (channels == 0 || !(depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16)) {
      throw corrupt(name, "PNG", "color type " + type + " with bit depth " + depth);
    }
    String[] kinds = {"gray", "", "RGB", "palette", "gray+alpha", "", "RGBA"};
    return new PageSize(be32(b, 16), be32(b, 20), channels * depth / 8.0,
        depth + "-bit " + kinds[type]);
  }

  private static PageSize jpeg(byte[] b, String name) throws DecodeException {
    int p = 2;
    while (p + 4 <= b.length) {
      if ((b[p] & 0xff) != 0xFF) {
        throw corrupt(name, "JPEG", "no marker at offset " + p);
      }
      int marker = b[p + 1] & 0xff;
      if (marker == 0xFF) {
        p++;
        continue;
      }
      int len = be16(b, p + 2);
      boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
          && marker != 0xCC;
      if (sof) {
        need(b, p + 10, name, "JPEG frame header");
        long h = be16(b, p + 5);
        long w = be16(b, p + 7);
        int comps = b[p + 9] & 0xff;
        boolean progressive = (marker & 0x3) == 2;
        double bpp = comps * (1 + (progressive ? PROGRESSIVE_BYTES_PER_SAMPLE : 0));
        return new PageSize(w, h, bpp, comps + "-component " + (progressive ? "progressive" : "")
            + " JPEG");
      }
      if (marker == 0xDA || marker == 0xD9 || len < 2) {
        break;
      }
      p += 2 + len;
    }
    throw new DecodeException(Cause.TRUNCATED, name + ": JPEG data ends early: no frame header");
  }

  private static PageSize bmp(byte[] b, String name) throws DecodeException {
    need(b, 26, name, "BMP header");
    long fileSize = le32(b, 2);
    long dataAt = le32(b, 10);
    long header = le32(b, 14);
    if (header == 12) {
      return new PageSize(le16(b, 18), le16(b, 20), le16(b, 24) / 8.0, "BMP");
    }
    need(b, 38, name, "BMP header");
    long w = (int) le32(b, 18);
    long h = Math.abs((long) (int) le32(b, 22));
    int bits = le16(b, 28);
    long compression = le32(b, 30);
    long imageSize = le32(b, 34);
    if (compression == BMP_RLE8 || compression == BMP_RLE4) {
      // ImageIO reads RLE data into one array of biSizeImage (or bfSize - bfOffBits) bytes.
      long size = imageSize != 0 ? imageSize : fileSize - dataAt;
      if (dataAt > b.length || size < 0 || size > b.length - dataAt) {
        throw corrupt(name, "BMP", "the header gives " + size + " bytes of RLE data at offset "
            + dataAt + " in a " + b.length + "-byte file");
      }
    }
    return new PageSize(w, h, Math.max(1, bits / 8.0), bits + "-bit BMP");
  }

  /** Counts the frames up to the page limit: ImageIO's count keeps an object per frame. */
  private static List<PageSize> gif(byte[] b, String name, DecodeLimits limits)
      throws DecodeException {
    need(b, 13, name, "GIF header");
    int p = 13;
    if ((b[10] & 0x80) != 0) {
      p += 3 << ((b[10] & 7) + 1);
    }
    List<PageSize> frames = new ArrayList<>();
    while (p < b.length) {
      int block = b[p] & 0xff;
      if (block == 0x3B) {
        break;
      } else if (block == 0x21) {
        p = skipSubBlocks(b, p + 2);
      } else if (block == 0x2C) {
        if (p + 10 > b.length) {
          break;
        }
        if (frames.size() == limits.maxPages()) {
          throw new DecodeException(Cause.TOO_LARGE, name + ": too many pages: more than "
              + limits.maxPages() + " frames (limit " + limits.maxPages() + ")");
        }
        frames.add(new PageSize(le16(b, p + 5), le16(b, p + 7), 1, "GIF frame"));
        int packed = b[p + 9] & 0xff;
        p += 10 + ((packed & 0x80) != 0 ? 3 << ((packed & 7) + 1) : 0);
        p = skipSubBlocks(b, p + 1);
      } else {
        throw corrupt(name, "GIF", "unknown block 0x" + Integer.toHexString(block) + " at offset "
            + p);
      }
    }
    if (frames.isEmpty()) {
      throw new DecodeException(Cause.TRUNCATED, name + ": GIF data ends early: no image");
    }
    return frames;
  }

  private static int skipSubBlocks(byte[] b, int p) {
    while (p < b.length && b[p] != 0) {
      p += 1 + (b[p] & 0xff);
    }
    return p + 1;
  }

  /** The size from the codestream's SIZ marker, inside a JP2 file's jp2c box or bare. */
  private static PageSize jpeg2000(byte[] b, String name) throws DecodeException {
    int siz = (b[0] & 0xff) == 0xFF ? 2 : codestream(b, name) + 2;
    need(b, siz + 40, name, "JPEG 2000 SIZ marker");
    if ((b[siz] & 0xff) != 0xFF || (b[siz + 1] & 0xff) != 0x51) {
      throw corrupt(name, "JPEG 2000", "no SIZ marker at the start of the codestream");
    }
    long w = be32(b, siz + 6) - be32(b, siz + 14);
    long h = be32(b, siz + 10) - be32(b, siz + 18);
    int comps = be16(b, siz + 38);
    return new PageSize(w, h, comps * JPEG2000_BYTES_PER_SAMPLE, comps + "-component JPEG 2000");
  }

  /** Offset of the codestream in a JP2 file: the content of its jp2c box. */
  private static int codestream(byte[] b, String name) throws DecodeException {
    long p = 0;
    while (p + 8 <= b.length) {
      long len = be32(b, (int) p);
      int head = 8;
      if (len == 1) {
        need(b, (int) p + 16, name, "JPEG 2000 box");
        len = (be32(b, (int) p + 8) << 32) | be32(b, (int) p + 12);
        head = 16;
      } else if (len == 0) {
        len = b.length - p;
      }
      if (b[(int) p + 4] == 'j' && b[(int) p + 5] == 'p' && b[(int) p + 6] == '2'
          && b[(int) p + 7] == 'c') {
        return (int) p + head;
      }
      if (len < head) {
        break;
      }
      p += len;
    }
    throw new DecodeException(Cause.TRUNCATED, name + ": JPEG 2000 data ends early: no codestream");
  }

  private static PageSize webp(byte[] b, String name) throws DecodeException {
    need(b, 30, name, "WebP header");
    String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
    long w;
    long h;
    switch (chunk) {
      case "VP8 " -> {
        w = le16(b, 26) & 0x3FFF;
        h = le16(b, 28) & 0x3FFF;
      }
      case "VP8L" -> {
        long bits = le32(b, 21);
        w = (bits & 0x3FFF) + 1;
        h = ((bits >> 14) & 0x3FFF) + 1;
      }
      case "VP8X" -> {
        w = (le32(b, 24) & 0xFFFFFF) + 1;
        h = (le32(b, 27) & 0xFFFFFF) + 1;
      }
      default -> throw corrupt(name, "WebP", "unknown chunk " + chunk.strip());
    }
    return new PageSize(w, h, WEBP_BYTES_PER_PIXEL, "WebP");
  }

  private static void need(byte[] b, int bytes, String name, String what)
      throws DecodeException {
    if (b.length < bytes) {
      throw new DecodeException(Cause.TRUNCATED, name + ": data ends early: the " + what
          + " needs " + bytes + " bytes, the file has " + b.length);
    }
  }

  private static DecodeException corrupt(String name, String format, String what) {
    return new DecodeException(Cause.CORRUPT, name + ": corrupt " + format + ": " + what);
  }

  private static int be16(byte[] b, int p) {
    return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
  }

  private static long be32(byte[] b, int p) {
    return ((long) be16(b, p) << 16) | be16(b, p + 2);
  }

  private static int le16(byte[] b, int p) {
    return (b[p] & 0xff) | ((b[p + 1] & 0xff) << 8);
  }

  private static long le32(byte[] b, int p) {
    return le16(b, p) | ((long) le16(b, p + 2) << 16);
  }
}
