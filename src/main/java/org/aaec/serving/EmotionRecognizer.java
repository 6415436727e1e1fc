package org.aaec.serving;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.aaec.audio.AudioClip;
import org.aaec.audio.AudioInputException;
import org.aaec.audio.AudioLoader;
import org.aaec.audio.AudioSource;
import org.aaec.model.HeadSpec;

/**
 * A loaded model ready to predict: the classifier of a model file on an {@link Engine} (libtorch
 * through DJL by default, or ONNX Runtime), with the feature pipeline in front of it. Not
 * thread-safe; open one per thread to predict in parallel.
 *
 * <pre>{@code
 * try (EmotionRecognizer r = EmotionRecognizer.load(Path.of("model.aaec"))) {
 *     EmotionPrediction p = r.predict(new AudioLoader().load(Path.of("clip.wav")));
 *     System.out.println(p.head("arousal").label());
 * }
 * }</pre>
 */
public final class EmotionRecognizer implements AutoCloseable {

    /** Class-path location of the model shipped with aaec (aaec on RAVDESS, default preset). */
    public static final String DEFAULT_MODEL_RESOURCE = "/org/aaec/serving/default-model.aaec";
    /** How messages name the shipped model. */
    public static final String DEFAULT_MODEL_NAME = "default model";

    private final ModelInfo info;
    private final Engine engine;
    private final ClipFeatures features;
    private final ClassifierRuntime runtime;

    private EmotionRecognizer(ModelInfo info, Engine engine, ClassifierRuntime runtime) {
        this.info = info;
        this.engine = engine;
        this.features = new ClipFeatures(info);
        this.runtime = runtime;
    }

    /**
     * @param file a model file
     * @return the recognizer, on libtorch
     * @throws IOException naming the file when it cannot be loaded
     */
    public static EmotionRecognizer load(Path file) throws IOException {
        return load(file, Engine.PYTORCH, 0);
    }

    /**
     * @param file a model file ({@code .aaec}), or with ONNX Runtime also an ONNX file written by
     *     {@code aaec export} (which does not load libtorch at all)
     * @param engine what runs the classifier
     * @param threads ONNX Runtime's intra-op threads, 0 for its default (one per core); libtorch's
     *     are a process-wide setting made before it loads ({@code ai.djl.pytorch.num_threads})
     * @return the recognizer
     * @throws IOException naming the file when it cannot be loaded
     */
    public static EmotionRecognizer load(Path file, Engine engine, int threads) throws IOException {
        if (OnnxModels.isOnnx(file)) {
            requireOnnxRuntime(file.toString(), engine);
            return onnx(OnnxModels.open(file, threads), engine);
        }
        return open(ModelFile.read(file), file.toString(), engine, threads);
    }

    /**
     * A model from bytes (a model file's, or an exported ONNX file's), for code that ships the model
     * itself rather than a path, as a Spark job does to its executors.
     *
     * @param model the file's bytes
     * @param origin its name for messages
     * @param engine what runs the classifier
     * @param threads as for {@link #load(Path, Engine, int)}
     * @return the recognizer
     * @throws IOException naming {@code origin} when it is not a model
     */
    public static EmotionRecognizer load(byte[] model, String origin, Engine engine, int threads) throws IOException {
        if (model.length > 0 && model[0] == OnnxModels.FIRST_BYTE) {
            requireOnnxRuntime(origin, engine);
            return onnx(OnnxModels.open(model, origin, threads), engine);
        }
        return open(ModelFile.read(new ByteArrayInputStream(model), origin), origin, engine, threads);
    }

    private static void requireOnnxRuntime(String origin, Engine engine) throws IOException {
        if (engine != Engine.ONNXRUNTIME) {
            throw new IOException(origin + ": an ONNX model runs on ONNX Runtime only (--engine onnxruntime); "
                    + "libtorch reads the model.aaec it was exported from");
        }
    }

    private static EmotionRecognizer onnx(OnnxModels.Opened o, Engine engine) {
        return new EmotionRecognizer(o.info(), engine, o.runtime());
    }

    /**
     * Loads the model shipped inside aaec.
     *
     * @return the recognizer, on libtorch
     * @throws IOException when the build has no default model
     */
    public static EmotionRecognizer loadDefault() throws IOException {
        return loadDefault(Engine.PYTORCH, 0);
    }

    /**
     * Loads the model shipped inside aaec on the given engine.
     *
     * @param engine what runs the classifier
     * @param threads as for {@link #load(Path, Engine, int)}
     * @return the recognizer
     * @throws IOException when the build has no default model
     */
    public static EmotionRecognizer loadDefault(Engine engine, int threads) throws IOException {
        return open(ModelFile.read(new ByteArrayInputStream(defaultModel()), DEFAULT_MODEL_NAME), DEFAULT_MODEL_NAME,
                engine, threads);
    }

    /**
     * The bytes of the model shipped inside aaec (a model file), for code that ships or exports it.
     *
     * @return the file's bytes
     * @throws IOException when the build has no default model
     */
    public static byte[] defaultModel() throws IOException {
        try (InputStream in = EmotionRecognizer.class.getResourceAsStream(DEFAULT_MODEL_RESOURCE)) {
            if (in == null) {
                throw new IOException("this build has no default model (" + DEFAULT_MODEL_RESOURCE + "); pass --model");
            }
            return in.readAllBytes();
        }
    }

    private static EmotionRecognizer open(ModelFile.Contents contents, String origin, Engine engine, int threads)
            throws IOException {
        if (engine == Engine.PYTORCH) {
            return new EmotionRecognizer(contents.info(), engine, new DjlClassifier(contents, origin));
        }
        // exported in memory: libtorch is loaded once for this; 'aaec export' once avoids it for good
        return onnx(OnnxModels.open(OnnxModels.export(contents, origin), origin, threads), engine);
    }

    /** What runs the classifier. */
    public Engine engine() {
        return engine;
    }

    /** The model's description. */
    public ModelInfo info() {
        return info;
    }

    /**
     * @param clip 16 kHz mono audio (as {@code AudioLoader} returns it)
     * @return the prediction
     */
    public EmotionPrediction predict(AudioClip clip) {
        return predict(List.of(clip)).get(0);
    }

    /**
     * @param clips clips, predicted as one batch
     * @return one prediction per clip
     */
    public List<EmotionPrediction> predict(List<AudioClip> clips) {
        if (clips.isEmpty()) {
            return List.of();
        }
        int n = features.size();
        float[] batch = new float[clips.size() * n];
        List<ClipFeatures.Input> inputs = new ArrayList<>(clips.size());
        for (int i = 0; i < clips.size(); i++) {
            ClipFeatures.Input in = features.prepare(clips.get(i));
            System.arraycopy(in.data(), 0, batch, i * n, n);
            inputs.add(in);
        }
        float[][][] p = runtime.probabilities(batch, clips.size());
        List<HeadSpec> specs = info.model().heads();
        List<EmotionPrediction> out = new ArrayList<>(clips.size());
        for (int i = 0; i < clips.size(); i++) {
            List<EmotionPrediction.Head> heads = new ArrayList<>(specs.size());
            for (int h = 0; h < specs.size(); h++) {
                float[] probs = p[h][i];
                int best = 0;
                for (int k = 1; k < probs.length; k++) {
                    if (probs[k] > probs[best]) {
                        best = k;
                    }
                }
                HeadSpec s = specs.get(h);
                heads.add(new EmotionPrediction.Head(s.name(), s.classes().get(best), s.classes(), probs));
            }
            ClipFeatures.Input in = inputs.get(i);
            out.add(new EmotionPrediction(heads, in.seconds(), in.level().activeSeconds(), in.level().reliable()));
        }
        return out;
    }

    /**
     * Emotion over time in a recording of any length: windows of {@code windowSeconds} every
     * {@code hopSeconds}, decoded and predicted as the file streams, in memory bounded by a batch
     * of windows (a two-hour file included).
     *
     * @param file any audio or video file aaec decodes
     * @param windowSeconds window length, at most the model's input
     * @param hopSeconds time between window starts
     * @return the windows and their summary
     * @throws AudioInputException naming the file when it cannot be read
     */
    public Timeline timeline(Path file, double windowSeconds, double hopSeconds) throws AudioInputException {
        return timeline(file, TimelineOptions.defaults(info).withWindow(windowSeconds, hopSeconds), s -> { });
    }

    /**
     * Emotion over time in a file, each window handed to {@code each} as soon as it is predicted.
     *
     * @param file any audio or video file aaec decodes
     * @param options windows, speech detection, batch
     * @param each receives every window in order
     * @return the windows and their summary
     * @throws AudioInputException naming the file when it cannot be read or is under 0.1 s
     */
    public Timeline timeline(Path file, TimelineOptions options, Consumer<TimelineSegment> each)
            throws AudioInputException {
        try (AudioSource in = new AudioLoader(info.features().sampleRate()).stream(file)) {
            return timeline(in, options, each); // the stream itself refuses audio under 0.1 s, at its end
        }
    }

    /**
     * Emotion over time in a stream of samples at any rate (a decoder, raw PCM from a pipe, a
     * microphone), each window handed to {@code each} as soon as it is predicted. The source is
     * read to its end and not closed.
     *
     * @param source the samples
     * @param options windows, speech detection, batch, whether to keep the segments
     * @param each receives every window in order
     * @return the windows and their summary
     * @throws AudioInputException when the source fails
     */
    public Timeline timeline(AudioSource source, TimelineOptions options, Consumer<TimelineSegment> each)
            throws AudioInputException {
        return TimelineRunner.run(info, source, options, each, this::predict);
    }

    @Override
    public void close() {
        runtime.close();
    }
}
