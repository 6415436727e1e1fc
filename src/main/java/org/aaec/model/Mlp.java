package org.aaec.model;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.List;

/** Stacks of dense layers with an activation between them; the last layer is linear (logits). */
final class Mlp {

    private Mlp() {
    }

    /**
     * Dense layers of the given hidden widths with ReLU after each, then a linear output layer.
     *
     * @param hidden hidden widths
     * @param out output width
     * @return the block
     */
    static SequentialBlock relu(List<Integer> hidden, int out) {
        return build(hidden, out, Float.NaN);
    }

    /**
     * As {@link #relu} with LeakyReLU of the given slope instead.
     *
     * @param hidden hidden widths
     * @param out output width
     * @param slope negative slope
     * @return the block
     */
    static SequentialBlock leakyRelu(List<Integer> hidden, int out, float slope) {
        return build(hidden, out, slope);
    }

    private static SequentialBlock build(List<Integer> hidden, int out, float slope) {
        SequentialBlock b = new SequentialBlock();
        for (int width : hidden) {
            b.add(Linear.builder().setUnits(width).build());
            b.add(Float.isNaN(slope) ? Activation.reluBlock() : Activation.leakyReluBlock(slope));
        }
        b.add(Linear.builder().setUnits(out).build());
        return b;
    }
}
