package org.aaec.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Class weights are scikit-learn's "balanced" n / (K · n_c) and reach the cross-entropy target. */
class ClassWeightsTest {

    @Test
    void balancedWeightsAndWeightedTargets() {
        // arousal labels of TinyData.clips(7): i % 3 -> counts {3, 2, 2}; valence (i / 3) % 3 -> {3, 3, 1}
        ClipSet set = TinyData.clips(7, 2, 3, 1);
        assertArrayEquals(new float[] {7f / 9, 7f / 6, 7f / 6}, set.balancedWeights(0), 1e-6f);
        assertArrayEquals(new float[] {7f / 9, 7f / 9, 7f / 3}, set.balancedWeights(1), 1e-6f);
        try (NDManager m = NDManager.newBaseManager()) {
            float[][] w = {set.balancedWeights(0), set.balancedWeights(1)};
            Batch b = Batch.of(m, set, new int[] {0, 6}, w); // valence classes 0 and 2
            assertArrayEquals(new float[] {7f / 9, 0, 0, 0, 0, 7f / 3}, b.targets().get(1).toFloatArray(), 1e-6f);
            assertEquals(7f / 9 + 7f / 3, b.weightSums()[1], 1e-6f);
            Batch plain = Batch.of(m, set, new int[] {0, 6}, null);
            assertEquals(2f, plain.weightSums()[0]);
            assertEquals(List.of(2L, 2L, 3L), List.of(plain.x().getShape().getShape()[0],
                    plain.x().getShape().getShape()[1], plain.x().getShape().getShape()[2]));
        }
    }
}
