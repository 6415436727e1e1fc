package org.aaec.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.Pair;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fused GRU call is checked against PyTorch's GRU equations written out by hand. */
class BiGruFinalStateTest {

    private static final int H = 3;
    private static final int C = 2;
    private static final int T = 4;

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    /** r, z, n gates in that order (PyTorch); returns the state after the sequence. */
    private static double[] run(float[][] x, boolean reverse, Map<String, float[]> p, String dir) {
        float[] wi = p.get(dir + "_w_ih");
        float[] wh = p.get(dir + "_w_hh");
        float[] bi = p.get(dir + "_b_ih");
        float[] bh = p.get(dir + "_b_hh");
        double[] h = new double[H];
        for (int s = 0; s < T; s++) {
            float[] xt = x[reverse ? T - 1 - s : s];
            double[] gi = new double[3 * H];
            double[] gh = new double[3 * H];
            for (int g = 0; g < 3 * H; g++) {
                gi[g] = bi[g];
                for (int c = 0; c < C; c++) {
                    gi[g] += wi[g * C + c] * xt[c];
                }
                gh[g] = bh[g];
                for (int k = 0; k < H; k++) {
                    gh[g] += wh[g * H + k] * h[k];
                }
            }
            double[] next = new double[H];
            for (int j = 0; j < H; j++) {
                double r = sigmoid(gi[j] + gh[j]);
                double z = sigmoid(gi[H + j] + gh[H + j]);
                double n = Math.tanh(gi[2 * H + j] + r * gh[2 * H + j]);
                next[j] = (1 - z) * n + z * h[j];
            }
            h = next;
        }
        return h;
    }

    @Test
    void finalStatesFollowTheGruEquationsInBothDirections() {
        Random rnd = new Random(11);
        try (NDManager m = NDManager.newBaseManager()) {
            BiGruFinalState gru = new BiGruFinalState(H);
            gru.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            gru.initialize(m, DataType.FLOAT32, new Shape(1, T, C));
            Map<String, float[]> values = new HashMap<>();
            for (Pair<String, Parameter> p : gru.getParameters()) {
                NDArray a = p.getValue().getArray();
                float[] v = new float[(int) a.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) rnd.nextGaussian() * 0.7f;
                }
                a.set(v);
                values.put(p.getValue().getName(), v);
            }
            float[][] x = new float[T][C];
            float[] flat = new float[T * C];
            for (int t = 0; t < T; t++) {
                for (int c = 0; c < C; c++) {
                    x[t][c] = (float) rnd.nextGaussian();
                    flat[t * C + c] = x[t][c];
                }
            }
            NDArray input = m.create(flat, new Shape(1, T, C));
            float[] got = gru.forward(new ParameterStore(m, false), new NDList(input), false).head().toFloatArray();
            double[] fwd = run(x, false, values, "forward");
            double[] bwd = run(x, true, values, "reverse");
            float[] expected = new float[2 * H];
            for (int j = 0; j < H; j++) {
                expected[j] = (float) fwd[j];
                expected[H + j] = (float) bwd[j];
            }
            assertArrayEquals(expected, got, 1e-5f);
        }
    }
}
