package dev.openocr.imageio;

import dev.openocr.imageio.DecodeException.Cause;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks a TIFF's chain of image directories (IFDs) without ImageIO: the page count with a cycle
 * check and the page limit, each page's size and sample layout, and every strip or tile lying
 * inside the file. ImageIO's reader loops on an IFD that points back and allocates what a strip's
 * byte count asks, whatever the file holds.
 */
final class TiffHeaders {
  private static final int WIDTH = 256;
  private static final int LENGTH = 257;
  private static final int BITS_PER_SAMPLE = 258;
  private static final int STRIP_OFFSETS = 273;
  private static final int SAMPLES_PER_PIXEL = 277;
  private static final int STRIP_BYTE_COUNTS = 279;
  private static final int TILE_WIDTH = 322;
  private static final int TILE_LENGTH = 323;
  private static final int TILE_OFFSETS = 324;
  private static final int TILE_BYTE_COUNTS = 325;
  private static final int TYPE_SHORT = 3;
  private static final int TYPE_LONG = 4;
  /** Bytes of one IFD entry. */
  private static final int ENTRY = 12;

  private final byte[] b;
  private final String name;
  private final boolean le;

  private TiffHeaders(byte[] b, String name) {
    this.b = b;
    this.name = name;
    this.le = b[0] == 'I';
  }

  /** The pages of a TIFF, checked against the page and pixel limits. */
  static List<PageSize> read(byte[] bytes, String name, DecodeLimits limits)
      throws DecodeException {
    return new TiffHeaders(bytes, name).pages(limits);
  }

  private List<PageSize> pages(DecodeLimits limits) throws DecodeException {
    List<PageSize> pages = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    long ifd = u32(4);
    while (ifd != 0) {
      if (!seen.add(ifd)) {
        throw corrupt("the chain of image directories loops back to offset " + ifd + " after "
            + pages.size() + " page(s)");
      }
      if (pages.size() == limits.maxPages()) {
        throw new DecodeException(Cause.TOO_LARGE, name + ": too many pages: more than "
            + limits.maxPages() + " (limit " + limits.maxPages() + ")");
      }
      if (ifd + 2 > b.length) {
        throw truncated("image directory " + pages.size() + " at offset " + ifd);
      }
      int n = u16((int) ifd);
      long next = ifd + 2 + (long) n * ENTRY;
      if (next + 4 > b.length) {
        throw truncated("image directory " + pages.size() + " (" + n + " entries at offset "
            + ifd + ")");
      }
      pages.add(page(pages.size(), (int) ifd + 2, n, limits));
      ifd = u32((int) next);
    }
    if (pages.isEmpty()) {
      throw corrupt("no image directory");
    }
    return pages;
  }

  private PageSize page(int index, int entries, int n, DecodeLimits limits)
      throws DecodeException {
    long width = 0;
    long height = 0;
    long samples = 1;
    long bits = 1;
    long tileW = 0;
    long tileH = 0;
    int[] strips = null;
    int[] stripCounts = null;
    int[] tiles = null;
    int[] tileCounts = null;
    for (int i = 0; i < n; i++) {
      int e = entries + i * ENTRY;
      int tag = u16(e);
      switch (tag) {
        case WIDTH -> width = value(e);
        case LENGTH -> height = value(e);
        case SAMPLES_PER_PIXEL -> samples = value(e);
        case BITS_PER_SAMPLE -> bits = value(e);
        case TILE_WIDTH -> tileW = value(e);
        case TILE_LENGTH -> tileH = value(e);
        case STRIP_OFFSETS -> strips = new int[] {e};
        case STRIP_BYTE_COUNTS -> stripCounts = new int[] {e};
        case TILE_OFFSETS -> tiles = new int[] {e};
        case TILE_BYTE_COUNTS -> tileCounts = new int[] {e};
        default -> { }
      }
    }
    limits.checkPixels(name, index, width, height);
    if (samples < 1 || samples > 16 || bits < 1 || bits > 64) {
      throw corrupt("page " + index + " has " + samples + " samples of " + bits + " bits a pixel");
    }
    if (tileW > 0 || tileH > 0) {
      limits.checkPixels(name, index, tileW, tileH);
    }
    // A block may hold at most the page's raw bytes, twice over for codes that grow (LZW).
    long maxBlock = 2L * width * height * ((long) samples * bits + 7) / 8 + 4096;
    String cut = checkBlocks(index, "strip", strips, stripCounts, maxBlock);
    if (cut == null) {
      cut = checkBlocks(index, "tile", tiles, tileCounts, maxBlock);
    }
    String kind = bits + "-bit " + samples + "-sample";
    return new PageSize(width, height, samples * bits / 8.0, kind, cut);
  }

  /**
   * Every block (strip or tile) must hold no more than a page can: a reader allocates its byte
   * count. A block of a plausible size that the file ends before or inside makes the page cut:
   * returns where, or null when every block is inside the file.
   */
  private String checkBlocks(int page, String what, int[] offsetsEntry, int[] countsEntry,
      long maxBlock) throws DecodeException {
    if (offsetsEntry == null || countsEntry == null) {
      return null;
    }
    int oe = offsetsEntry[0];
    int ce = countsEntry[0];
    long count = u32(ce + 4);
    if (u32(oe + 4) != count) {
      throw corrupt("page " + page + " has " + u32(oe + 4) + " " + what + " offsets but " + count
          + " byte counts");
    }
    for (long i = 0; i < count; i++) {
      long offset = element(oe, i);
      long bytes = element(ce, i);
      if (offset >= 0 && bytes >= 0 && offset + bytes <= b.length) {
        continue;
      }
      String where = what + " " + i + " of " + bytes + " bytes at offset " + offset
          + " runs past the end of the " + b.length + "-byte file";
      if (offset < 0 || bytes < 0 || bytes > maxBlock) {
        throw corrupt("page " + page + ": " + where);
      }
      return where;
    }
    return null;
  }

  /** Element {@code i} of the SHORT or LONG array of entry {@code e}; -1 when outside the file. */
  private long element(int e, long i) throws DecodeException {
    int type = u16(e + 2);
    long count = u32(e + 4);
    int size = type == TYPE_SHORT ? 2 : type == TYPE_LONG ? 4 : 0;
    if (size == 0) {
      throw corrupt("offsets or byte counts of type " + type + " (SHORT or LONG expected)");
    }
    long base = count * size <= 4 ? e + 8 : u32(e + 8);
    long at = base + i * size;
    if (at + size > b.length) {
      return -1;
    }
    return size == 2 ? u16((int) at) : u32((int) at);
  }

  /** The first value of a SHORT or LONG entry. */
  private long value(int e) throws DecodeException {
    long v = element(e, 0);
    if (v < 0) {
      throw truncated("a tag at offset " + e);
    }
    return v;
  }

  private DecodeException corrupt(String what) {
    return new DecodeException(Cause.CORRUPT, name + ": corrupt TIFF: " + what);
  }

  private DecodeException truncated(String what) {
    return new DecodeException(Cause.TRUNCATED, name + ": TIFF data ends early: " + what
        + " lies past the end of the " + b.length + "-byte file");
  }

  private int u16(int p) {
    if (p < 0 || p + 2 > b.length) {
      return 0;
    }
    int a = b[p] & 0xff;
    int c = b[p + 1] & 0xff;
    return le ? a | (c << 8) : (a << 8) | c;
  }

  private long u32(int p) {
    if (p < 0 || p + 4 > b.length) {
      return 0;
    }
    long lo = u16(le ? p : p + 2);
    long hi = u16(le ? p + 2 : p);
    return (hi << 16) | lo;
  }
}
