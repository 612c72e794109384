package dev.openocr.synth;

import dev.openocr.geometry.Quad;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/** Draws ground truth over a page for checking by eye: lines blue, words red, characters green. */
public final class Overlay {
  private Overlay() {}

  public static BufferedImage draw(SynthPage page) {
    BufferedImage gray = page.image().toBufferedImage();
    BufferedImage out = new BufferedImage(gray.getWidth(), gray.getHeight(),
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(gray, 0, 0, null);
      g.setStroke(new BasicStroke(1f));
      g.setColor(new Color(0, 90, 255));
      page.lines().forEach(l -> g.draw(path(l.quad())));
      for (SynthWord w : page.words()) {
        g.setColor(new Color(0, 170, 0));
        w.chars().forEach(c -> g.draw(path(c)));
        g.setColor(Color.RED);
        g.draw(path(w.quad()));
        // a dot marks the first corner, so the reading direction shows
        g.fillRect((int) w.quad().x0() - 1, (int) w.quad().y0() - 1, 3, 3);
      }
    } finally {
      g.dispose();
    }
    return out;
  }

  private static Path2D path(Quad q) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(q.x0(), q.y0());
    p.lineTo(q.x1(), q.y1());
    p.lineTo(q.x2(), q.y2());
    p.lineTo(q.x3(), q.y3());
    p.closePath();
    return p;
  }
}
