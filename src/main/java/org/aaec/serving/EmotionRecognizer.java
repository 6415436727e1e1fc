package org.aaec.serving;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslateException;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.aaec.audio.AudioClip;
import org.aaec.audio.AudioInputException;
import org.aaec.audio.AudioLoader;
import org.aaec.audio.AudioSource;
import org.aaec.model.Classifier;

/**
 * A loaded model ready to predict: the classifier of a {@link ModelFile} behind a DJL
 * {@link Predictor}. Not thread-safe (one predictor); open one per thread to predict in parallel.
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

    private final ModelInfo info;
    private final Model model;
    private final Predictor<AudioClip, EmotionPrediction> predictor;

    private EmotionRecognizer(ModelFile.Contents contents, String origin) throws IOException {
        this.info = contents.info();
        this.model = Model.newInstance("aaec-" + info.variant());
        try {
            Classifier classifier = new Classifier(info.model());
            classifier.initialize(model.getNDManager(), DataType.FLOAT32,
                    new Shape(1, info.model().frames(), info.model().bins()));
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
        this.predictor = model.newPredictor(new EmotionTranslator(info));
    }

    /**
     * @param file a model file
     * @return the recognizer
     * @throws IOException naming the file when it cannot be loaded
     */
    public static EmotionRecognizer load(Path file) throws IOException {
        return new EmotionRecognizer(ModelFile.read(file), file.toString());
    }

    /**
     * Loads the model shipped inside aaec.
     *
     * @return the recognizer
     * @throws IOException when the build has no default model
     */
    public static EmotionRecognizer loadDefault() throws IOException {
        InputStream in = EmotionRecognizer.class.getResourceAsStream(DEFAULT_MODEL_RESOURCE);
        if (in == null) {
            throw new IOException("this build has no default model (" + DEFAULT_MODEL_RESOURCE + "); pass --model");
        }
        return new EmotionRecognizer(ModelFile.read(in, "default model"), "default model");
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
        try {
            return predictor.batchPredict(clips);
        } catch (TranslateException e) {
            throw new IllegalStateException("prediction failed: " + e.getMessage(), e);
        }
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
        predictor.close();
        model.close();
    }
}
