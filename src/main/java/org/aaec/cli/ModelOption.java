package org.aaec.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.aaec.serving.EmotionRecognizer;
import org.aaec.serving.Engine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --model}, defaulting to the model shipped with aaec, and {@code --engine}, what runs it. */
final class ModelOption {

    @Option(names = "--model", paramLabel = "FILE",
            description = "Model file (model.aaec of a run; with --engine onnxruntime also a .onnx from 'aaec "
                    + "export'). Default: the shipped model (aaec on RAVDESS).")
    Path model;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "pytorch", converter = EngineConverter.class,
            description = "What runs the classifier: pytorch (libtorch through DJL) or onnxruntime (ONNX Runtime). "
                    + "Default: ${DEFAULT-VALUE}.")
    Engine engine;

    /** picocli turns the exception's message into a usage error. */
    static final class EngineConverter implements ITypeConverter<Engine> {
        @Override
        public Engine convert(String value) {
            try {
                return Engine.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    EmotionRecognizer open() throws IOException {
        return open(0);
    }

    /**
     * @param threads ONNX Runtime's threads per recognizer, 0 for its default (libtorch's are set
     *     process-wide by {@link Engines#configureThreads})
     */
    EmotionRecognizer open(int threads) throws IOException {
        return model == null ? EmotionRecognizer.loadDefault(engine, threads)
                : EmotionRecognizer.load(model, engine, threads);
    }

    /** The model file's bytes, for jobs that ship the model rather than a path (Spark). */
    byte[] bytes() throws IOException {
        return model == null ? EmotionRecognizer.defaultModel() : java.nio.file.Files.readAllBytes(model);
    }

    /** How messages name the model. */
    String name() {
        return model == null ? EmotionRecognizer.DEFAULT_MODEL_NAME : model.toString();
    }

    String describe() {
        return (model == null ? "shipped default model" : model.toString())
                + (engine == Engine.PYTORCH ? "" : " on " + engine.id());
    }
}
