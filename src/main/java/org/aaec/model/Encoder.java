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
 * The encoder of the adversarial autoencoder: a spectrogram {@code X (B, T, F)} to its latent code
 * {@code Z (B, latent)}, through a bidirectional GRU's final states and dense layers (Figure 3).
 * The discriminator pushes Z towards the prior N(0, I).
 */
public final class Encoder extends AbstractBlock {

    private static final byte VERSION = 1;
    private final BiGruFinalState rnn;
    private final SequentialBlock dense;
    private final int latent;

    /**
     * @param c widths
     */
    public Encoder(ModelConfig c) {
        super(VERSION);
        this.latent = c.latent();
        this.rnn = addChildBlock("rnn", new BiGruFinalState(c.encoderGru()));
        this.dense = addChildBlock("dense", Mlp.relu(c.encoderDense(), c.latent()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return dense.forward(ps, rnn.forward(ps, inputs, training), training); // (B, latent)
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), latent)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        rnn.initialize(manager, dataType, inputShapes);
        dense.initialize(manager, dataType, rnn.getOutputShapes(inputShapes));
    }
}
