package dev.openocr.synth;

import java.io.File;
import javax.imageio.ImageIO;

public class Scratch {
  public static void main(String[] a) throws Exception {
    Lang lang = Lang.parse(a[0]);
    PageGenerator g = PageGenerator.defaults(lang, a.length > 2 && a[2].equals("clean") ? SynthConfig.clean() : SynthConfig.defaults());
    for (int i = 0; i < Integer.parseInt(a[1]); i++) {
      long t = System.nanoTime();
      SynthPage p = g.generate(i);
      System.out.println(i + " " + (System.nanoTime() - t) / 1e6 + " ms words=" + p.words().size());
      ImageIO.write(p.image().toBufferedImage(), "png", new File("/tmp/synth-" + lang.code() + i + ".png"));
      ImageIO.write(Overlay.draw(p), "png", new File("/tmp/synth-" + lang.code() + i + "-ov.png"));
    }
  }
}
