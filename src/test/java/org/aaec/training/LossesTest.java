package org.aaec.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The losses against their formulas worked out by hand. */
class LossesTest {

    @Test
    void weightedCrossEntropyIsPyTorchsWeightedMean() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] logits = {2f, 0f, -1f, 0.5f, 0.5f, 3f};
            // rows: class 0 with weight 1, class 2 with weight 3
            float[] target = {1f, 0f, 0f, 0f, 0f, 3f};
            double lse0 = Math.log(Math.exp(2) + Math.exp(0) + Math.exp(-1));
            double lse1 = Math.log(Math.exp(0.5) + Math.exp(0.5) + Math.exp(3));
            double expected = (1 * (lse0 - 2) + 3 * (lse1 - 3)) / (1 + 3);
            float got = Losses.crossEntropy(m.create(logits, new Shape(2, 3)), m.create(target, new Shape(2, 3)), 4f)
                    .getFloat();
            assertEquals(expected, got, 1e-6);
        }
    }

    @Test
    void binaryCrossEntropyOnLogitsAndMeanSquaredError() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] l = {-30f, 0f, 2f};
            double real = (Math.log1p(Math.exp(30)) + Math.log(2) + Math.log1p(Math.exp(-2))) / 3;
            double fake = (Math.log1p(Math.exp(-30)) + Math.log(2) + Math.log1p(Math.exp(2))) / 3;
            assertEquals(real, Losses.binaryCrossEntropy(m.create(l), 1f).getFloat(), 1e-5);
            assertEquals(fake, Losses.binaryCrossEntropy(m.create(l), 0f).getFloat(), 1e-5);
            assertEquals((1 + 4 + 0.25) / 3, Losses.meanSquaredError(m.create(new float[] {1, 2, 0.5f}),
                    m.create(new float[] {0, 0, 0})).getFloat(), 1e-6);
        }
    }

    @Test
    void maskedErrorCountsOnlyTheFramesOfRealAudioAndGeneratedSamplesKeepTheRealPadding() {
        try (NDManager m = NDManager.newBaseManager()) {
            // B = 2, T = 3, F = 2; clip 0 has 2 frames of audio, clip 1 has 1; padding sits at -7
            float[] x = {1, 2, 3, 4, -7, -7, 5, 6, -7, -7, -7, -7};
            float[] r = {1, 3, 3, 2, 0, 0, 4, 6, 0, 0, 0, 0};
            // squared errors on audio frames: clip 0: (0, 1) and (0, 4); clip 1: (1, 0): 6 over 3 frames x 2 bins
            float[] y = new float[12];
            Batch b = new Batch(m.create(x, new Shape(2, 3, 2)), java.util.List.of(), new float[0], 2, new int[] {2, 1});
            assertEquals(6.0 / 6, Losses.maskedMeanSquaredError(m.create(r, new Shape(2, 3, 2)), b.x(), b.audioMask())
                    .getFloat(), 1e-6);
            float[] kept = b.withRealPadding(m.create(y, new Shape(2, 3, 2))).toFloatArray();
            org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0, 0, 0, 0, -7, -7, 0, 0, -7, -7, -7, -7},
                    kept, 0f);
        }
    }
}
