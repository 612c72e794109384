package dev.openocr.imageio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResizeTest {
  private static GrayImage gradient(int w, int h) {
    byte[] p = new byte[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        p[y * w + x] = (byte) (x * 255 / (w - 1));
      }
    }
    return new GrayImage(w, h, p);
  }

  @Test
  void enlargingKeepsAGradientMonotoneAndEndsFixed() {
    GrayImage g = Resize.to(gradient(10, 4), 25, 9);
    assertThat(g.width()).isEqualTo(25);
    assertThat(g.height()).isEqualTo(9);
    for (int x = 1; x < 25; x++) {
      assertThat(g.get(x, 4)).isGreaterThanOrEqualTo(g.get(x - 1, 4));
    }
    assertThat(g.get(0, 0)).isZero();
    assertThat(g.get(24, 8)).isEqualTo(255);
  }

  @Test
  void shrinkingAveragesAreas() {
    byte[] p = {0, (byte) 255, 0, (byte) 255, 0, (byte) 255, 0, (byte) 255};
    GrayImage g = Resize.to(new GrayImage(4, 2, p), 2, 1);
    assertThat(g.get(0, 0)).isBetween(126, 129);
    assertThat(g.get(1, 0)).isBetween(126, 129);
  }
}
