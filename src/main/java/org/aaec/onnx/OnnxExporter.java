package org.aaec.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aaec.model.Classifier;
import org.aaec.model.HeadSpec;
import org.aaec.model.ModelConfig;

/**
 * Writes a loaded {@link Classifier} as an ONNX model: the network input {@code features
 * [batch, T, F]} (the standardised spectrogram the classifier reads) in, one output per label head
 * out, named after the head, holding softmax probabilities {@code [batch, K]}. The real/fake head
 * C_d is training machinery and is left out.
 *
 * <p>The graph, read top to bottom, is the classifier's forward pass: transpose to channels first,
 * Conv + Relu per layer, transpose to time first, a bidirectional GRU whose two final states are
 * concatenated, then per head Gemm + Relu layers, a last Gemm and Softmax.
 *
 * <p>The recurrent layer is where the two formats differ: PyTorch stacks a GRU's gates as reset,
 * update, new (r, z, n) and ONNX as update, reset, hidden (z, r, h), so the rows of every weight
 * and bias are reordered; PyTorch applies the reset gate to the hidden state after its linear step,
 * which is ONNX's {@code linear_before_reset = 1}; ONNX takes both bias vectors of a direction as
 * one row {@code [Wb, Rb]}.
 *
 * <p>DJL cannot export a model built from Blocks, and no library converts DJL parameters to ONNX;
 * the graph is therefore assembled here from ONNX's protobuf classes (the generated
 * {@code ai.onnx.proto.OnnxMl}), node by node.
 */
public final class OnnxExporter {

    /** The ONNX operator set the graph uses (Softmax over one axis needs 13; GRU and the rest are older). */
    public static final int OPSET = 17;
    /** The IR version that goes with {@link #OPSET}. */
    public static final long IR_VERSION = 8;
    /** Name of the graph's input. */
    public static final String INPUT = "features";

    private final List<NodeProto> nodes = new ArrayList<>();
    private final List<TensorProto> initializers = new ArrayList<>();
    private int counter;

    private OnnxExporter() {
    }

    /**
     * @param config the classifier's widths and heads
     * @param classifier the classifier with its trained parameters
     * @param metadata key/value pairs stored in the model (the model's description)
     * @return the serialised ONNX model
     * @throws IllegalArgumentException when the classifier's parameters are not those {@code config}
     *     describes (a malformed or non-classifier model), naming the first that differs
     */
    public static byte[] export(ModelConfig config, Classifier classifier, Map<String, String> metadata) {
        for (HeadSpec h : config.heads()) {
            if (h.name().equals(INPUT)) {
                throw new IllegalArgumentException("a head named '" + INPUT + "' would clash with the graph's input");
            }
        }
        OnnxExporter e = new OnnxExporter();
        return e.build(config, e.new Weights(classifier), metadata).toByteArray();
    }

    private ModelProto build(ModelConfig c, Weights w, Map<String, String> metadata) {
        String x = node("Transpose", List.of(INPUT), ints("perm", 0, 2, 1));            // (B, F, T)
        long in = c.bins();
        for (int i = 0; i < c.convFilters().size(); i++) {
            long out = c.convFilters().get(i);
            long k = c.convKernels().get(i);
            String weight = w.take("conv " + i + " weight", out, in, k);
            String bias = w.take("conv " + i + " bias", out);
            x = node("Conv", List.of(x, weight, bias), ints("kernel_shape", k), ints("pads", k / 2, k / 2));
            x = node("Relu", List.of(x));
            in = out;
        }
        x = node("Transpose", List.of(x), ints("perm", 2, 0, 1));                       // (T, B, C)
        x = gru(x, c.classifierGru(), in, w);                                           // (2, B, H)
        x = node("Transpose", List.of(x), ints("perm", 1, 0, 2));                       // (B, 2, H)
        String summary = node("Reshape", List.of(x, constant(new long[] {-1, 2L * c.classifierGru()})));
        w.skipMlp("real/fake head", 2L * c.classifierGru(), c.headDense(), 1);
        List<ValueInfoProto> outputs = new ArrayList<>();
        for (HeadSpec h : c.heads()) {
            String y = mlp(summary, "head " + h.name(), 2L * c.classifierGru(), c.headDense(), h.size(), w);
            nodes.add(NodeProto.newBuilder().setOpType("Softmax").addInput(y).addOutput(h.name())
                    .setName("softmax_" + h.name()).addAttribute(integer("axis", -1)).build());
            outputs.add(tensor(h.name(), h.size()));
        }
        w.requireDone();
        GraphProto graph = GraphProto.newBuilder().setName("aaec_classifier")
                .addInput(tensor(INPUT, c.frames(), c.bins())).addAllOutput(outputs)
                .addAllNode(nodes).addAllInitializer(initializers).build();
        ModelProto.Builder model = ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("aaec")
                .setDocString("AAEC classifier: standardised spectrogram in, emotion class probabilities per head out")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET)).setGraph(graph);
        metadata.forEach((k, v) -> model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return model.build();
    }

    /** The bidirectional GRU; returns its final states {@code (2, B, H)}, forward then reverse. */
    private String gru(String x, int h, long in, Weights w) {
        float[][] wi = new float[2][];
        float[][] wh = new float[2][];
        float[][] bias = new float[2][];
        for (int d = 0; d < 2; d++) {
            String dir = d == 0 ? "forward" : "reverse";
            wi[d] = zrh(w.floats("GRU " + dir + " w_ih", 3L * h, in), h, in);
            wh[d] = zrh(w.floats("GRU " + dir + " w_hh", 3L * h, h), h, h);
            float[] bi = zrh(w.floats("GRU " + dir + " b_ih", 3L * h), h, 1);
            float[] bh = zrh(w.floats("GRU " + dir + " b_hh", 3L * h), h, 1);
            bias[d] = concat(bi, bh);                                                    // [Wb, Rb]
        }
        String weights = initializer(concat(wi[0], wi[1]), 2, 3L * h, in);
        String recurrent = initializer(concat(wh[0], wh[1]), 2, 3L * h, h);
        String b = initializer(concat(bias[0], bias[1]), 2, 6L * h);
        String state = "gru_state";
        nodes.add(NodeProto.newBuilder().setOpType("GRU").setName("gru")
                .addAllInput(List.of(x, weights, recurrent, b)).addOutput("").addOutput(state)
                .addAttribute(integer("hidden_size", h)).addAttribute(string("direction", "bidirectional"))
                .addAttribute(integer("linear_before_reset", 1)).build());
        return state;
    }

    /** PyTorch's gate blocks (r, z, n) of {@code rows × cols} each, in ONNX's order (z, r, h). */
    static float[] zrh(float[] rzn, int h, long cols) {
        int block = (int) (h * cols);
        float[] out = new float[rzn.length];
        System.arraycopy(rzn, block, out, 0, block);          // z
        System.arraycopy(rzn, 0, out, block, block);          // r
        System.arraycopy(rzn, 2 * block, out, 2 * block, block); // n = h
        return out;
    }

    /** Dense layers with ReLU between them, the last linear; returns the logits. */
    private String mlp(String x, String what, long in, List<Integer> hidden, long out, Weights w) {
        for (int i = 0; i <= hidden.size(); i++) {
            long width = i < hidden.size() ? hidden.get(i) : out;
            String weight = w.take(what + " layer " + i + " weight", width, in);
            String bias = w.take(what + " layer " + i + " bias", width);
            x = node("Gemm", List.of(x, weight, bias), integer("transB", 1));
            if (i < hidden.size()) {
                x = node("Relu", List.of(x));
            }
            in = width;
        }
        return x;
    }

    /** Adds a node with one output, named after the operator and a counter; returns that name. */
    private String node(String op, List<String> inputs, AttributeProto... attributes) {
        String out = op.toLowerCase(Locale.ROOT) + "_" + counter++;
        nodes.add(NodeProto.newBuilder().setOpType(op).setName(out).addAllInput(inputs).addOutput(out)
                .addAllAttribute(List.of(attributes)).build());
        return out;
    }

    private static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    private static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    private static AttributeProto string(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    private String initializer(float[] values, long... dims) {
        String name = "w" + initializers.size();
        TensorProto.Builder t = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber());
        for (long d : dims) {
            t.addDims(d);
        }
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN); // ONNX's raw_data
        raw.asFloatBuffer().put(values);
        initializers.add(t.setRawData(ByteString.copyFrom(raw)).build());
        return name;
    }

    private String constant(long[] values) {
        String name = "c" + initializers.size();
        TensorProto.Builder t = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.INT64.getNumber()).addDims(values.length);
        for (long v : values) {
            t.addInt64Data(v);
        }
        initializers.add(t.build());
        return name;
    }

    /** A float tensor's type with a symbolic batch dimension first. */
    private static ValueInfoProto tensor(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber())
                        .setShape(shape))).build();
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * The classifier's parameters in the order DJL keeps them (convolutions, GRU, real/fake head,
     * label heads), each taken with the shape the widths say it has.
     */
    private final class Weights {
        private final Iterator<Pair<String, Parameter>> it;

        Weights(Classifier classifier) {
            this.it = classifier.getParameters().iterator();
        }

        float[] floats(String what, long... shape) {
            if (!it.hasNext()) {
                throw new IllegalArgumentException("the classifier has no parameter for " + what);
            }
            Pair<String, Parameter> p = it.next();
            if (!p.getValue().isInitialized()) {
                throw new IllegalArgumentException("parameter " + p.getKey() + " (" + what + ") has no value");
            }
            NDArray a = p.getValue().getArray();
            if (!a.getShape().equals(new Shape(shape))) {
                throw new IllegalArgumentException("parameter " + p.getKey() + " (" + what + ") is " + a.getShape()
                        + ", the widths make " + new Shape(shape) + ": not the classifier this description builds");
            }
            return a.toFloatArray();
        }

        String take(String what, long... shape) {
            return initializer(floats(what, shape), shape);
        }

        void skipMlp(String what, long in, List<Integer> hidden, long out) {
            for (int i = 0; i <= hidden.size(); i++) {
                long width = i < hidden.size() ? hidden.get(i) : out;
                floats(what + " layer " + i + " weight", width, in);
                floats(what + " layer " + i + " bias", width);
                in = width;
            }
        }

        void requireDone() {
            if (it.hasNext()) {
                throw new IllegalArgumentException("the classifier has more parameters than its widths describe ("
                        + it.next().getKey() + ")");
            }
        }
    }
}
