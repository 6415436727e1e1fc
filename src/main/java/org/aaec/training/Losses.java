package org.aaec.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The three losses of Equation 2 on logits. Written out (three NDArray operations each) rather than
 * taken from {@code ai.djl.training.loss} because the classifier's cross-entropy needs per-class
 * weights with PyTorch's weighted-mean normalisation, which DJL's losses do not offer.
 */
final class Losses {

    private Losses() {
    }

    /**
     * Weighted mean cross-entropy: {@code -sum(target · logSoftmax(logits)) / weightSum}.
     *
     * @param logits (B, K)
     * @param target weighted one-hot (B, K)
     * @param weightSum sum of the row weights
     * @return scalar
     */
    static NDArray crossEntropy(NDArray logits, NDArray target, float weightSum) {
        return logits.logSoftmax(1).mul(target).sum().div(-weightSum);
    }

    /**
     * Mean binary cross-entropy of logits against a constant target t ∈ {0, 1}:
     * {@code softplus(l) - t·l}, the numerically stable form of {@code -[t log σ(l) + (1-t) log(1-σ(l))]}.
     *
     * @param logits (B,)
     * @param target 0 or 1
     * @return scalar
     */
    static NDArray binaryCrossEntropy(NDArray logits, float target) {
        NDArray softplus = Activation.softPlus(logits);
        return (target == 0f ? softplus : softplus.sub(logits.mul(target))).mean();
    }

    /**
     * Mean squared error over every element.
     *
     * @param a prediction
     * @param b target
     * @return scalar
     */
    static NDArray meanSquaredError(NDArray a, NDArray b) {
        return a.sub(b).square().mean();
    }

    /**
     * Mean squared error over the frames a mask keeps: {@code sum(mask · (a − b)²) / (sum(mask) · F)}.
     *
     * @param a {@code (B, T, F)}
     * @param b same shape
     * @param mask {@code (B, T, 1)}, 1 for a frame that counts, 0 otherwise
     * @return a scalar
     */
    static NDArray maskedMeanSquaredError(NDArray a, NDArray b, NDArray mask) {
        long bins = a.getShape().get(2);
        return a.sub(b).square().mul(mask).sum().div(mask.sum().mul((float) bins));
    }
}
