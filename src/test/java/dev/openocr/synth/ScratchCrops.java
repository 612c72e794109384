package dev.openocr.synth;

import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

public class ScratchCrops {
  public static void main(String[] a) throws Exception {
    Lang lang = Lang.parse(a[0]);
    CropGenerator g = CropGenerator.defaults(lang, SynthConfig.defaults());
    int n = Integer.parseInt(a[1]);
    BufferedImage m = new BufferedImage(800, 36 * 20, BufferedImage.TYPE_BYTE_GRAY);
    var gr = m.createGraphics();
    gr.setColor(java.awt.Color.WHITE); gr.fillRect(0,0,800,720);
    int x = 0, y = 0;
    long t = System.nanoTime();
    for (int i = 0; i < n; i++) {
      SynthCrop c = g.generate(i);
      if (i < 200) {
        var bi = c.image().toBufferedImage();
        if (x + bi.getWidth() > 800) { x = 0; y += 36; }
        if (y < 720) gr.drawImage(bi, x, y, null);
        x += bi.getWidth() + 4;
        if (i < 30) System.out.print(c.label() + " | ");
      }
    }
    System.out.println("\n" + n * 1e9 / (System.nanoTime() - t) + " crops/s");
    ImageIO.write(m, "png", new File("/tmp/crops-" + lang.code() + ".png"));
  }
}
