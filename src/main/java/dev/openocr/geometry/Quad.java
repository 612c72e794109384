package dev.openocr.geometry;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Quadrilateral in pixels with corners clockwise from the top-left of its text:
 * (x0,y0) top-left, (x1,y1) top-right, (x2,y2) bottom-right, (x3,y3) bottom-left, as the text
 * reads (for a word printed across the page, its top-left corner on the page; for one printed
 * bottom to top, its bottom-left). Width runs along the text, height across it.
 */
public record Quad(double x0, double y0, double x1, double y1,
                   double x2, double y2, double x3, double y3) {

  /** Corners as {@code [x0,y0,x1,y1,x2,y2,x3,y3]}. */
  public double[] toArray() {
    return new double[] {x0, y0, x1, y1, x2, y2, x3, y3};
  }

  public static Quad of(double[] c) {
    if (c.length != 8) {
      throw new IllegalArgumentException("A quad needs 8 coordinates, got " + c.length);
    }
    return new Quad(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
  }

  /**
   * Orders four arbitrary corners clockwise starting from the top-left one (the corner with the
   * smallest x+y among the two top-most is not robust at 45 degrees; we sort by angle around
   * the centroid and start at the corner with the smallest x+y).
   */
  public static Quad ordered(double[][] pts) {
    if (pts.length != 4) {
      throw new IllegalArgumentException("A quad needs 4 corners, got " + pts.length);
    }
    double cx = 0;
    double cy = 0;
    for (double[] p : pts) {
      cx += p[0] / 4;
      cy += p[1] / 4;
    }
    final double fcx = cx;
    final double fcy = cy;
    double[][] s = pts.clone();
    // y grows downwards, so increasing atan2 is clockwise on screen.
    Arrays.sort(s, Comparator.comparingDouble(p -> Math.atan2(p[1] - fcy, p[0] - fcx)));
    int start = 0;
    for (int i = 1; i < 4; i++) {
      if (s[i][0] + s[i][1] < s[start][0] + s[start][1]) {
        start = i;
      }
    }
    double[] out = new double[8];
    for (int i = 0; i < 4; i++) {
      double[] p = s[(start + i) % 4];
      out[2 * i] = p[0];
      out[2 * i + 1] = p[1];
    }
    return of(out);
  }

  public Box bounds() {
    return new Box(Math.min(Math.min(x0, x1), Math.min(x2, x3)),
        Math.min(Math.min(y0, y1), Math.min(y2, y3)),
        Math.max(Math.max(x0, x1), Math.max(x2, x3)),
        Math.max(Math.max(y0, y1), Math.max(y2, y3)));
  }

  /** Polygon area (shoelace), always positive. */
  public double area() {
    double a = (x0 * y1 - x1 * y0) + (x1 * y2 - x2 * y1) + (x2 * y3 - x3 * y2) + (x3 * y0 - x0 * y3);
    return Math.abs(a) / 2;
  }

  /** Mean length of the top and bottom edges. */
  public double width() {
    return (Math.hypot(x1 - x0, y1 - y0) + Math.hypot(x2 - x3, y2 - y3)) / 2;
  }

  /** Mean length of the left and right edges. */
  public double height() {
    return (Math.hypot(x3 - x0, y3 - y0) + Math.hypot(x2 - x1, y2 - y1)) / 2;
  }

  /** Angle of the top edge in degrees, clockwise positive (y down). */
  public double angleDegrees() {
    return Math.toDegrees(Math.atan2(y1 - y0, x1 - x0));
  }

  /**
   * Whether the top edge (the reading direction) runs at right angles to the direction
   * {@code degrees} (clockwise, y down): more than 45 degrees off it either way.
   */
  public boolean runsAcross(double degrees) {
    double d = ((angleDegrees() - degrees) % 180 + 180) % 180;
    return d > 45 && d < 135;
  }

  public Quad scale(double sx, double sy) {
    return new Quad(x0 * sx, y0 * sy, x1 * sx, y1 * sy, x2 * sx, y2 * sy, x3 * sx, y3 * sy);
  }

  /**
   * This quad, drawn on an image of {@code width} by {@code height} pixels, on that image turned
   * clockwise by {@code degrees} (0, 90, 180 or 270); the corners keep their order.
   */
  public Quad turned(int degrees, double width, double height) {
    double[] c = toArray();
    double[] o = new double[8];
    for (int i = 0; i < 4; i++) {
      double[] p = turnPoint(c[2 * i], c[2 * i + 1], degrees, width, height);
      o[2 * i] = p[0];
      o[2 * i + 1] = p[1];
    }
    return of(o);
  }

  /**
   * Where the point {@code (x, y)} of an image of {@code width} by {@code height} pixels lies on
   * that image turned clockwise by {@code degrees} (0, 90, 180 or 270).
   */
  public static double[] turnPoint(double x, double y, int degrees, double width, double height) {
    return switch (Math.floorMod(degrees, 360)) {
      case 0 -> new double[] {x, y};
      case 90 -> new double[] {height - y, x};
      case 180 -> new double[] {width - x, height - y};
      case 270 -> new double[] {y, width - x};
      default -> throw new IllegalArgumentException("Only quarter turns: " + degrees);
    };
  }

  public Quad translate(double dx, double dy) {
    return new Quad(x0 + dx, y0 + dy, x1 + dx, y1 + dy, x2 + dx, y2 + dy, x3 + dx, y3 + dy);
  }

  /**
   * Grows the quad in its own frame: {@code dx} pixels added at the left and right ends along the
   * top/bottom direction, {@code dy} pixels above and below along the side direction.
   */
  public Quad expand(double dx, double dy) {
    double ux = ((x1 - x0) + (x2 - x3)) / 2;
    double uy = ((y1 - y0) + (y2 - y3)) / 2;
    double ul = Math.hypot(ux, uy);
    double vx = ((x3 - x0) + (x2 - x1)) / 2;
    double vy = ((y3 - y0) + (y2 - y1)) / 2;
    double vl = Math.hypot(vx, vy);
    if (ul == 0 || vl == 0) {
      return this;
    }
    ux /= ul;
    uy /= ul;
    vx /= vl;
    vy /= vl;
    return new Quad(x0 - dx * ux - dy * vx, y0 - dx * uy - dy * vy,
        x1 + dx * ux - dy * vx, y1 + dx * uy - dy * vy,
        x2 + dx * ux + dy * vx, y2 + dx * uy + dy * vy,
        x3 - dx * ux + dy * vx, y3 - dx * uy + dy * vy);
  }

  /**
   * The part of this quad between shares {@code from} and {@code to} (0..1) of its length along
   * the top and bottom edges, its sides parallel to this quad's left and right sides.
   */
  public Quad slice(double from, double to) {
    return new Quad(x0 + (x1 - x0) * from, y0 + (y1 - y0) * from,
        x0 + (x1 - x0) * to, y0 + (y1 - y0) * to,
        x3 + (x2 - x3) * to, y3 + (y2 - y3) * to,
        x3 + (x2 - x3) * from, y3 + (y2 - y3) * from);
  }

  /** True when the point lies inside (or on the edge of) this convex quad. */
  public boolean contains(double x, double y) {
    double[] c = toArray();
    boolean pos = false;
    boolean neg = false;
    for (int i = 0; i < 4; i++) {
      double ax = c[2 * i];
      double ay = c[2 * i + 1];
      double bx = c[(2 * i + 2) % 8];
      double by = c[(2 * i + 3) % 8];
      double cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
      pos |= cross > 1e-9;
      neg |= cross < -1e-9;
    }
    return !(pos && neg);
  }
}
