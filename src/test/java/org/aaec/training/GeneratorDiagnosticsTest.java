package org.aaec.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Random;
import org.aaec.testutil.Shared;
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

    private static double[][] matrix(JsonNode rows) {
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[rows.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = rows.get(i).get(j).asDouble();
            }
        }
        return out;
    }

    @Test
    void densityAndCoverageMatchNumpyForAlikeCollapsedAndShiftedSamples() throws Exception {
        JsonNode f = new ObjectMapper().readTree(Shared.fixture("prdc/prdc.json").toFile());
        double[][] real = matrix(f.path("real"));
        for (String name : new String[] {"alike", "collapsed", "shifted"}) {
            JsonNode c = f.path("cases").path(name);
            double[] dc = GeneratorDiagnostics.densityCoverage(real, matrix(c.path("fake")), f.path("k").asInt());
            assertEquals(c.path("density").asDouble(), dc[0], 1e-12, name + " density");
            assertEquals(c.path("coverage").asDouble(), dc[1], 1e-12, name + " coverage");
        }
        // what the three cases mean: a collapsed generator crowds one neighbourhood (density above 1)
        // and covers little; one off the data has neither
        assertTrue(f.path("cases").path("collapsed").path("coverage").asDouble() < 0.3);
        assertEquals(0.0, f.path("cases").path("shifted").path("density").asDouble());
    }

    @Test
    void timeAverageUsesOnlyTheFramesOfRealAudio() {
        // two clips of 3 frames x 2 bins; the second has 2 valid frames (its third is padding)
        float[] x = {1, 2, 3, 4, 5, 6, 10, 20, 30, 40, -99, -99};
        double[][] m = GeneratorDiagnostics.timeAverage(x, new int[] {3, 2}, 3, 2);
        assertEquals(3.0, m[0][0], 1e-12);
        assertEquals(4.0, m[0][1], 1e-12);
        assertEquals(20.0, m[1][0], 1e-12);
        assertEquals(30.0, m[1][1], 1e-12);
    }

    @Test
    void classDiversityComparesEachClassWithItself() {
        // four samples of size 2; class 0 = samples 0, 1; class 1 = samples 2, 3; sample 4 unlabelled
        float[] x = {0, 0, 2, 2, 5, 5, 9, 9, 100, 100};
        // X' of class 0 at half the spread (variance a quarter), class 1 collapsed
        float[] g = {0.5f, 0.5f, 1.5f, 1.5f, 7, 7, 7, 7, 0, 0};
        double[] d = GeneratorDiagnostics.classDiversity(x, g, new int[] {0, 0, 1, 1, -1}, 3, 2);
        assertEquals(0.25, d[0], 1e-12);
        assertEquals(0.0, d[1], 1e-12);
        assertTrue(Double.isNaN(d[2]), "a class without two samples has no diversity");
    }
}
