package dev.openocr.recognize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import dev.openocr.nn.Layers;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Thin-plate-spline spatial transformer (the benchmark's TPS stage, RARE): a small localization
 * network predicts {@code F} fiducial points on the crop (F/2 along the top edge, F/2 along the
 * bottom), the grid generator maps every output pixel through the spline that takes the fixed
 * base points to the predicted ones, and a bilinear sampler reads the input there. The output
 * has the input's size. The last layer starts at zero weights with the base points as bias, so
 * an untrained transformer is the identity.
 *
 * <p>The spline's linear algebra does not depend on the data: for an output of width W the
 * matrix {@code M = P_hat * inverse(delta_C)[:, :F]} ({@code [H*W, F]}) is computed once in Java
 * and cached, and the sampling grid is {@code M x C'} for predicted points {@code C'}.
 */
public final class ThinPlateSpline extends AbstractBlock {
  /** Fiducial points, as in the benchmark. */
  public static final int FIDUCIALS = 20;

  private final int fiducials;
  private final float[] base;
  private final Block localization;
  private final Map<Integer, float[]> grids = new ConcurrentHashMap<>();

  public ThinPlateSpline(int fiducials) {
    if (fiducials < 4 || fiducials % 2 != 0) {
      throw new IllegalArgumentException("Fiducial points must be even and >= 4: " + fiducials);
    }
    this.fiducials = fiducials;
    this.base = basePoints(fiducials);
    Linear last = Linear.builder().setUnits(2L * fiducials).build();
    last.setInitializer(new ConstantInitializer(0f), Parameter.Type.WEIGHT);
    last.setInitializer((m, shape, type) -> m.create(base, shape).toType(type, false),
        Parameter.Type.BIAS);
    localization = addChildBlock("localization", new SequentialBlock()
        .add(Layers.convBnRelu(16))
        .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
        .add(Layers.convBnRelu(32))
        .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
        .add(Layers.convBnRelu(64))
        .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
        .add(Layers.convBnRelu(128))
        .add(Pool.globalAvgPool2dBlock())
        .add(Linear.builder().setUnits(128).build())
        .add(Activation.reluBlock())
        .add(last));
  }

  /** Base points {x0, y0, x1, y1, ...} in [-1, 1]: top edge left to right, then bottom edge. */
  static float[] basePoints(int f) {
    float[] c = new float[2 * f];
    int half = f / 2;
    for (int i = 0; i < half; i++) {
      float x = -1f + 2f * i / (half - 1);
      c[2 * i] = x;
      c[2 * i + 1] = -1f;
      c[2 * (half + i)] = x;
      c[2 * (half + i) + 1] = 1f;
    }
    return c;
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow(); // [B, 1, H, W]
    long b = x.getShape().get(0);
    int h = (int) x.getShape().get(2);
    int w = (int) x.getShape().get(3);
    NDManager m = x.getManager();
    NDArray points = localization.forward(ps, new NDList(x), training).singletonOrThrow()
        .reshape(b, fiducials, 2);
    NDArray mat = m.create(grid(h, w), new Shape((long) h * w, fiducials)).toDevice(x.getDevice(), false);
    NDArray coords = mat.matMul(points); // [B, H*W, 2] in [-1, 1]
    return new NDList(sample(x, coords, h, w).reshape(b, 1, h, w));
  }

  /**
   * Bilinear sampling of {@code x} ({@code [B, 1, H, W]}) at normalized coordinates
   * ({@code [B, N, 2]}, x then y, -1 and 1 the outer pixel edges); differentiable in both.
   * Returns {@code [B, N]}.
   */
  static NDArray sample(NDArray x, NDArray coords, int h, int w) {
    long b = x.getShape().get(0);
    NDArray px = coords.get(":, :, 0").add(1f).mul(w).sub(1f).div(2f).clip(0f, w - 1f);
    NDArray py = coords.get(":, :, 1").add(1f).mul(h).sub(1f).div(2f).clip(0f, h - 1f);
    NDArray x0 = px.floor().stopGradient();
    NDArray y0 = py.floor().stopGradient();
    NDArray x1 = x0.add(1f).clip(0f, w - 1f);
    NDArray y1 = y0.add(1f).clip(0f, h - 1f);
    NDArray fx = px.sub(x0);
    NDArray fy = py.sub(y0);
    NDArray flat = x.reshape(b, (long) h * w);
    NDArray v00 = pick(flat, y0, x0, w);
    NDArray v01 = pick(flat, y0, x1, w);
    NDArray v10 = pick(flat, y1, x0, w);
    NDArray v11 = pick(flat, y1, x1, w);
    NDArray gx = fx.neg().add(1f);
    NDArray gy = fy.neg().add(1f);
    NDArray out = v00.mul(gx).mul(gy).add(v01.mul(fx).mul(gy))
        .add(v10.mul(gx).mul(fy)).add(v11.mul(fx).mul(fy));
    return out;
  }

  private static NDArray pick(NDArray flat, NDArray y, NDArray x, int w) {
    NDArray idx = y.mul(w).add(x).toType(DataType.INT64, false);
    return flat.gather(idx, 1);
  }

  /** {@code M = P_hat * inverse(delta_C)[:, :F]} for an output of {@code h x w}, cached. */
  float[] grid(int h, int w) {
    return grids.computeIfAbsent(h * 100_000 + w, k -> splineMatrix(base, fiducials, h, w));
  }

  static float[] splineMatrix(float[] c, int f, int h, int w) {
    int n = f + 3;
    double[][] delta = new double[n][n];
    for (int i = 0; i < f; i++) {
      delta[i][0] = 1;
      delta[i][1] = c[2 * i];
      delta[i][2] = c[2 * i + 1];
      for (int j = 0; j < f; j++) {
        delta[i][3 + j] = rbf(c[2 * i] - c[2 * j], c[2 * i + 1] - c[2 * j + 1]);
      }
      delta[f][3 + i] = c[2 * i];
      delta[f + 1][3 + i] = c[2 * i + 1];
      delta[f + 2][3 + i] = 1;
    }
    double[][] inv = invert(delta);
    float[] out = new float[h * w * f];
    double[] row = new double[n];
    for (int yi = 0; yi < h; yi++) {
      double py = (2.0 * yi + 1 - h) / h;
      for (int xi = 0; xi < w; xi++) {
        double px = (2.0 * xi + 1 - w) / w;
        row[0] = 1;
        row[1] = px;
        row[2] = py;
        for (int j = 0; j < f; j++) {
          row[3 + j] = rbf(px - c[2 * j], py - c[2 * j + 1]);
        }
        int o = (yi * w + xi) * f;
        for (int j = 0; j < f; j++) {
          double s = 0;
          for (int k = 0; k < n; k++) {
            s += row[k] * inv[k][j];
          }
          out[o + j] = (float) s;
        }
      }
    }
    return out;
  }

  /** The thin-plate kernel r^2 log r (0 at r = 0). */
  private static double rbf(double dx, double dy) {
    double r2 = dx * dx + dy * dy;
    return r2 == 0 ? 0 : r2 * 0.5 * Math.log(r2);
  }

  /** Gauss-Jordan inverse with partial pivoting. */
  static double[][] invert(double[][] a) {
    int n = a.length;
    double[][] m = new double[n][2 * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n + i] = 1;
    }
    for (int col = 0; col < n; col++) {
      int piv = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) {
          piv = r;
        }
      }
      if (Math.abs(m[piv][col]) < 1e-12) {
        throw new IllegalStateException("Singular spline system");
      }
      double[] t = m[piv];
      m[piv] = m[col];
      m[col] = t;
      double d = m[col][col];
      for (int k = 0; k < 2 * n; k++) {
        m[col][k] /= d;
      }
      for (int r = 0; r < n; r++) {
        if (r != col && m[r][col] != 0) {
          double g = m[r][col];
          for (int k = 0; k < 2 * n; k++) {
            m[r][k] -= g * m[col][k];
          }
        }
      }
    }
    double[][] inv = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(m[i], n, inv[i], 0, n);
    }
    return inv;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    localization.initialize(manager, dataType, shapes[0]);
  }
}
