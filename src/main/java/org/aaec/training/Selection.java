package org.aaec.training;

import ai.djl.nn.Block;
import java.util.List;
import org.aaec.evaluation.HeadMetrics;
import org.aaec.evaluation.Metrics;

/**
 * Model selection on the validation split: the classifier weights with the best mean Combined so
 * far, with the epoch and scores they had. Part of every checkpoint.
 */
final class Selection {

    private double bestScore = Double.NEGATIVE_INFINITY;
    private int bestEpoch = -1;
    private byte[] bestClassifier;
    private List<HeadMetrics> bestValidation = List.of();

    /**
     * Keeps the classifier when its validation score beats the best so far.
     *
     * @param epoch the epoch just validated
     * @param heads its validation scores
     * @param classifier the classifier as it is now
     * @return whether it is the new best
     */
    boolean offer(int epoch, List<HeadMetrics> heads, Block classifier) {
        double overall = Metrics.overall(heads);
        if (overall <= bestScore) {
            return false;
        }
        bestScore = overall;
        bestEpoch = epoch;
        bestValidation = heads;
        bestClassifier = Weights.save(classifier);
        return true;
    }

    /** Epoch of the kept weights, -1 before any validation. */
    int bestEpoch() {
        return bestEpoch;
    }

    /** Mean Combined of the kept weights on validation. */
    double bestScore() {
        return bestScore;
    }

    /** Validation scores of the kept weights. */
    List<HeadMetrics> bestValidation() {
        return bestValidation;
    }

    /** The kept classifier's parameters, or {@code null} before any validation. */
    byte[] bestClassifier() {
        return bestClassifier;
    }

    /** Restores the state a checkpoint recorded. */
    void restore(int epoch, double score, List<HeadMetrics> validation, byte[] classifier) {
        bestEpoch = epoch;
        bestScore = score;
        bestValidation = validation;
        bestClassifier = classifier;
    }
}
