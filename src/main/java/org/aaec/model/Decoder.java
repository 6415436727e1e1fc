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
 * The decoder (generator network): a latent vector {@code (B, latent)}, either a code Z of a real
 * clip or a prior sample E, to a spectrogram {@code (B, T, F)} through dense layers whose last one
 * has T·F units (Figure 3).
 */
public final class Decoder extends AbstractBlock {

    private static final byte VERSION = 1;
    private final SequentialBlock dense;
    private final int frames;
    private final int bins;

    /**
     * @param c widths and the output shape
     */
    public Decoder(ModelConfig c) {
        super(VERSION);
        this.frames = c.frames();
        this.bins = c.bins();
        this.dense = addChildBlock("dense", Mlp.relu(c.decoderDense(), Math.multiplyExact(c.frames(), c.bins())));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList flat = dense.forward(ps, inputs, training);     // (B, T*F)
        return new NDList(flat.head().reshape(-1, frames, bins)); // (B, T, F)
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), frames, bins)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        dense.initialize(manager, dataType, inputShapes);
    }
}
