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
        return parse(ZipArchive.read(file), file.toString());
    }

    /**
     * @param in a model file's bytes (closed by this method)
     * @param origin name for error messages
     * @return its contents
     * @throws IOException when it is not a model
     */
    public static Contents read(InputStream in, String origin) throws IOException {
        return parse(ZipArchive.read(in, origin), origin);
    }

    private static Contents parse(Map<String, byte[]> entries, String origin) throws IOException {
        byte[] json = entries.get("model.json");
        if (json == null) {
            throw new IOException(origin + ": not an aaec model (no model.json inside)");
        }
        ModelInfo info = JSON.readValue(json, ModelInfo.class);
        if (!FORMAT.equals(info.format())) {
            throw new IOException(origin + ": not an aaec model (format '" + info.format() + "')");
        }
        if (info.version() > VERSION) {
            throw new IOException(origin + ": model format version " + info.version()
                    + " is newer than this aaec understands (" + VERSION + ")");
        }
        Map<String, byte[]> weights = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            if (k.endsWith(".params")) {
                weights.put(k.substring(0, k.length() - ".params".length()), v);
            }
        });
        if (!weights.containsKey("classifier")) {
            throw new IOException(origin + ": model has no classifier weights");
        }
        return new Contents(info, weights);
    }
}
