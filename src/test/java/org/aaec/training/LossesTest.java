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
}
