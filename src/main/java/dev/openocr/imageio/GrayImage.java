package dev.openocr.imageio;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * An 8-bit grayscale image held in a plain byte array (row-major, 0 black .. 255 white).
 * It is what flows between decoding, detection and recognition: no native memory, so it can be
 * kept, copied and tested freely.
 */
public final class GrayImage {
  private final int width;
  private final int height;
  private final byte[] pixels;

  public GrayImage(int width, int height, byte[] pixels) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("Invalid image size: " + width + "x" + height);
    }
    if (pixels.length != (long) width * height) {
      throw new IllegalArgumentException(
          "Pixel buffer of " + pixels.length + " bytes does not match " + width + "x" + height);
    }
    this.width = width;
    this.height = height;
    this.pixels = pixels;
  }

  /** A white image. */
  public static GrayImage blank(int width, int height) {
    byte[] p = new byte[width * height];
    java.util.Arrays.fill(p, (byte) 255);
    return new GrayImage(width, height, p);
  }

  /** Converts any {@link BufferedImage} to 8-bit gray (luma); transparent pixels become white. */
  public static GrayImage fromBufferedImage(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    if (img.getType() == BufferedImage.TYPE_BYTE_GRAY
        && img.getRaster().getDataBuffer() instanceof DataBufferByte db
        && db.getData().length == w * h) {
      return new GrayImage(w, h, db.getData().clone());
    }
    byte[] out = new byte[w * h];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      img.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int argb = row[x];
        int a = (argb >>> 24) & 0xff;
        int r = (argb >> 16) & 0xff;
        int g = (argb >> 8) & 0xff;
        int b = argb & 0xff;
        int luma = (r * 299 + g * 587 + b * 114) / 1000;
        // Composite over white so transparent backgrounds read as paper.
        int v = (luma * a + 255 * (255 - a)) / 255;
        out[y * w + x] = (byte) v;
      }
    }
    return new GrayImage(w, h, out);
  }

  public BufferedImage toBufferedImage() {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    System.arraycopy(pixels, 0, dst, 0, pixels.length);
    return img;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The backing array (not copied): callers must not modify it. */
  public byte[] pixels() {
    return pixels;
  }

  /** Pixel value 0..255. */
  public int get(int x, int y) {
    return pixels[y * width + x] & 0xff;
  }

  /** A copy of the rectangle at {@code (x, y)} of {@code w} by {@code h} pixels, inside the image. */
  public GrayImage window(int x, int y, int w, int h) {
    if (x < 0 || y < 0 || w < 1 || h < 1 || x + w > width || y + h > height) {
      throw new IllegalArgumentException("Window " + x + "," + y + " " + w + "x" + h
          + " outside a " + width + "x" + height + " image");
    }
    byte[] out = new byte[w * h];
    for (int r = 0; r < h; r++) {
      System.arraycopy(pixels, (y + r) * width + x, out, r * w, w);
    }
    return new GrayImage(w, h, out);
  }

  /** Rotates clockwise by a multiple of 90 degrees. */
  public GrayImage rotate(int degreesClockwise) {
    int d = ((degreesClockwise % 360) + 360) % 360;
    if (d == 0) {
      return this;
    }
    if (d % 90 != 0) {
      throw new IllegalArgumentException("Only multiples of 90 degrees: " + degreesClockwise);
    }
    int nw = d == 180 ? width : height;
    int nh = d == 180 ? height : width;
    byte[] out = new byte[pixels.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int nx;
        int ny;
        if (d == 90) {
          nx = height - 1 - y;
          ny = x;
        } else if (d == 180) {
          nx = width - 1 - x;
          ny = height - 1 - y;
        } else {
          nx = y;
          ny = width - 1 - x;
        }
        out[ny * nw + nx] = pixels[y * width + x];
      }
    }
    return new GrayImage(nw, nh, out);
  }
}
