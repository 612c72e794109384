package dev.openocr.imageio;

/** File formats recognized from their first bytes (never from the file name). */
public enum ImageFormat {
  PNG("png"), JPEG("jpeg"), TIFF("tiff"), BMP("bmp"), GIF("gif"), JPEG2000("jpeg2000"),
  WEBP("webp"), PDF(null);

  /** What the project reads, for messages. */
  public static final String NAMES = "PNG, JPEG, TIFF, BMP, GIF, JPEG 2000, WebP or PDF";

  /** Where a PDF header may start: the spec allows leading junk in the first KiB. */
  private static final int PDF_HEADER_WINDOW = 1024;

  private final String imageIoName;

  ImageFormat(String imageIoName) {
    this.imageIoName = imageIoName;
  }

  /** The javax.imageio format name, null for PDF. */
  public String imageIoName() {
    return imageIoName;
  }

  /** The format of {@code b} from its magic number, or null when unknown. */
  public static ImageFormat sniff(byte[] b) {
    if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return PNG;
    }
    if (starts(b, 0xFF, 0xD8, 0xFF)) {
      return JPEG;
    }
    if (starts(b, 'I', 'I', 42, 0) || starts(b, 'M', 'M', 0, 42)) {
      return TIFF;
    }
    if (starts(b, 'B', 'M') && b.length >= 26) {
      return BMP;
    }
    if (starts(b, 'G', 'I', 'F', '8')) {
      return GIF;
    }
    // The JP2 signature box, or a bare codestream (SOC then SIZ).
    if (starts(b, 0, 0, 0, 0x0C, 'j', 'P', ' ', ' ', 0x0D, 0x0A, 0x87, 0x0A)
        || starts(b, 0xFF, 0x4F, 0xFF, 0x51)) {
      return JPEG2000;
    }
    if (starts(b, 'R', 'I', 'F', 'F') && b.length >= 16 && b[8] == 'W' && b[9] == 'E'
        && b[10] == 'B' && b[11] == 'P') {
      return WEBP;
    }
    int window = Math.min(b.length - 5, PDF_HEADER_WINDOW);
    for (int i = 0; i <= window; i++) {
      if (b[i] == '%' && b[i + 1] == 'P' && b[i + 2] == 'D' && b[i + 3] == 'F' && b[i + 4] == '-') {
        return PDF;
      }
    }
    return null;
  }

  private static boolean starts(byte[] b, int... magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
