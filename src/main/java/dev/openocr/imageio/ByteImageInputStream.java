package dev.openocr.imageio;

import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An image input stream over a byte array that reads the array in place: ImageIO's memory cache
 * would copy the whole file a second time.
 */
final class ByteImageInputStream extends ImageInputStreamImpl {
  private final byte[] bytes;

  ByteImageInputStream(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public int read() {
    bitOffset = 0;
    return streamPos < bytes.length ? bytes[(int) streamPos++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    bitOffset = 0;
    if (len == 0) {
      return 0;
    }
    if (streamPos >= bytes.length) {
      return -1;
    }
    int n = (int) Math.min(len, bytes.length - streamPos);
    System.arraycopy(bytes, (int) streamPos, b, off, n);
    streamPos += n;
    return n;
  }

  @Override
  public long length() {
    return bytes.length;
  }

  @Override
  public boolean isCachedMemory() {
    return true;
  }
}
