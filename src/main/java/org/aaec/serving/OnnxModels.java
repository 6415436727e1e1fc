package org.aaec.serving;

import ai.onnxruntime.OrtException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aaec.audio.AudioLoader;
import org.aaec.model.HeadSpec;
import org.aaec.onnx.OnnxClassifier;
import org.aaec.onnx.OnnxExporter;

/**
 * aaec models as ONNX: export of a model file's classifier with its description in the ONNX
 * metadata, and the reverse, an exported file opened on ONNX Runtime with that description.
 *
 * <p>Metadata keys: {@value #MODEL} (the whole {@code model.json}, so that the file alone is a
 * model aaec can run), {@value #FEATURES} and {@value #NORMALIZATION} (the feature settings and
 * scaling, for users who compute the input themselves), {@value #HEADS} (head name to class names,
 * in output order) and {@value #INPUT} (the recipe in words).
 */
public final class OnnxModels {

    /** Metadata key of the whole model description. */
    public static final String MODEL = "aaec.model";
    /** Metadata key of the feature settings (sample rate, STFT, clip length). */
    public static final String FEATURES = "aaec.features";
    /** Metadata key of the scaling (per-bin mean and deviation, floor, level, silence, mel). */
    public static final String NORMALIZATION = "aaec.normalization";
    /** Metadata key of the heads and their classes. */
    public static final String HEADS = "aaec.heads";
    /** Metadata key of the input recipe in words. */
    public static final String INPUT = "aaec.input";
    /** How every serialised ONNX model begins: field 1 (ir_version) as a varint; a zip begins "PK". */
    static final int FIRST_BYTE = 0x08;
    /** Largest ONNX file read (a protobuf message cannot exceed 2 GB; aaec's are a few MB). */
    private static final long MAX_BYTES = 1L << 30;

    private OnnxModels() {
    }

    /**
     * @param contents a model file's contents
     * @param origin its name for messages
     * @return the classifier as a serialised ONNX model
     * @throws IOException naming {@code origin} when its weights are not the classifier its description builds
     */
    public static byte[] export(ModelFile.Contents contents, String origin) throws IOException {
        try (DjlClassifier c = new DjlClassifier(contents, origin)) {
            return OnnxExporter.export(contents.info().model(), c.block(), metadata(contents.info()));
        } catch (IllegalArgumentException e) {
            throw new IOException(origin + ": cannot export the classifier: " + e.getMessage(), e);
        }
    }

    /**
     * @param file a model file
     * @return its classifier as a serialised ONNX model
     * @throws IOException naming the file when it is not a model or cannot be exported
     */
    public static byte[] export(Path file) throws IOException {
        return export(ModelFile.read(file), file.toString());
    }

    /**
     * @return the model shipped inside aaec as a serialised ONNX model
     * @throws IOException when the build has no default model
     */
    public static byte[] exportDefault() throws IOException {
        String name = EmotionRecognizer.DEFAULT_MODEL_NAME;
        return export(ModelFile.read(new ByteArrayInputStream(EmotionRecognizer.defaultModel()), name), name);
    }

    static Map<String, String> metadata(ModelInfo info) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(MODEL, ModelFile.json(info));
        m.put(FEATURES, ModelFile.json(info.features()));
        m.put(NORMALIZATION, info.logScaling() ? ModelFile.json(info.normalization()) : "null");
        Map<String, List<String>> heads = new LinkedHashMap<>();
        for (HeadSpec h : info.model().heads()) {
            heads.put(h.name(), h.classes());
        }
        m.put(HEADS, ModelFile.json(heads));
        m.put(INPUT, recipe(info));
        return m;
    }

    /** The input's recipe in words, with this model's numbers. */
    private static String recipe(ModelInfo info) {
        var f = info.features();
        String scaling = !info.logScaling() ? "raw power"
                : String.format(Locale.ROOT, "%s(log(power%s + %s) - mean[f]) / std[f], mean and std from %s "
                        + "(level '%s', silence '%s')", info.normalization().mel() != null
                        ? "mel filterbank of " + info.normalization().bins() + " bands, then " : "",
                        levelWords(info.normalization().level()), info.normalization().floor(), NORMALIZATION,
                        info.normalization().level(), info.normalization().silence());
        return String.format(Locale.ROOT, "features: float32 [batch, %d frames, %d bins]. Audio mono at %d Hz, cut or "
                + "zero-padded to %s s; power spectrogram |STFT|^2 with n_fft %d, hop %d, %s window, %s; "
                + "then %s. Outputs: one softmax per head, classes in %s order.",
                info.model().frames(), info.model().bins(), f.sampleRate(), AudioLoader.seconds(f.maxSeconds()),
                f.nFft(), f.hop(), f.window(), f.center() ? "frames centred by reflect padding of n_fft/2" : "frames not "
                + "centred", scaling, HEADS);
    }

    private static String levelWords(String level) {
        return switch (level) {
            case "utterance" -> " / clip level";
            case "spectral" -> " / clip's mean power in that bin";
            default -> "";
        };
    }

    /** A model opened on ONNX Runtime: its description and the session. */
    record Opened(ModelInfo info, ClassifierRuntime runtime) {
    }

    /**
     * @param file a file; ONNX when named {@code .onnx} or when it starts as a protobuf model does
     * @return whether to read it as ONNX rather than as a model file (a zip)
     * @throws IOException when it cannot be read
     */
    static boolean isOnnx(Path file) throws IOException {
        if (file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx")) {
            return true;
        }
        if (!Files.isRegularFile(file)) {
            return false; // ModelFile names what is wrong
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == FIRST_BYTE;
        }
    }

    /**
     * @param file an ONNX model written by {@code aaec export}
     * @param threads intra-op threads, 0 for ONNX Runtime's default
     * @return its description and session
     * @throws IOException naming the file when it is not such a model
     */
    static Opened open(Path file, int threads) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such model file");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(file + ": " + Files.size(file) + " bytes is too large for an aaec ONNX model");
        }
        return open(Files.readAllBytes(file), file.toString(), threads);
    }

    /**
     * @param onnx a serialised ONNX model written by {@link #export}
     * @param origin its name for messages
     * @param threads intra-op threads, 0 for ONNX Runtime's default
     * @return its description and session
     * @throws IOException naming {@code origin} when it is not such a model
     */
    static Opened open(byte[] onnx, String origin, int threads) throws IOException {
        OnnxClassifier session;
        try {
            session = OnnxClassifier.open(onnx, threads);
        } catch (OrtException | IllegalArgumentException e) {
            throw new IOException(origin + ": not an ONNX model aaec can run: " + firstLine(e.getMessage()), e);
        }
        try {
            String json = session.metadata().get(MODEL);
            if (json == null) {
                throw new IOException(origin + ": an ONNX model without aaec's description (metadata '" + MODEL
                        + "'); only models written by 'aaec export' can be run");
            }
            ModelInfo info = ModelFile.parseInfo(json.getBytes(StandardCharsets.UTF_8), origin);
            List<String> heads = new ArrayList<>();
            info.model().heads().forEach(h -> heads.add(h.name()));
            if (!session.heads().equals(heads)) {
                throw new IOException(origin + ": the graph's outputs " + session.heads()
                        + " are not the heads its description names " + heads);
            }
            return new Opened(info, runtime(session));
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private static ClassifierRuntime runtime(OnnxClassifier session) {
        return new ClassifierRuntime() {
            @Override
            public float[][][] probabilities(float[] input, int batch) {
                try {
                    return session.probabilities(input, batch);
                } catch (OrtException e) {
                    throw new IllegalStateException("prediction failed: " + e.getMessage(), e);
                }
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
