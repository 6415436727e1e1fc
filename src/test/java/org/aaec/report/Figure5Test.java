package org.aaec.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.aaec.features.NpyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figure 5 as the paper draws it: iterations coloured early to late, one PCA and one set of axes for all. */
class Figure5Test {

    @Test
    void iterationsFallIntoAtMostFiveContiguousStepsInOrder() {
        for (int n = 1; n <= 23; n++) {
            List<int[]> steps = Figure5.steps(n);
            assertEquals(Math.min(5, n), steps.size());
            int next = 0;
            for (int[] s : steps) {
                assertEquals(next, s[0], "steps are contiguous for n=" + n);
                assertTrue(s[1] >= s[0]);
                next = s[1] + 1;
            }
            assertEquals(n, next, "every iteration is in a step for n=" + n);
        }
        assertEquals(List.of(0, 1), List.of(Figure5.steps(10).get(0)[0], Figure5.steps(10).get(0)[1]));
        // light to dark: the sum of the channels falls step by step
        int previous = Integer.MAX_VALUE;
        for (int g = 0; g < 5; g++) {
            java.awt.Color c = Figure5.shade(g, 5);
            int sum = c.getRed() + c.getGreen() + c.getBlue();
            assertTrue(sum < previous, "step " + g + " is darker than the one before");
            previous = sum;
        }
    }

    @Test
    void axesHoldEveryPointWithAMargin() {
        double[] l = Figure5.limits(List.of(new double[][] {{0, 0}, {10, -2}}, new double[][] {{-5, 4}}));
        assertEquals(-5 - 0.75, l[0], 1e-12);
        assertEquals(10 + 0.75, l[1], 1e-12);
        assertEquals(-2 - 0.3, l[2], 1e-12);
        assertEquals(4 + 0.3, l[3], 1e-12);
    }

    private static void npy(Path file, double[][] rows) throws Exception {
        Files.createDirectories(file.getParent());
        int d = rows[0].length;
        float[] data = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < d; j++) {
                data[i * d + j] = (float) rows[i][j];
            }
        }
        NpyFile.writeFloat32(file, data, rows.length, d);
    }

    private static double[][] cloud(Random r, int n, double shift) {
        double[][] x = new double[n][4];
        for (double[] row : x) {
            for (int j = 0; j < 4; j++) {
                row[j] = r.nextGaussian() * (4 - j) + shift;
            }
        }
        return x;
    }

    private static RunRecord run(Path dir, String variant, long seed, int... iterations) throws Exception {
        Random r = new Random(seed);
        Path d = dir.resolve(variant + "-" + seed);
        npy(d.resolve("real-train.npy"), cloud(new Random(seed), 30, 0));
        npy(d.resolve("real-test.npy"), cloud(new Random(seed + 100), 10, 0));
        for (int i : iterations) {
            npy(d.resolve(String.format("generated/iteration-%04d.npy", i)), cloud(r, 8, 3.0 / i));
        }
        return new RunRecord(variant, seed, RunRecord.NO_FOLD, d, null, 1, List.of(), List.of(), List.of(), null, Map.of());
    }

    @Test
    void everyConfigurationIsDrawnFromOneSeedAndMissingIterationsAreSaid(@TempDir Path dir) throws Exception {
        List<RunRecord> runs = new ArrayList<>();
        runs.add(run(dir, "aaec", 42, 1, 2, 3, 4));
        runs.add(run(dir, "aaec", 43, 1, 2, 3, 4));
        runs.add(run(dir, "aae_c", 43, 3, 4)); // only seed 43, resumed: iterations 1-2 missing
        StringBuilder md = new StringBuilder();
        Path plots = Files.createDirectories(dir.resolve("plots"));
        Figure5.write(md, plots, List.of("aaec", "aae_c", "classifier"),
                v -> runs.stream().filter(x -> x.variant().equals(v)).toList(), v -> v);
        assertTrue(md.toString().contains("seed 43"), "the seed both configurations have: " + md);
        assertTrue(Files.size(plots.resolve("figure5-aaec.png")) > 1000);
        assertTrue(Files.size(plots.resolve("figure5-aae_c.png")) > 1000);
        assertFalse(Files.exists(plots.resolve("figure5-classifier.png")));
        assertTrue(Files.exists(plots.resolve("generated-distance.png")));
        assertTrue(md.toString().contains("aae_c (iterations [3, 4] stored)"), md.toString());
        assertFalse(md.toString().contains("aaec (iterations"), md.toString());
    }
}
