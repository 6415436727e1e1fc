package org.aaec.training;

/** Receives progress of a training run (the CLI draws progress bars from it). */
public interface TrainingListener {

    /**
     * An epoch begins.
     *
     * @param label e.g. {@code it 2/4 classifier}
     * @param batches batches it will run
     */
    default void epochStarted(String label, int batches) {
    }

    /**
     * A batch finished.
     *
     * @param losses running means of the epoch's losses so far
     */
    default void batchFinished(java.util.Map<String, Double> losses) {
    }

    /**
     * An epoch finished.
     *
     * @param record what the log gets
     */
    default void epochFinished(EpochRecord record) {
    }

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };
}
