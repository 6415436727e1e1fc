package org.aaec.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The classifier C (Figure 4): Conv1D layers over time with the frequency bins as channels, a
 * bidirectional GRU's final states, then independent heads: the real/fake head C_d (one logit,
 * "this spectrogram is real") and one classification head per label column.
 *
 * <p>Input {@code X (B, T, F)}; output {@code [realFake (B), logits of head 1 (B, K1), ...]} in
 * the order of {@link ModelConfig#heads()}.
 */
public final class Classifier extends AbstractBlock {

    private static final byte VERSION = 1;
    private final SequentialBlock conv;
    private final BiGruFinalState rnn;
    private final SequentialBlock realFake;
    private final List<SequentialBlock> heads = new ArrayList<>();
    private final int filters;

    /**
     * @param c widths and heads
     */
    public Classifier(ModelConfig c) {
        super(VERSION);
        SequentialBlock layers = new SequentialBlock();
        for (int i = 0; i < c.convFilters().size(); i++) {
            int k = c.convKernels().get(i);
            layers.add(Conv1d.builder().setFilters(c.convFilters().get(i)).setKernelShape(new Shape(k))
                    .optPadding(new Shape(k / 2)).build());
            layers.add(Activation.reluBlock());
        }
        this.filters = c.convFilters().get(c.convFilters().size() - 1);
        this.conv = addChildBlock("conv", layers);
        this.rnn = addChildBlock("rnn", new BiGruFinalState(c.classifierGru()));
        this.realFake = addChildBlock("head_real_fake", Mlp.relu(c.headDense(), 1));
        for (HeadSpec h : c.heads()) {
            heads.add(addChildBlock("head_" + h.name(), Mlp.relu(c.headDense(), h.size())));
        }
    }

    /**
     * How many parameters the classifier of {@code c} has, counted from the widths alone, without
     * building it: a model file's description can be checked against the size of its weights before
     * anything is allocated.
     *
     * @param c widths and heads
     * @return the number of floats in the classifier's parameters
     */
    public static long parameterCount(ModelConfig c) {
        long n = 0;
        long in = c.bins();
        for (int i = 0; i < c.convFilters().size(); i++) {
            long out = c.convFilters().get(i);
            n = add(n, add(mul(mul(in, out), c.convKernels().get(i)), out)); // Conv1d weight (out, in, k) and bias
            in = out;
        }
        long h = c.classifierGru();
        // two directions of w_ih (3H, in), w_hh (3H, H), b_ih and b_hh (3H)
        n = add(n, mul(2, add(mul(3 * h, in), add(mul(3 * h, h), 6 * h))));
        n = add(n, mlpCount(2 * h, c.headDense(), 1));
        for (HeadSpec head : c.heads()) {
            n = add(n, mlpCount(2 * h, c.headDense(), head.size()));
        }
        return n;
    }

    private static long mlpCount(long in, List<Integer> hidden, long out) {
        long n = 0;
        for (int w : hidden) {
            n = add(n, add(mul(in, w), w));
            in = w;
        }
        return add(n, add(mul(in, out), out));
    }

    /** Exact arithmetic: widths from an untrusted file must not wrap around to a small count. */
    private static long mul(long a, long b) {
        return Math.multiplyExact(a, b);
    }

    private static long add(long a, long b) {
        return Math.addExact(a, b);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = Layouts.swapLastAxes(inputs.head());                             // (B, F, T)
        NDArray h = Layouts.swapLastAxes(conv.forward(ps, new NDList(x), training).head()); // (B, T, filters)
        NDList summary = rnn.forward(ps, new NDList(h), training);                   // (B, 2H)
        NDList out = new NDList(heads.size() + 1);
        out.add(realFake.forward(ps, summary, training).head().reshape(-1));         // (B,)
        for (SequentialBlock head : heads) {
            out.add(head.forward(ps, summary, training).head());                     // (B, K)
        }
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        Shape summary = rnn.getOutputShapes(new Shape[] {new Shape(b, inputShapes[0].get(1), filters)})[0];
        Shape[] out = new Shape[heads.size() + 1];
        out[0] = new Shape(b);
        for (int i = 0; i < heads.size(); i++) {
            out[i + 1] = heads.get(i).getOutputShapes(new Shape[] {summary})[0];
        }
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];                               // (B, T, F)
        Shape channelsFirst = new Shape(in.get(0), in.get(2), in.get(1));
        conv.initialize(manager, dataType, channelsFirst);
        Shape convOut = conv.getOutputShapes(new Shape[] {channelsFirst})[0]; // (B, filters, T)
        Shape seq = new Shape(convOut.get(0), convOut.get(2), convOut.get(1));
        rnn.initialize(manager, dataType, seq);
        Shape summary = rnn.getOutputShapes(new Shape[] {seq})[0];
        realFake.initialize(manager, dataType, summary);
        for (SequentialBlock head : heads) {
            head.initialize(manager, dataType, summary);
        }
    }
}
