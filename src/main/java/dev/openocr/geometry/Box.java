package dev.openocr.geometry;

/**
 * Axis-aligned box in pixels: {@code left <= right}, {@code top <= bottom}, y grows downwards.
 * Areas are continuous ({@code (right-left)*(bottom-top)}), as in the reference scorer.
 */
public record Box(double left, double top, double right, double bottom) {

  public Box {
    if (!(left <= right) || !(top <= bottom)) {
      throw new IllegalArgumentException(
          "Invalid box: [" + left + ", " + top + ", " + right + ", " + bottom + "]");
    }
  }

  public double width() {
    return right - left;
  }

  public double height() {
    return bottom - top;
  }

  public double area() {
    return width() * height();
  }

  public double centerX() {
    return (left + right) / 2;
  }

  public double centerY() {
    return (top + bottom) / 2;
  }

  /** Area of the overlap with another box, 0 when they do not overlap with positive area. */
  public double intersectionArea(Box o) {
    double iw = Math.min(right, o.right) - Math.max(left, o.left);
    double ih = Math.min(bottom, o.bottom) - Math.max(top, o.top);
    return iw <= 0 || ih <= 0 ? 0 : iw * ih;
  }

  /** Intersection over union, 0 when the boxes do not overlap with positive area. */
  public double iou(Box o) {
    double inter = intersectionArea(o);
    if (inter == 0) {
      return 0;
    }
    double union = area() + o.area() - inter;
    return union > 0 ? inter / union : 0;
  }

  /** Smallest box holding both. */
  public Box union(Box o) {
    return new Box(Math.min(left, o.left), Math.min(top, o.top),
        Math.max(right, o.right), Math.max(bottom, o.bottom));
  }

  /** This box clipped to {@code [0,width] x [0,height]}. */
  public Box clip(double width, double height) {
    double l = clamp(left, 0, width);
    double t = clamp(top, 0, height);
    return new Box(l, t, Math.max(l, clamp(right, 0, width)), Math.max(t, clamp(bottom, 0, height)));
  }

  /** Vertical overlap length with another box, 0 if none. */
  public double verticalOverlap(Box o) {
    return Math.max(0, Math.min(bottom, o.bottom) - Math.max(top, o.top));
  }

  public Quad toQuad() {
    return new Quad(left, top, right, top, right, bottom, left, bottom);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
