package org.aaec.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A bidirectional GRU over time that summarises a sequence by the final hidden states of both
 * directions, concatenated: {@code (B, T, C) -> (B, 2H)}. Both the encoder and the classifier end
 * their time processing this way (Figures 3 and 4).
 *
 * <p>Written by hand instead of using {@code ai.djl.nn.recurrent.GRU}: DJL 0.36 orders a
 * bidirectional GRU's parameters as all weights then all biases, while PyTorch's fused GRU expects
 * {@code w_ih, w_hh, b_ih, b_hh} per direction, so DJL's block fails on the PyTorch engine with a
 * shape error. This block keeps its parameters in PyTorch's order and calls the same fused kernel.
 */
public final class BiGruFinalState extends AbstractBlock {

    private static final byte VERSION = 1;
    private static final int GATES = 3;
    private final int units;
    /** PyTorch order: per direction (forward, then reverse) w_ih, w_hh, b_ih, b_hh. */
    private final List<Parameter> ordered = new ArrayList<>();

    /**
     * @param units hidden units per direction
     */
    public BiGruFinalState(int units) {
        super(VERSION);
        this.units = units;
        for (String dir : new String[] {"forward", "reverse"}) {
            ordered.add(addParameter(param(dir + "_w_ih", Parameter.Type.WEIGHT)));
            ordered.add(addParameter(param(dir + "_w_hh", Parameter.Type.WEIGHT)));
            ordered.add(addParameter(param(dir + "_b_ih", Parameter.Type.BIAS)));
            ordered.add(addParameter(param(dir + "_b_hh", Parameter.Type.BIAS)));
        }
    }

    private static Parameter param(String name, Parameter.Type type) {
        return Parameter.builder().setName(name).setType(type).build();
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        long in = inputShapes[0].get(2);
        for (Parameter p : ordered) {
            String n = p.getName();
            if (n.endsWith("w_ih")) {
                p.setShape(new Shape(GATES * units, in));
            } else if (n.endsWith("w_hh")) {
                p.setShape(new Shape(GATES * units, units));
            } else {
                p.setShape(new Shape(GATES * units));
            }
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.head();                                               // (B, T, C)
        NDList weights = new NDList(ordered.size());
        for (Parameter p : ordered) {
            weights.add(ps.getValue(p, x.getDevice(), training));
        }
        NDArray h0 = x.getManager().zeros(new Shape(2, x.getShape().get(0), units));
        NDList out = x.getNDArrayInternal().gru(x, h0, weights, true, 1, 0, training, true, true);
        NDArray state = out.get(1);                                              // (2, B, H)
        return new NDList(state.get(0).concat(state.get(1), 1));                 // (B, 2H)
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 2L * units)};
    }
}
