package org.aaec.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * The random streams of a run, derived from its seed on the Java side so that they do not depend
 * on the engine: the shuffling of every epoch and the prior samples E of every batch come from
 * generators seeded by (seed, epoch, batch), so a resumed run draws exactly what an uninterrupted
 * one would.
 */
final class Seeds {

    private Seeds() {
    }

    /**
     * @param seed run seed
     * @param epoch epoch index (or another stream number)
     * @param batch batch index (or -1 for the epoch's own stream)
     * @return a well-mixed seed for that position
     */
    static long mix(long seed, long epoch, long batch) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h ^= (epoch + 1) * 0xC2B2AE3D27D4EB4FL;
        h ^= (batch + 2) * 0x165667B19E3779F9L;
        return h ^ (h >>> 31);
    }

    /**
     * @param n size
     * @param r generator
     * @return a Fisher-Yates permutation of 0..n-1
     */
    static int[] permutation(int n, Random r) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * E ~ N(0, I), drawn on the Java side so that a seed fixes it independent of the engine.
     *
     * @param m manager of the array
     * @param rows batch size
     * @param latent width of E
     * @param seed seed of this draw
     * @return rows × latent
     */
    static NDArray prior(NDManager m, int rows, int latent, long seed) {
        Random r = new Random(seed);
        float[] e = new float[rows * latent];
        for (int i = 0; i < e.length; i++) {
            e[i] = (float) r.nextGaussian();
        }
        return m.create(e, new Shape(rows, latent));
    }
}
