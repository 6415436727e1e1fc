package org.aaec.training;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A block's parameters as bytes in DJL's format, and back: for checkpoints, model selection and model files. */
public final class Weights {

    private Weights() {
    }

    /**
     * @param block an initialised block
     * @return its parameters
     */
    public static byte[] save(Block block) {
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            block.saveParameters(new DataOutputStream(buf));
            return buf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads parameters (DJL replaces each parameter's array) and frees the arrays they replace.
     *
     * @param block the block
     * @param bytes what {@link #save} wrote for a block of the same shape
     * @param manager manager of the new arrays
     */
    static void load(Block block, byte[] bytes, NDManager manager) {
        List<NDArray> old = new ArrayList<>();
        block.getParameters().forEach(p -> old.add(p.getValue().getArray()));
        try {
            block.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes)));
            old.forEach(NDArray::close);
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException("cannot restore " + block.getClass().getSimpleName(), e);
        }
    }
}
