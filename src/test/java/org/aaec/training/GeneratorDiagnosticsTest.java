package org.aaec.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** R², diversity and accuracy on X' as their definitions give them, on tiny hand-made samples. */
class GeneratorDiagnosticsTest {

    private static final int N = 4;
    private static final int T = 3;
    private static final int F = 2;

    private static float[] random(long seed) {
        Random r = new Random(seed);
        float[] x = new float[N * T * F];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    @Test
    void perfectReconstructionAndCopiesOfTheRealSamples() {
        float[] x = random(1);
        Map<String, Double> d = GeneratorDiagnostics.measure(x, x.clone(), x.clone(), new int[] {3, 3, 3, 3}, T, F);
        assertEquals(1.0, d.get("reconstructionR2"), 1e-12);
        assertEquals(1.0, d.get("diversity"), 1e-12);
    }

    @Test
    void collapseToOneSampleHasNoDiversityAndTheMeanReconstructsWithR2Zero() {
        float[] x = random(2);
        int[] valid = {3, 3, 3, 3};
        // every X' the same sample: diversity 0
        float[] collapsed = new float[x.length];
        for (int i = 0; i < N; i++) {
            System.arraycopy(x, 0, collapsed, i * T * F, T * F);
        }
        // reconstruction = each bin's mean over all frames of all clips: R² = 0 by definition
        double[] mean = new double[F];
        for (int j = 0; j < x.length; j++) {
            mean[j % F] += x[j] / (double) (N * T);
        }
        float[] binMean = new float[x.length];
        for (int j = 0; j < x.length; j++) {
            binMean[j] = (float) mean[j % F];
        }
        Map<String, Double> d = GeneratorDiagnostics.measure(x, binMean, collapsed, valid, T, F);
        assertEquals(0.0, d.get("reconstructionR2"), 1e-6);
        assertEquals(0.0, d.get("diversity"), 1e-12);
    }

    @Test
    void r2FollowsItsFormulaOverRealFramesOnlyAndDiversityScalesWithTheSquare() {
        float[] x = random(3);
        float[] noisy = x.clone();
        float[] half = x.clone();
        Random r = new Random(4);
        int[] valid = {3, 2, 1, 3};
        for (int j = 0; j < x.length; j++) {
            noisy[j] += (float) (0.5 * r.nextGaussian());
            half[j] *= 0.5f;
        }
        // padding frames get a huge error that must not count
        for (int i = 0; i < N; i++) {
            for (int t = valid[i]; t < T; t++) {
                for (int f = 0; f < F; f++) {
                    noisy[(i * T + t) * F + f] = 1e6f;
                }
            }
        }
        // by hand: MSE over real frames, variance per bin about its own mean over real frames
        double sse = 0;
        int frames = 0;
        double[] s = new double[F];
        double[] sq = new double[F];
        for (int i = 0; i < N; i++) {
            for (int t = 0; t < valid[i]; t++) {
                frames++;
                for (int f = 0; f < F; f++) {
                    int j = (i * T + t) * F + f;
                    sse += (noisy[j] - x[j]) * (double) (noisy[j] - x[j]);
                    s[f] += x[j];
                    sq[f] += x[j] * (double) x[j];
                }
            }
        }
        double var = 0;
        for (int f = 0; f < F; f++) {
            var += sq[f] / frames - (s[f] / frames) * (s[f] / frames);
        }
        double expected = 1 - (sse / (frames * F)) / (var / F);
        Map<String, Double> d = GeneratorDiagnostics.measure(x, noisy, half, valid, T, F);
        assertEquals(expected, d.get("reconstructionR2"), 1e-6);
        assertTrue(expected > 0 && expected < 1, "a partial reconstruction: " + expected);
        assertEquals(0.25, d.get("diversity"), 1e-9, "X' = X / 2 has a quarter of X's variance");
    }

    @Test
    void accuracyCountsLabelledSamplesOnly() {
        assertEquals(200.0 / 3, GeneratorDiagnostics.accuracy(new int[] {0, 1, 2, 2}, new int[] {0, 2, -1, 2}), 1e-9);
        assertTrue(Double.isNaN(GeneratorDiagnostics.accuracy(new int[] {1}, new int[] {-1})));
    }
}
