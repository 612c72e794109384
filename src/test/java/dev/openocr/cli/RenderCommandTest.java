package dev.openocr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openocr.document.Page;
import dev.openocr.export.Overlay;
import dev.openocr.export.PageJson;
import dev.openocr.testing.Pages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {

  @Test
  void drawsAPageJsonOverItsImage(@TempDir Path dir) throws Exception {
    Page page = Pages.sample();
    Path json = dir.resolve("page.json");
    Files.write(json, new PageJson().toBytes("scan.png", 0, page));
    Path image = dir.resolve("scan.png");
    BufferedImage white = new BufferedImage(page.width(), page.height(),
        BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < white.getHeight(); y++) {
      for (int x = 0; x < white.getWidth(); x++) {
        white.setRGB(x, y, 0xffffff);
      }
    }
    ImageIO.write(white, "png", image.toFile());
    Path out = dir.resolve("overlay.png");

    int code = Main.execute("render", image.toString(), "--page", json.toString(), "-o",
        out.toString());

    assertThat(code).isZero();
    BufferedImage drawn = ImageIO.read(out.toFile());
    assertThat(drawn.getWidth()).isEqualTo(page.width());
    var w = page.words().get(0);
    Color edge = new Color(drawn.getRGB((int) Math.round(w.box().left()),
        (int) Math.round(w.box().centerY())));
    Color expected = Overlay.colour(w.confidence());
    assertThat(Math.abs(edge.getRed() - expected.getRed())).isLessThan(60);
    assertThat(Math.abs(edge.getGreen() - expected.getGreen())).isLessThan(60);
  }

  @Test
  void unreadableImageFails(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.png");
    Files.writeString(bad, "not an image");
    Path json = dir.resolve("p.json");
    Files.write(json, new PageJson().toBytes("x", 0, Pages.sample()));
    int code = Main.execute("render", bad.toString(), "--page", json.toString(), "-o",
        dir.resolve("o.png").toString());
    assertThat(code).isNotZero();
    assertThat(dir.resolve("o.png")).doesNotExist();
  }
}
