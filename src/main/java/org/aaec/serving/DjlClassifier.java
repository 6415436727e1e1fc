package org.aaec.serving;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aaec.model.Classifier;
import org.aaec.model.ModelConfig;

/**
 * The classifier of a model file on DJL's PyTorch engine: its weights loaded into a
 * {@link Classifier} block, checked against the widths the description gives, behind a DJL
 * {@link Predictor} whose context manager holds every array of a batch.
 */
final class DjlClassifier implements ClassifierRuntime {

    /** A batch as the translator receives it. */
    private record Batch(float[] data, int size) {
    }

    private final Model model;
    private final Classifier classifier;
    private final Predictor<Batch, float[][][]> predictor;

    /**
     * @param contents a model file's contents
     * @param origin the model's name for messages
     * @throws IOException naming {@code origin} when the weights do not fit the description
     */
    DjlClassifier(ModelFile.Contents contents, String origin) throws IOException {
        ModelConfig config = contents.info().model();
        this.model = Model.newInstance("aaec-" + contents.info().variant());
        try {
            this.classifier = new Classifier(config);
            classifier.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, config.frames(), config.bins()));
            Map<String, Shape> built = new LinkedHashMap<>();
            classifier.getParameters().forEach(p -> built.put(p.getKey(), p.getValue().getArray().getShape()));
            classifier.loadParameters(model.getNDManager(),
                    new DataInputStream(new ByteArrayInputStream(contents.weights().get("classifier"))));
            // DJL takes a stored array's shape as it is: a description one unit off would load and
            // predict garbage, so every array must have the shape the description builds
            for (var p : classifier.getParameters()) {
                Shape stored = p.getValue().getArray().getShape();
                if (!stored.equals(built.get(p.getKey()))) {
                    throw new MalformedModelException("parameter " + p.getKey() + " is " + stored
                            + " in the weights but " + built.get(p.getKey()) + " in model.json's widths");
                }
            }
            model.setBlock(classifier);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new IOException(origin + ": classifier weights do not fit the model description: "
                    + e.getMessage(), e);
        }
        this.predictor = model.newPredictor(new BatchTranslator(config));
    }

    /** The loaded block, for export. */
    Classifier block() {
        return classifier;
    }

    @Override
    public float[][][] probabilities(float[] input, int batch) {
        try {
            return predictor.predict(new Batch(input, batch));
        } catch (TranslateException e) {
            throw new IllegalStateException("prediction failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }

    /** A whole batch in one array, softmax over each head's classes; nothing outlives the call's manager. */
    private static final class BatchTranslator implements Translator<Batch, float[][][]> {
        private final ModelConfig config;

        BatchTranslator(ModelConfig config) {
            this.config = config;
        }

        @Override
        public NDList processInput(TranslatorContext ctx, Batch b) {
            return new NDList(ctx.getNDManager().create(b.data(), new Shape(b.size(), config.frames(), config.bins())));
        }

        @Override
        public float[][][] processOutput(TranslatorContext ctx, NDList out) {
            int heads = config.heads().size();
            float[][][] p = new float[heads][][];
            for (int h = 0; h < heads; h++) {
                NDArray logits = out.get(h + 1);                      // (B, K); output 0 is the real/fake head
                int k = (int) logits.getShape().get(1);
                float[] flat = logits.softmax(1).toFloatArray();
                p[h] = new float[(int) logits.getShape().get(0)][];
                for (int i = 0; i < p[h].length; i++) {
                    p[h][i] = java.util.Arrays.copyOfRange(flat, i * k, (i + 1) * k);
                }
            }
            return p;
        }

        @Override
        public Batchifier getBatchifier() {
            return null; // the input is a batch already
        }
    }
}
