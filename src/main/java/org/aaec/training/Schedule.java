package org.aaec.training;

import java.util.Locale;

/**
 * How long each phase of Algorithm 1 runs. An "epoch" is one pass over the training split, or
 * {@code maxBatchesPerEpoch} batches when that is positive.
 *
 * @param preset the preset these values started from ({@code default} or {@code paper})
 * @param iterations I, outer iterations
 * @param k1 epochs of encoder + discriminator per iteration
 * @param k2 epochs of decoder per iteration
 * @param k3 epochs of classifier per iteration (the classifier-only and AAE+C configurations train
 *     the classifier for I·K3 epochs, validating every K3)
 * @param fineTuneEpochs epochs of the final SGD fine-tune
 * @param batchSize clips per batch
 * @param maxBatchesPerEpoch cap on batches per epoch, 0 for none
 * @param checkpointEvery write a checkpoint after every this many epochs (and at the end)
 */
public record Schedule(String preset, int iterations, int k1, int k2, int k3, int fineTuneEpochs, int batchSize,
        int maxBatchesPerEpoch, int checkpointEvery) {

    /** Checks the invariants. */
    public Schedule {
        if (iterations < 1 || k1 < 0 || k2 < 0 || k3 < 1 || fineTuneEpochs < 0 || batchSize < 1
                || maxBatchesPerEpoch < 0 || checkpointEvery < 1) {
            throw new IllegalArgumentException("schedule: iterations, k3, batchSize and checkpointEvery must be >= 1, "
                    + "the others >= 0; got " + this);
        }
    }

    /**
     * @param name {@code default} (minutes on a 2-core CPU for a corpus of about a thousand
     *     4-second clips) or {@code paper} (I=500, K1=10, K2=20, K3=20)
     * @return the preset
     */
    public static Schedule preset(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "default" -> new Schedule("default", 10, 1, 1, 2, 3, 32, 0, 1);
            case "paper" -> new Schedule("paper", 500, 10, 20, 20, 20, 32, 0, 10);
            case "smoke" -> new Schedule("smoke", 1, 1, 1, 1, 1, 4, 2, 1);
            default -> throw new IllegalArgumentException("unknown schedule preset '" + name
                    + "' (use default, paper or smoke)");
        };
    }
}
