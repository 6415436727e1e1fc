package org.aaec.serving;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aaec.io.ZipArchive;
import org.aaec.model.Classifier;
import org.aaec.model.ModelConfig;

/**
 * One file that holds a trained model: {@code model.json} ({@link ModelInfo}) and the weights of the
 * classifier ({@code classifier.params}, DJL's parameter format) and optionally of other networks.
 * A zip, written atomically; loading it needs no other input.
 */
public final class ModelFile {

    /** Format tag in {@code model.json}. */
    public static final String FORMAT = "aaec-model";
    /** Current format version. */
    public static final int VERSION = 1;
    /** Conventional file name inside a run folder. */
    public static final String FILE_NAME = "model.aaec";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * The contents of a model file.
     *
     * @param info description
     * @param weights network id to its parameters
     */
    public record Contents(ModelInfo info, Map<String, byte[]> weights) {
    }

    private ModelFile() {
    }

    /**
     * @param file target
     * @param contents what to write
     * @throws IOException when writing fails
     */
    public static void write(Path file, Contents contents) throws IOException {
        if (!contents.weights().containsKey("classifier")) {
            throw new IllegalArgumentException("a model file needs the classifier's weights");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("model.json", JSON.writeValueAsBytes(contents.info()));
        contents.weights().forEach((k, v) -> entries.put(k + ".params", v));
        ZipArchive.write(file, entries);
    }

    /**
     * @param file a model file
     * @return its contents
     * @throws IOException naming the file when it is missing or not a model
     */
    public static Contents read(Path file) throws IOException {
        return parse(ZipArchive.read(file, ZipArchive.Limits.MODEL), file.toString());
    }

    /**
     * @param in a model file's bytes (closed by this method)
     * @param origin name for error messages
     * @return its contents
     * @throws IOException when it is not a model
     */
    public static Contents read(InputStream in, String origin) throws IOException {
        return parse(ZipArchive.read(in, origin, ZipArchive.Limits.MODEL), origin);
    }

    /** DJL's parameter file adds a header per parameter (name, shape, type) to the floats; far below this. */
    private static final long MAX_PARAMETER_OVERHEAD = 64 * 1024;

    /**
     * The description must fit the weights before a single array is built from it: the widths give
     * the classifier's parameter count, which must match the size of its parameter file, and the
     * input shape must match the feature settings and the normalisation.
     */
    static void checkShapes(ModelInfo info, long weightBytes, String origin) throws IOException {
        ModelConfig m = info.model();
        if (m.frames() != info.features().frames()) {
            throw new IOException(String.format(java.util.Locale.ROOT, "%s: the network takes %d frames but the "
                    + "feature settings make %d", origin, m.frames(), info.features().frames()));
        }
        int bins = info.normalization() != null ? info.normalization().bins() : info.features().bins();
        if (m.bins() != bins) {
            throw new IOException(String.format(java.util.Locale.ROOT, "%s: the network takes %d bins but the "
                    + "features give %d", origin, m.bins(), bins));
        }
        long floats;
        long bytes;
        try {
            floats = Classifier.parameterCount(m);
            bytes = Math.multiplyExact(floats, 4L);
        } catch (ArithmeticException e) {
            floats = Long.MAX_VALUE / 4;
            bytes = Long.MAX_VALUE;
        }
        if (bytes > weightBytes || weightBytes - bytes > MAX_PARAMETER_OVERHEAD) {
            throw new IOException(String.format(java.util.Locale.ROOT, "%s: model.json's widths make a classifier of "
                    + "%d parameters (%.1f MB), but classifier.params holds %.1f MB; the description does not fit "
                    + "the weights", origin, floats, bytes / 1e6, weightBytes / 1e6));
        }
    }

    private static Contents parse(Map<String, byte[]> entries, String origin) throws IOException {
        byte[] json = entries.get("model.json");
        if (json == null) {
            throw new IOException(origin + ": not an aaec model (no model.json inside)");
        }
        ModelInfo info = parseInfo(json, origin);
        Map<String, byte[]> weights = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            if (k.endsWith(".params")) {
                weights.put(k.substring(0, k.length() - ".params".length()), v);
            }
        });
        if (!weights.containsKey("classifier")) {
            throw new IOException(origin + ": model has no classifier weights");
        }
        checkShapes(info, weights.get("classifier").length, origin);
        return new Contents(info, weights);
    }

    /**
     * Reads and checks a model description ({@code model.json}, or the copy an exported ONNX model
     * carries in its metadata).
     *
     * @param json the description's bytes
     * @param origin name for error messages
     * @return the description
     * @throws IOException when it is not a valid aaec model description
     */
    static ModelInfo parseInfo(byte[] json, String origin) throws IOException {
        ModelInfo info;
        try {
            info = JSON.readValue(json, ModelInfo.class);
        } catch (IOException e) {
            // Jackson's message carries the invariant that failed (a width, a feature setting); its location is noise
            Throwable root = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IOException(origin + ": model.json is not a valid model description: "
                    + root.getMessage().lines().findFirst().orElse(""), e);
        }
        if (info == null || info.model() == null || info.features() == null) {
            throw new IOException(origin + ": model.json lacks the model or feature settings");
        }
        if (!FORMAT.equals(info.format())) {
            throw new IOException(origin + ": not an aaec model (format '" + info.format() + "')");
        }
        if (info.version() > VERSION) {
            throw new IOException(origin + ": model format version " + info.version()
                    + " is newer than this aaec understands (" + VERSION + ")");
        }
        return info;
    }

    /**
     * @param value a description or a part of it
     * @return it as JSON, as {@code model.json} holds it
     * @throws IOException when it cannot be written
     */
    static String json(Object value) throws IOException {
        return JSON.writeValueAsString(value);
    }
}
