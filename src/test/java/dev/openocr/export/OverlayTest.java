package dev.openocr.export;

import static dev.openocr.testing.Words.word;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.document.Block;
import dev.openocr.document.Line;
import dev.openocr.document.Page;
import dev.openocr.document.Word;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class OverlayTest {

  private static BufferedImage white(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.getRaster().setSample(x, y, 0, 255);
      }
    }
    return img;
  }

  private static Page page(Word... words) {
    return new Page(200, 100, List.of(new Block(List.of(new Line(List.of(words))))), 0, 1);
  }

  @Test
  void coloursRunFromRedToGreen() {
    Color low = Overlay.colour(0);
    Color high = Overlay.colour(1);
    Color mid = Overlay.colour(0.5);
    assertThat(low.getRed()).isGreaterThan(200);
    assertThat(low.getGreen()).isLessThan(30);
    assertThat(high.getGreen()).isGreaterThan(200);
    assertThat(high.getRed()).isLessThan(30);
    assertThat(mid.getRed()).isGreaterThan(150);
    assertThat(mid.getGreen()).isGreaterThan(150);
    assertThat(Overlay.colour(Double.NaN)).isEqualTo(low);
  }

  @Test
  void drawsBoxesInTheirConfidenceColour() throws Exception {
    Word bad = new Word("bad", word("bad", 20, 40, 80, 70).quad(), 0.05, 1, null);
    Word good = new Word("good", word("good", 110, 40, 180, 70).quad(), 0.98, 1, null);
    BufferedImage out = Overlay.draw(white(200, 100), page(bad, good), 0, true);

    Color left = new Color(out.getRGB(20, 55));
    Color right = new Color(out.getRGB(180, 55));
    assertThat(left.getRed()).isGreaterThan(left.getGreen() + 100);
    assertThat(right.getGreen()).isGreaterThan(right.getRed() + 100);
    // Inside a box stays paper.
    assertThat(new Color(out.getRGB(50, 60))).isEqualTo(Color.WHITE);
    // Labels are drawn above the boxes.
    assertThat(darkPixels(out, 20, 25, 80, 39)).isPositive();

    ByteArrayOutputStream png = new ByteArrayOutputStream();
    Overlay.writePng(out, png);
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
    assertThat(back.getWidth()).isEqualTo(200);
    assertThat(back.getRGB(20, 55)).isEqualTo(out.getRGB(20, 55));
  }

  @Test
  void wordsBelowTheThresholdAreLeftOut() {
    Word bad = new Word("bad", word("bad", 20, 40, 80, 70).quad(), 0.05, 1, null);
    BufferedImage out = Overlay.draw(white(200, 100), page(bad), 0.5, true);
    assertThat(darkPixels(out, 0, 0, 199, 99)).isZero();
  }

  private static int darkPixels(BufferedImage img, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        Color c = new Color(img.getRGB(x, y));
        if (c.getRed() + c.getGreen() + c.getBlue() < 600) {
          n++;
        }
      }
    }
    return n;
  }
}
