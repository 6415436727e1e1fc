package org.aaec.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * The optimizer of one network: applies its gradients to its parameters and zeroes them. Adam
 * (every phase of Algorithm 1) or plain SGD (the final fine-tune), both through the PyTorch
 * engine's fused update kernels.
 *
 * <p>Hand-rolled around {@code NDArrayEx.adamUpdate} instead of using {@code ai.djl.training.optimizer.Adam}
 * because DJL's optimizers keep their moment estimates private, and a checkpoint must carry them
 * for {@code --resume} to continue exactly where a run stopped.
 */
public final class Updater implements AutoCloseable {

    /** Which update rule. */
    enum Rule {
        ADAM, SGD
    }

    private final Rule rule;
    private final float learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    /** Parameters, not their arrays: loading a checkpoint replaces the arrays. */
    private final List<Parameter> weights = new ArrayList<>();
    private final NDManager stateManager;
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private long steps;
    private long skipped;

    private Updater(Rule rule, Block block, NDManager parent, float learningRate, float beta1, float beta2,
            float epsilon) {
        this.rule = rule;
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.stateManager = parent.newSubManager();
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray w = p.getValue().getArray();
            weights.add(p.getValue());
            if (rule == Rule.ADAM) {
                means.add(stateManager.zeros(w.getShape()));
                variances.add(stateManager.zeros(w.getShape()));
            }
        }
    }

    static Updater adam(Block block, NDManager parent, float learningRate, float beta1, float beta2) {
        return new Updater(Rule.ADAM, block, parent, learningRate, beta1, beta2, 1e-8f);
    }

    static Updater sgd(Block block, NDManager parent, float learningRate) {
        return new Updater(Rule.SGD, block, parent, learningRate, 0, 0, 0);
    }

    /**
     * Applies one update with the gradients accumulated since the last one, then zeroes them. When
     * any gradient holds a NaN or an infinity the update is skipped instead (the gradients are still
     * zeroed), so one bad batch cannot poison the weights or the moment estimates.
     *
     * @return whether the update was applied
     */
    boolean step() {
        long t0 = System.nanoTime();
        try {
            return update();
        } finally {
            NANOS.add(System.nanoTime() - t0);
        }
    }

    /** Wall time spent in every updater's {@link #step} of this process (for the bench's profile). */
    private static final java.util.concurrent.atomic.LongAdder NANOS = new java.util.concurrent.atomic.LongAdder();

    /**
     * @return nanoseconds spent in updates (gradient check and optimizer kernels) since the process started
     */
    public static long nanosSpent() {
        return NANOS.sum();
    }

    private boolean update() {
        if (!gradientsFinite()) {
            for (Parameter p : weights) {
                // DJL has no engine-neutral way to clear a gradient without an update (multiplying a
                // NaN by zero stays NaN), so this uses the PyTorch engine's own call.
                JniUtils.zeroGrad((PtNDArray) p.getArray());
            }
            skipped++;
            return false;
        }
        steps++;
        double correction1 = 1 - Math.pow(beta1, steps);
        double correction2 = 1 - Math.pow(beta2, steps);
        float biasCorrectedRate = (float) (learningRate * Math.sqrt(correction2) / correction1);
        for (int i = 0; i < weights.size(); i++) {
            NDArray w = weights.get(i).getArray();
            try (NDArray grad = w.getGradient()) {
                if (rule == Rule.ADAM) {
                    w.getNDArrayInternal().adamUpdate(new NDList(w, grad, means.get(i), variances.get(i)),
                            new NDList(w), learningRate, biasCorrectedRate, 0f, 1f, -1f, beta1, beta2, epsilon,
                            false, false);
                } else {
                    w.getNDArrayInternal().sgdUpdate(new NDList(w, grad), new NDList(w), learningRate, 0f, 1f,
                            -1f, 0f, false);
                }
            }
        }
        return true;
    }

    /**
     * One scalar sum over every gradient, read once: it is NaN or infinite whenever some gradient
     * is (and also if finite gradients summed past the float range, which would be as unusable).
     */
    private boolean gradientsFinite() {
        try (NDManager scope = stateManager.newSubManager()) {
            NDArray total = null;
            for (Parameter p : weights) {
                NDArray grad = p.getArray().getGradient();
                if (grad == null) {
                    continue;
                }
                grad.attach(scope);
                NDArray sum = grad.sum();
                total = total == null ? sum : total.add(sum);
            }
            return total == null || Float.isFinite(total.getFloat());
        }
    }

    /** Updates skipped so far because of a non-finite gradient. */
    long skipped() {
        return skipped;
    }

    /** Updates applied so far. */
    long steps() {
        return steps;
    }

    /** Moment estimates (Adam) for a checkpoint; the arrays stay owned by this updater. */
    NDList state() {
        NDList s = new NDList();
        s.addAll(means);
        s.addAll(variances);
        return s;
    }

    /**
     * Restores the state of {@link #state()} and the step count.
     *
     * @param state arrays in the order of {@link #state()}
     * @param stepCount updates applied before
     */
    void restore(NDList state, long stepCount) {
        if (state.size() != means.size() + variances.size()) {
            throw new IllegalArgumentException("optimizer state has " + state.size() + " arrays, expected "
                    + (means.size() + variances.size()));
        }
        for (int i = 0; i < means.size(); i++) {
            means.get(i).set(state.get(i).toByteBuffer());
            variances.get(i).set(state.get(means.size() + i).toByteBuffer());
        }
        this.steps = stepCount;
    }

    @Override
    public void close() {
        stateManager.close();
    }
}
