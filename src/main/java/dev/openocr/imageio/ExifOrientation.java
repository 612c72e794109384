package dev.openocr.imageio;

/**
 * Reads the EXIF Orientation tag (0x0112) from a JPEG's APP1 segment and applies it, since
 * javax.imageio ignores it and phone photos would otherwise reach the detector sideways.
 */
public final class ExifOrientation {
  /** Orientation meaning "stored upright". */
  public static final int NORMAL = 1;
  private static final int TAG_ORIENTATION = 0x0112;
  private static final int TYPE_SHORT = 3;

  private ExifOrientation() {}

  /** The orientation value 1..8 of a JPEG, {@link #NORMAL} when absent or unreadable. */
  public static int read(byte[] jpeg) {
    int pos = 2;
    // Walk the marker segments up to the start of scan; APP1 holds EXIF.
    while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xff) == 0xFF) {
      int marker = jpeg[pos + 1] & 0xff;
      if (marker == 0xDA || marker == 0xD9) {
        break;
      }
      int len = u16(jpeg, pos + 2, false);
      if (len < 2 || pos + 2 + len > jpeg.length) {
        break;
      }
      if (marker == 0xE1 && len >= 16 && isExif(jpeg, pos + 4)) {
        return fromTiff(jpeg, pos + 10, pos + 2 + len);
      }
      pos += 2 + len;
    }
    return NORMAL;
  }

  private static boolean isExif(byte[] b, int p) {
    return b[p] == 'E' && b[p + 1] == 'x' && b[p + 2] == 'i' && b[p + 3] == 'f' && b[p + 4] == 0
        && b[p + 5] == 0;
  }

  /** Reads IFD0 of the TIFF structure at {@code base}, bounded by {@code end}. */
  private static int fromTiff(byte[] b, int base, int end) {
    boolean le;
    if (b[base] == 'I' && b[base + 1] == 'I') {
      le = true;
    } else if (b[base] == 'M' && b[base + 1] == 'M') {
      le = false;
    } else {
      return NORMAL;
    }
    long ifd = u32(b, base + 4, le);
    int p = (int) Math.min(Integer.MAX_VALUE, base + ifd);
    if (ifd < 8 || p + 2 > end) {
      return NORMAL;
    }
    int n = u16(b, p, le);
    for (int i = 0; i < n; i++) {
      int e = p + 2 + 12 * i;
      if (e + 12 > end) {
        return NORMAL;
      }
      if (u16(b, e, le) == TAG_ORIENTATION && u16(b, e + 2, le) == TYPE_SHORT) {
        int v = u16(b, e + 8, le);
        return v >= 1 && v <= 8 ? v : NORMAL;
      }
    }
    return NORMAL;
  }

  /** The upright image for a stored image with EXIF orientation {@code o} (1..8). */
  public static GrayImage apply(GrayImage img, int o) {
    return switch (o) {
      case 2 -> flipHorizontal(img);
      case 3 -> img.rotate(180);
      case 4 -> flipHorizontal(img).rotate(180);
      case 5 -> flipHorizontal(img).rotate(270);
      case 6 -> img.rotate(90);
      case 7 -> flipHorizontal(img).rotate(90);
      case 8 -> img.rotate(270);
      default -> img;
    };
  }

  static GrayImage flipHorizontal(GrayImage img) {
    int w = img.width();
    byte[] src = img.pixels();
    byte[] out = new byte[src.length];
    for (int y = 0; y < img.height(); y++) {
      for (int x = 0; x < w; x++) {
        out[y * w + x] = src[y * w + w - 1 - x];
      }
    }
    return new GrayImage(w, img.height(), out);
  }

  private static int u16(byte[] b, int p, boolean le) {
    int a = b[p] & 0xff;
    int c = b[p + 1] & 0xff;
    return le ? a | (c << 8) : (a << 8) | c;
  }

  private static long u32(byte[] b, int p, boolean le) {
    long hi = u16(b, le ? p + 2 : p, le);
    long lo = u16(b, le ? p : p + 2, le);
    return (hi << 16) | lo;
  }
}
