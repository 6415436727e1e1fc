package org.aaec.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** The contiguous axis swap holds the transposed values and passes gradients back unchanged. */
class LayoutsTest {

    @Test
    void swapsTheLastTwoAxesAndKeepsTheGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] v = new float[2 * 3 * 4];
            for (int i = 0; i < v.length; i++) {
                v[i] = i;
            }
            NDArray x = m.create(v, new Shape(2, 3, 4));
            x.setRequiresGradient(true);
            float[] expected = new float[v.length];
            for (int b = 0; b < 2; b++) {
                for (int a = 0; a < 3; a++) {
                    for (int c = 0; c < 4; c++) {
                        expected[b * 12 + c * 3 + a] = v[b * 12 + a * 4 + c];
                    }
                }
            }
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = Layouts.swapLastAxes(x);
                assertEquals(new Shape(2, 4, 3), y.getShape());
                assertArrayEquals(expected, y.toFloatArray());
                // d/dx sum(y * k) with k the flat position in y is k read back in x's layout.
                NDArray k = m.arange(0f, v.length).reshape(2, 4, 3);
                gc.backward(y.mul(k).sum());
            }
            float[] grad = x.getGradient().toFloatArray();
            for (int b = 0; b < 2; b++) {
                for (int a = 0; a < 3; a++) {
                    for (int c = 0; c < 4; c++) {
                        assertEquals(b * 12 + c * 3 + a, grad[b * 12 + a * 4 + c], 0f);
                    }
                }
            }
        }
    }
}
