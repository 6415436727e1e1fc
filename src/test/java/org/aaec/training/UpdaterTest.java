package org.aaec.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** Adam against its formula; a non-finite gradient is skipped untouched, and a run of them stops training. */
class UpdaterTest {

    /** y = x · w with w = (1, 2); the gradient of sum(y) is x. */
    private static Linear block(NDManager m) {
        Linear b = Linear.builder().setUnits(1).optBias(false).build();
        b.initialize(m, DataType.FLOAT32, new Shape(1, 2));
        NDArray w = b.getParameters().get(0).getValue().getArray();
        w.set(new float[] {1f, 2f});
        return b;
    }

    private static void backward(NDManager m, Linear b, float... x) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = b.forward(new ParameterStore(m, false), new NDList(m.create(x, new Shape(1, 2))), true)
                    .head();
            gc.backward(y.sum());
        }
    }

    private static float[] weights(Linear b) {
        return b.getParameters().get(0).getValue().getArray().toFloatArray();
    }

    @Test
    void firstAdamStepMovesEachWeightByTheLearningRateAgainstTheGradientSign() {
        try (NDManager m = NDManager.newBaseManager()) {
            Linear b = block(m);
            try (Updater adam = Updater.adam(b, m, 0.1f, 0.5f, 0.999f)) {
                backward(m, b, 3f, -0.5f);
                assertTrue(adam.step());
                // bias-corrected m = g and v = g², so the step is lr · g / (|g| + eps) = lr · sign(g).
                assertArrayEquals(new float[] {0.9f, 2.1f}, weights(b), 1e-6f);
            }
        }
    }

    @Test
    void nonFiniteGradientIsSkippedAndCleared() {
        try (NDManager m = NDManager.newBaseManager()) {
            Linear b = block(m);
            try (Updater adam = Updater.adam(b, m, 0.1f, 0.5f, 0.999f)) {
                backward(m, b, Float.NaN, 1f);
                assertFalse(adam.step(), "a NaN gradient must not be applied");
                assertArrayEquals(new float[] {1f, 2f}, weights(b), 0f);
                assertEquals(1, adam.skipped());
                assertEquals(0, adam.steps());
                NDArray w = b.getParameters().get(0).getValue().getArray();
                assertArrayEquals(new float[] {0f, 0f}, w.getGradient().toFloatArray(), 0f);
                for (NDArray moment : adam.state()) {
                    assertArrayEquals(new float[] {0f, 0f}, moment.toFloatArray(), 0f);
                }
                // The next finite batch updates as if the bad one had never happened.
                backward(m, b, 3f, -0.5f);
                assertTrue(adam.step());
                assertArrayEquals(new float[] {0.9f, 2.1f}, weights(b), 1e-6f);
            }
        }
    }

    @Test
    void anEpochWhoseEveryUpdateIsNonFiniteStopsTheRunWithAClearError() throws Exception {
        ClipSet good = TinyData.clips(6, 5, 11, 1);
        float[][] features = new float[good.size()][];
        for (int i = 0; i < features.length; i++) {
            features[i] = good.features(i).clone();
            features[i][0] = Float.NaN;
        }
        int[][] labels = new int[good.heads().size()][good.size()];
        for (int h = 0; h < labels.length; h++) {
            for (int i = 0; i < good.size(); i++) {
                labels[h][i] = good.label(h, i);
            }
        }
        ClipSet poisoned = new ClipSet(good.ids(), features, labels, good.heads(), 5, 11);
        try (NDManager root = NDManager.newBaseManager();
                AaecTrainer t = new AaecTrainer(TinyData.config(Variant.CLASSIFIER, Schedule.preset("smoke")),
                        TinyData.model(5, 11), poisoned, good, root)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> t.fit(TrainingListener.NONE, r -> { }, null, 1));
            assertTrue(e.getMessage().contains("non-finite"), e.getMessage());
        }
    }
}
