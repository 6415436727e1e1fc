package org.aaec.training;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Resolves an experiment config: {@link TrainConfig#defaults()}, then the schedule preset the file
 * names, then the file, then {@code key.path=value} overrides from the command line. Unknown keys
 * and wrong types fail with the key's name.
 */
public final class ConfigLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ConfigLoader() {
    }

    /**
     * @param file YAML or JSON config, or {@code null} for the defaults alone
     * @param overrides {@code key.path=value} pairs applied last (values parsed as YAML scalars)
     * @return the resolved config
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file and key when the content is wrong
     */
    public static TrainConfig load(Path file, List<String> overrides) throws IOException {
        ObjectNode user = YAML.createObjectNode();
        String origin = "defaults";
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new IOException(file + ": config file not found");
            }
            JsonNode read = YAML.readTree(file.toFile());
            if (read != null && !read.isNull()) {
                if (!read.isObject()) {
                    throw new IllegalArgumentException(file + ": a config must be a mapping of keys to values");
                }
                user = (ObjectNode) read;
            }
            origin = file.toString();
        }
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("override '" + o + "' must look like key.path=value");
            }
            set(user, o.substring(0, eq).trim(), YAML.readTree(o.substring(eq + 1)));
        }
        ObjectNode resolved = YAML.valueToTree(TrainConfig.defaults());
        JsonNode preset = user.path("schedule").path("preset");
        if (preset.isTextual()) {
            resolved.set("schedule", YAML.valueToTree(Schedule.preset(preset.asText())));
        }
        merge(resolved, user);
        try {
            return YAML.treeToValue(resolved, TrainConfig.class);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            String where = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : String.valueOf(r.getIndex())).collect(java.util.stream.Collectors.joining("."));
            throw new IllegalArgumentException(origin + ": " + (where.isEmpty() ? "" : "key '" + where + "': ")
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param config a resolved config
     * @return it as YAML
     */
    public static String toYaml(TrainConfig config) {
        try {
            return YAML.writeValueAsString(config);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A config as a JSON tree (for the model file). */
    public static JsonNode toTree(TrainConfig config) {
        return YAML.valueToTree(config);
    }

    /** Reads back a config written by {@link #toYaml} or {@link #toTree}. */
    public static TrainConfig fromTree(JsonNode tree) throws IOException {
        return YAML.treeToValue(tree, TrainConfig.class);
    }

    /** Converts a widths map of the config onto a tree (for merging into a model config). */
    static ObjectNode tree(Object value) {
        return YAML.valueToTree(value);
    }

    static <T> T convert(JsonNode tree, Class<T> type) throws IOException {
        return YAML.treeToValue(tree, type);
    }

    private static void set(ObjectNode root, String path, JsonNode value) {
        String[] keys = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < keys.length - 1; i++) {
            JsonNode child = node.get(keys[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(keys[i]);
            }
            node = (ObjectNode) child;
        }
        node.set(keys[keys.length - 1], value);
    }

    private static void merge(ObjectNode base, ObjectNode top) {
        Iterator<Map.Entry<String, JsonNode>> it = top.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = base.get(e.getKey());
            if (existing instanceof ObjectNode b && e.getValue() instanceof ObjectNode t) {
                merge(b, t);
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }
}
