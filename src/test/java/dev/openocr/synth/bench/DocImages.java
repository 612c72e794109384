package dev.openocr.synth.bench;

import dev.openocr.synth.CraftTargets;
import dev.openocr.synth.CropGenerator;
import dev.openocr.synth.Lang;
import dev.openocr.synth.Overlay;
import dev.openocr.synth.PageGenerator;
import dev.openocr.synth.SynthConfig;
import dev.openocr.synth.SynthCrop;
import dev.openocr.synth.SynthPage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/** Regenerates the sample images of {@code docs/synth.md}: {@code DocImages docs/img}. */
public final class DocImages {
  private static final int THUMB_W = 400;
  private static final int MONTAGE_W = 640;
  private static final int MONTAGE_ROWS = 8;
  private static final int CROP_H = 32;

  private DocImages() {}

  public static void main(String[] args) throws IOException {
    File dir = new File(args.length > 0 ? args[0] : "docs/img");
    dir.mkdirs();
    SynthConfig cfg = SynthConfig.defaults();
    SynthPage en = PageGenerator.defaults(Lang.EN, cfg).generate(11);
    write(thumb(en.image().toBufferedImage()), dir, "synth-page-en.png");
    write(Overlay.draw(en).getSubimage(0, 0, 800, 400), dir, "synth-overlay-en.png");
    SynthPage ko = PageGenerator.defaults(Lang.KO, cfg).generate(12);
    write(thumb(ko.image().toBufferedImage()), dir, "synth-page-ko.png");
    CraftTargets t = CraftTargets.make(en, 400, 500, 0.5);
    write(CraftTargets.toImage(t.region(), 400, 500).toBufferedImage().getSubimage(0, 0, 400, 200),
        dir, "synth-craft-region-en.png");
    write(montage(CropGenerator.defaults(Lang.EN, cfg)), dir, "synth-crops-en.png");
    write(montage(CropGenerator.defaults(Lang.KO, cfg)), dir, "synth-crops-ko.png");
  }

  private static BufferedImage thumb(BufferedImage src) {
    int h = src.getHeight() * THUMB_W / src.getWidth();
    BufferedImage out = new BufferedImage(THUMB_W, h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
        RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(src, 0, 0, THUMB_W, h, null);
    g.dispose();
    return out;
  }

  private static BufferedImage montage(CropGenerator gen) {
    int rowH = CROP_H + 4;
    BufferedImage out = new BufferedImage(MONTAGE_W, MONTAGE_ROWS * rowH,
        BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    int x = 0;
    int row = 0;
    for (long seed = 0; row < MONTAGE_ROWS; seed++) {
      SynthCrop c = gen.generate(seed);
      BufferedImage img = c.image().toBufferedImage();
      if (img.getWidth() > MONTAGE_W) {
        continue;
      }
      if (x + img.getWidth() > MONTAGE_W) {
        x = 0;
        row++;
        if (row >= MONTAGE_ROWS) {
          break;
        }
      }
      g.drawImage(img, x, row * rowH, null);
      x += img.getWidth() + 4;
    }
    g.dispose();
    return out;
  }

  private static void write(BufferedImage img, File dir, String name) throws IOException {
    ImageIO.write(img, "png", new File(dir, name));
  }
}
