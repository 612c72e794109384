package dev.openocr.imageio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GrayImageTest {

  @Test
  void aWindowCopiesItsRectangle() {
    int w = 5;
    int h = 4;
    byte[] px = new byte[w * h];
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) i;
    }
    GrayImage img = new GrayImage(w, h, px);
    GrayImage win = img.window(1, 2, 3, 2);
    assertThat(win.width()).isEqualTo(3);
    assertThat(win.height()).isEqualTo(2);
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 3; x++) {
        assertThat(win.get(x, y)).isEqualTo(img.get(1 + x, 2 + y));
      }
    }
    // a copy: writing to it leaves the image alone
    win.pixels()[0] = 99;
    assertThat(img.get(1, 2)).isEqualTo(11);
    assertThatThrownBy(() -> img.window(3, 0, 3, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Window 3,0 3x1");
    assertThatThrownBy(() -> img.window(0, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Window 0,0 0x1");
  }
}
