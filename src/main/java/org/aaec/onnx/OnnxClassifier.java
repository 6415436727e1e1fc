package org.aaec.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An exported classifier ({@link OnnxExporter}) in an ONNX Runtime session: a batch of network
 * inputs in, each head's probabilities out. Sessions are safe to share between threads, but like
 * a DJL predictor each recognizer opens its own, with its own thread count.
 */
public final class OnnxClassifier implements AutoCloseable {

    private final OrtEnvironment env;
    private final OrtSession session;
    private final List<String> heads;
    private final Map<String, String> metadata;
    private final long frames;
    private final long bins;

    private OnnxClassifier(OrtEnvironment env, OrtSession session) throws OrtException {
        this.env = env;
        this.session = session;
        this.heads = new ArrayList<>(session.getOutputNames());
        this.metadata = session.getMetadata().getCustomMetadata();
        if (!session.getInputNames().contains(OnnxExporter.INPUT) || session.getInputNames().size() != 1) {
            throw new IllegalArgumentException("the ONNX graph's inputs are " + session.getInputNames()
                    + ", not the one '" + OnnxExporter.INPUT + "' an aaec classifier takes");
        }
        long[] shape = ((ai.onnxruntime.TensorInfo) session.getInputInfo().get(OnnxExporter.INPUT).getInfo()).getShape();
        if (shape.length != 3 || shape[1] <= 0 || shape[2] <= 0) {
            throw new IllegalArgumentException("the ONNX graph's input '" + OnnxExporter.INPUT + "' has shape "
                    + java.util.Arrays.toString(shape) + ", not [batch, frames, bins]");
        }
        this.frames = shape[1];
        this.bins = shape[2];
    }

    /**
     * @param model a serialised ONNX model
     * @param threads intra-op threads, 0 for ONNX Runtime's default (one per core)
     * @return the session
     * @throws OrtException when ONNX Runtime refuses the graph
     * @throws IllegalArgumentException when the graph's input is not an aaec classifier's
     */
    public static OnnxClassifier open(byte[] model, int threads) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (threads > 0) {
                options.setIntraOpNumThreads(threads);
                options.setInterOpNumThreads(1);
            }
            OrtSession session = env.createSession(model, options);
            try {
                return new OnnxClassifier(env, session);
            } catch (RuntimeException | OrtException e) {
                session.close();
                throw e;
            }
        }
    }

    /** The model's custom metadata (key/value pairs written at export). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The graph's outputs, one per head, in order. */
    public List<String> heads() {
        return heads;
    }

    /**
     * @param input {@code batch × frames × bins} floats, row-major
     * @param batch how many inputs
     * @return per head (in {@link #heads()} order) and input, the class probabilities
     * @throws OrtException when the run fails
     */
    public float[][][] probabilities(float[] input, int batch) throws OrtException {
        if (input.length != batch * frames * bins) {
            throw new IllegalArgumentException(input.length + " floats are not " + batch + " × " + frames + " × " + bins);
        }
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {batch, frames, bins});
                OrtSession.Result out = session.run(Map.of(OnnxExporter.INPUT, x))) {
            float[][][] p = new float[heads.size()][][];
            for (int h = 0; h < p.length; h++) {
                OnnxValue v = out.get(heads.get(h)).orElseThrow();
                p[h] = (float[][]) v.getValue();
            }
            return p;
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the ONNX Runtime session: " + e.getMessage(), e);
        }
    }
}
