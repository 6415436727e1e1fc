package org.aaec.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * One mini-batch as arrays of the batch's own manager: the spectrograms {@code x (B, T, F)} and,
 * per head, the cross-entropy target {@code (B, K)} (one-hot rows scaled by the class weight) with
 * the sum of those weights, so that {@code -sum(target · logSoftmax) / weightSum} is the (weighted)
 * mean cross-entropy as PyTorch defines it.
 *
 * @param x spectrograms
 * @param targets weighted one-hot target per head
 * @param weightSums sum of the row weights per head
 * @param size rows in the batch
 * @param audioFrames per row, how many leading frames cover real audio (the rest is zero padding)
 */
public record Batch(NDArray x, List<NDArray> targets, float[] weightSums, int size, int[] audioFrames) {

    /**
     * @return {@code (B, T, 1)}: 1 on frames of real audio, 0 on padding, in the batch's manager
     */
    public NDArray audioMask() {
        int frames = (int) x.getShape().get(1);
        float[] m = new float[size * frames];
        for (int i = 0; i < size; i++) {
            java.util.Arrays.fill(m, i * frames, i * frames + Math.min(frames, audioFrames[i]), 1f);
        }
        return x.getManager().create(m, new Shape(size, frames, 1));
    }

    /**
     * @param generated samples of the batch's shape
     * @return {@code generated} on frames of real audio, this batch's own {@code x} on its padding
     */
    public NDArray withRealPadding(NDArray generated) {
        NDArray mask = audioMask();
        return generated.mul(mask).add(x.mul(mask.neg().add(1f)));
    }

    /**
     * Copies the given clips into arrays of {@code manager}.
     *
     * @param manager owner of the arrays (close it after the step)
     * @param set the clips
     * @param rows which clips
     * @param classWeights weight per class per head, or {@code null} for unweighted
     * @return the batch
     */
    public static Batch of(NDManager manager, ClipSet set, int[] rows, float[][] classWeights) {
        return of(manager, set, rows, classWeights, null, 0);
    }

    /**
     * Copies the given clips into arrays of {@code manager}, each through the augmenter.
     *
     * @param manager owner of the arrays (close it after the step)
     * @param set the training clips
     * @param rows which clips
     * @param classWeights weight per class per head, or {@code null} for unweighted
     * @param augmenter draws augmented inputs, or {@code null} for the clips as they are
     * @param seed seed of this batch's draws (row i uses a seed mixed from it and i)
     * @return the batch
     */
    public static Batch of(NDManager manager, ClipSet set, int[] rows, float[][] classWeights, Augmenter augmenter,
            long seed) {
        int tf = set.frames() * set.bins();
        // Straight into native memory: the engine takes a direct buffer as it is, where a heap buffer
        // would be copied once more (30 MB per step at T = 469, batch 32) and grow the Java heap.
        ByteBuffer bytes = manager.allocateDirect(rows.length * tf * Float.BYTES);
        FloatBuffer buf = bytes.asFloatBuffer();
        for (int i = 0; i < rows.length; i++) {
            buf.put(augmenter == null ? set.features(rows[i]) : augmenter.apply(rows[i], Seeds.mix(seed, 7, i)), 0, tf);
        }
        NDArray x = manager.create(bytes, new Shape(rows.length, set.frames(), set.bins()), DataType.FLOAT32);
        int heads = set.heads().size();
        NDArray[] targets = new NDArray[heads];
        float[] sums = new float[heads];
        for (int h = 0; h < heads; h++) {
            int k = set.heads().get(h).size();
            float[] t = new float[rows.length * k];
            for (int i = 0; i < rows.length; i++) {
                int c = set.label(h, rows[i]);
                float w = classWeights == null ? 1f : classWeights[h][c];
                t[i * k + c] = w;
                sums[h] += w;
            }
            targets[h] = manager.create(t, new Shape(rows.length, k));
        }
        int[] audio = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            audio[i] = set.validFrames(rows[i]);
        }
        return new Batch(x, List.of(targets), sums, rows.length, audio);
    }
}
