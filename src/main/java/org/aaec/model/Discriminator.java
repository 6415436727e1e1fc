package org.aaec.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The latent discriminator D: a latent vector {@code (B, latent)} to one logit per row that says
 * "drawn from the prior N(0, I)" (E) rather than "encoded from a clip" (Z). Dense layers with
 * LeakyReLU.
 */
public final class Discriminator extends AbstractBlock {

    private static final byte VERSION = 1;
    private final SequentialBlock dense;

    /**
     * @param c widths
     */
    public Discriminator(ModelConfig c) {
        super(VERSION);
        this.dense = addChildBlock("dense", Mlp.leakyRelu(c.discriminatorDense(), 1, (float) c.leakySlope()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(dense.forward(ps, inputs, training).head().reshape(-1)); // (B,)
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        dense.initialize(manager, dataType, inputShapes);
    }
}
