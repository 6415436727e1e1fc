package org.aaec.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The gate reordering on its own: ONNX Runtime's agreement is tested with whole models in serving. */
class OnnxExporterTest {

    /** H = 2 units, 3 columns: PyTorch's row blocks (r, z, n) become ONNX's (z, r, h). */
    @Test
    void gateBlocksMoveFromRznToZrh() {
        float[] r = {1, 1, 1, 1, 1, 1};
        float[] z = {2, 2, 2, 2, 2, 2};
        float[] n = {3, 3, 3, 3, 3, 3};
        float[] rzn = new float[18];
        System.arraycopy(r, 0, rzn, 0, 6);
        System.arraycopy(z, 0, rzn, 6, 6);
        System.arraycopy(n, 0, rzn, 12, 6);
        float[] expected = new float[18];
        System.arraycopy(z, 0, expected, 0, 6);
        System.arraycopy(r, 0, expected, 6, 6);
        System.arraycopy(n, 0, expected, 12, 6);
        assertArrayEquals(expected, OnnxExporter.zrh(rzn, 2, 3));
    }

    /** Biases are one column: (r, z, n) of H each. */
    @Test
    void biasBlocksToo() {
        assertArrayEquals(new float[] {3, 4, 1, 2, 5, 6}, OnnxExporter.zrh(new float[] {1, 2, 3, 4, 5, 6}, 2, 1));
    }
}
