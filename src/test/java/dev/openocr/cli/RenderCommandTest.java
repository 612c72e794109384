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
  void drawsTheLowestConfidencePagesOfAFolder(@TempDir Path dir) throws Exception {
    Path pages = Files.createDirectories(dir.resolve("json"));
    Path images = Files.createDirectories(dir.resolve("img"));
    Path to = dir.resolve("overlays");
    double[] scale = {0.9, 0.2, 0.5};
    for (int i = 0; i < scale.length; i++) {
      Page p = scaled(Pages.sample(), scale[i]);
      Files.write(pages.resolve("page" + i + ".json"),
          new PageJson().toBytes("s3a://bucket/scans/scan" + i + ".png", 0, p));
      ImageIO.write(new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_BYTE_GRAY), "png",
          images.resolve("scan" + i + ".png").toFile());
    }

    int code = Main.execute("render", "--pages", pages.toString(), "--images",
        images.toString(), "--to", to.toString(), "--lowest", "2");

    assertThat(code).isZero();
    try (var files = Files.list(to)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted())
          .containsExactly("page1-overlay.png", "page2-overlay.png");
    }
    assertThat(ImageIO.read(to.resolve("page1-overlay.png").toFile()).getWidth())
        .isEqualTo(Pages.WIDTH);
  }

  private static Page scaled(Page p, double factor) {
    var blocks = p.blocks().stream().map(b -> new dev.openocr.document.Block(b.lines().stream()
        .map(l -> new dev.openocr.document.Line(l.words().stream()
            .map(w -> new dev.openocr.document.Word(w.text(), w.quad(), w.confidence() * factor,
                w.detScore(), null)).toList())).toList())).toList();
    return new Page(p.width(), p.height(), blocks, 0, 1);
  }

  @Test
  void runsTheEngineWhenNoPageJsonIsGiven(@TempDir Path dir) throws Exception {
    Path det = dev.openocr.testing.TinyBundles.detector(dir.resolve("det"));
    Path rec = dev.openocr.testing.TinyBundles.recognizer(dir.resolve("rec"));
    Path image = dir.resolve("bars.png");
    Files.write(image, dev.openocr.testing.TestImages.encode(dev.openocr.testing.TestImages.page(
        200, 100, java.util.List.of(new dev.openocr.testing.TestImages.BarWord(20, 20, 5, 0))),
        "png"));
    Path out = dir.resolve("o.png");
    int code = Main.execute("render", image.toString(), "-o", out.toString(), "--detector",
        det.toString(), "--recognizer", rec.toString());
    assertThat(code).isZero();
    assertThat(ImageIO.read(out.toFile()).getWidth()).isEqualTo(200);
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
