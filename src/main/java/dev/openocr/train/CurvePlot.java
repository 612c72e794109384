package dev.openocr.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Draws a training log's columns against its step column as small line charts in one PNG. */
public final class CurvePlot {
  private static final int PANEL_W = 420;
  private static final int PANEL_H = 240;
  private static final int MARGIN = 40;

  private CurvePlot() {}

  /** One panel per named column of the CSV (first column is the step). */
  public static void write(Path csv, Path png, String... cols) {
    List<String[]> rows = TrainLog.read(csv);
    if (rows.size() < 2) {
      return;
    }
    String[] header = rows.get(0);
    BufferedImage img = new BufferedImage(PANEL_W * cols.length, PANEL_H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, img.getWidth(), img.getHeight());
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      for (int c = 0; c < cols.length; c++) {
        int idx = indexOf(header, cols[c]);
        if (idx >= 0) {
          panel(g, rows, idx, cols[c], c * PANEL_W);
        }
      }
    } finally {
      g.dispose();
    }
    try {
      ImageIO.write(img, "png", png.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + png, e);
    }
  }

  private static void panel(Graphics2D g, List<String[]> rows, int idx, String name, int x0) {
    List<double[]> pts = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      String[] row = rows.get(r);
      if (row.length > idx && !row[idx].isEmpty() && !row[0].isEmpty()) {
        pts.add(new double[] {Double.parseDouble(row[0]), Double.parseDouble(row[idx])});
      }
    }
    g.setColor(Color.BLACK);
    g.drawString(name, x0 + MARGIN, 15);
    g.drawRect(x0 + MARGIN, MARGIN / 2 + 5, PANEL_W - 2 * MARGIN, PANEL_H - MARGIN - 10);
    if (pts.isEmpty()) {
      return;
    }
    double minX = pts.get(0)[0];
    double maxX = pts.get(pts.size() - 1)[0];
    double minY = Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (double[] p : pts) {
      if (Double.isFinite(p[1])) {
        minY = Math.min(minY, p[1]);
        maxY = Math.max(maxY, p[1]);
      }
    }
    if (maxY <= minY) {
      maxY = minY + 1;
    }
    if (maxX <= minX) {
      maxX = minX + 1;
    }
    int pw = PANEL_W - 2 * MARGIN;
    int ph = PANEL_H - MARGIN - 10;
    int top = MARGIN / 2 + 5;
    g.drawString(String.format("%.3g", maxY), x0 + 2, top + 10);
    g.drawString(String.format("%.3g", minY), x0 + 2, top + ph);
    g.drawString(String.format("%.0f", maxX), x0 + PANEL_W - MARGIN - 30, PANEL_H - 2);
    g.setColor(new Color(30, 90, 200));
    g.setStroke(new BasicStroke(1.5f));
    int px = -1;
    int py = -1;
    for (double[] p : pts) {
      if (!Double.isFinite(p[1])) {
        continue;
      }
      int x = x0 + MARGIN + (int) ((p[0] - minX) / (maxX - minX) * pw);
      int y = top + ph - (int) ((p[1] - minY) / (maxY - minY) * ph);
      if (px >= 0) {
        g.drawLine(px, py, x, y);
      } else {
        g.fillOval(x - 2, y - 2, 4, 4);
      }
      px = x;
      py = y;
    }
  }

  private static int indexOf(String[] header, String col) {
    for (int i = 0; i < header.length; i++) {
      if (header[i].equals(col)) {
        return i;
      }
    }
    return -1;
  }
}
