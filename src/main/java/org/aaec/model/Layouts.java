package org.aaec.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Memory layout helpers for the engine's CPU kernels.
 *
 * <p>Why: a transposed view {@code (B, T, C) -> (B, C, T)} has channels-last strides, which sends
 * PyTorch's convolution to oneDNN's channels-last (nwc) kernels. A CI machine (Intel Xeon) produced
 * NaN in the classifier's update with such input on tiny shapes while other CPUs did not; a
 * contiguous copy keeps every CPU on the plain channels-first path at the cost of one copy of the
 * batch.
 */
final class Layouts {

    private Layouts() {
    }

    /**
     * Swaps the last two axes of a 3-D array into a new contiguous array.
     *
     * @param x {@code (B, A, C)}
     * @return {@code (B, C, A)}, contiguous (differentiable: a reshape of a transposed copy)
     */
    static NDArray swapLastAxes(NDArray x) {
        Shape s = x.getShape();
        // flatten() of a transposed view cannot be a view, so the engine copies it in the new order.
        return x.transpose(0, 2, 1).flatten().reshape(s.get(0), s.get(2), s.get(1));
    }
}
