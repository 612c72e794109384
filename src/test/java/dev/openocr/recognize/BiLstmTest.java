package dev.openocr.recognize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The recurrent block against an LSTM computed by hand (PyTorch gate order i, f, g, o). */
class BiLstmTest {
  private static final int IN = 5;
  private static final int HIDDEN = 3;
  private static final int OUT = 2;
  private static final int T = 4;

  @Test
  void matchesHandComputedBidirectionalLstmWithBiases() {
    try (NDManager m = NDManager.newBaseManager()) {
      BiLstm block = new BiLstm(HIDDEN, OUT);
      block.initialize(m, DataType.FLOAT32, new Shape(1, T, IN));
      Random r = new Random(5);
      // non-zero biases, so a misplaced bias would show
      for (var p : block.getParameters()) {
        NDArray a = p.getValue().getArray();
        float[] v = new float[(int) a.size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = (float) (r.nextGaussian() * 0.5);
        }
        a.set(v);
      }
      float[] x = new float[T * IN];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) r.nextGaussian();
      }
      NDArray input = m.create(x, new Shape(1, T, IN));
      float[] got = block.forward(new ParameterStore(m, false), new NDList(input), false)
          .singletonOrThrow().toFloatArray();

      double[][] seq = new double[T][IN];
      double[][] rev = new double[T][IN];
      for (int t = 0; t < T; t++) {
        for (int i = 0; i < IN; i++) {
          seq[t][i] = x[t * IN + i];
          rev[T - 1 - t][i] = x[t * IN + i];
        }
      }
      double[][] fw = lstm(params(block.forwardLstm()), seq);
      double[][] bwRev = lstm(params(block.backwardLstm()), rev);
      Map<String, float[]> lin = params(block.output());
      float[] w = lin.get("weight");
      float[] b = lin.get("bias");
      for (int t = 0; t < T; t++) {
        double[] both = new double[2 * HIDDEN];
        for (int j = 0; j < HIDDEN; j++) {
          both[j] = fw[t][j];
          both[HIDDEN + j] = bwRev[T - 1 - t][j];
        }
        for (int o = 0; o < OUT; o++) {
          double y = b[o];
          for (int j = 0; j < 2 * HIDDEN; j++) {
            y += w[o * 2 * HIDDEN + j] * both[j];
          }
          assertThat((double) got[t * OUT + o]).as("t=%d o=%d", t, o).isCloseTo(y, within(1e-4));
        }
      }
    }
  }

  private static Map<String, float[]> params(Block b) {
    Map<String, float[]> out = new HashMap<>();
    for (var p : b.getParameters()) {
      out.put(p.getKey(), p.getValue().getArray().toFloatArray());
    }
    return out;
  }

  private static double[][] lstm(Map<String, float[]> p, double[][] xs) {
    float[] wih = p.get("l_0_i2h_WEIGHT");
    float[] whh = p.get("l_0_h2h_WEIGHT");
    float[] bih = p.get("l_0_i2h_BIAS");
    float[] bhh = p.get("l_0_h2h_BIAS");
    assertThat(wih).hasSize(4 * HIDDEN * IN);
    double[] h = new double[HIDDEN];
    double[] c = new double[HIDDEN];
    double[][] out = new double[xs.length][];
    for (int t = 0; t < xs.length; t++) {
      double[] g = new double[4 * HIDDEN];
      for (int k = 0; k < 4 * HIDDEN; k++) {
        double s = bih[k] + bhh[k];
        for (int i = 0; i < IN; i++) {
          s += wih[k * IN + i] * xs[t][i];
        }
        for (int j = 0; j < HIDDEN; j++) {
          s += whh[k * HIDDEN + j] * h[j];
        }
        g[k] = s;
      }
      double[] nh = new double[HIDDEN];
      for (int j = 0; j < HIDDEN; j++) {
        double ig = sigmoid(g[j]);
        double fg = sigmoid(g[HIDDEN + j]);
        double gg = Math.tanh(g[2 * HIDDEN + j]);
        double og = sigmoid(g[3 * HIDDEN + j]);
        c[j] = fg * c[j] + ig * gg;
        nh[j] = og * Math.tanh(c[j]);
      }
      h = nh;
      out[t] = h.clone();
    }
    return out;
  }

  private static double sigmoid(double v) {
    return 1 / (1 + Math.exp(-v));
  }
}
