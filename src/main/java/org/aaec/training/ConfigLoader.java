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
 * names, then the file, then {@code key.path=value} overrides from the command line. Unknown keys,
 * wrong types and contradictory settings fail with the file's and the key's name.
 *
 * <p>{@code data} and {@code evaluate} take one source (a mapping) or several (a list of mappings);
 * one mapping is read as a list of one. For configs written before sources were lists,
 * {@code data.labels} is read as the top-level {@code labels}.
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
            JsonNode read;
            try {
                read = YAML.readTree(file.toFile());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // the parser's own words and position, without Jackson's source dump
                com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
                throw new IllegalArgumentException(file + (at == null ? "" : ":" + at.getLineNr() + ":"
                        + at.getColumnNr()) + ": not valid YAML: " + e.getOriginalMessage().lines().findFirst()
                        .orElse(""), e);
            }
            if (read != null && !read.isNull()) {
                if (!read.isObject()) {
                    throw new IllegalArgumentException(file + ": a config must be a mapping of keys to values");
                }
                user = (ObjectNode) read;
            }
            origin = file.toString();
        }
        normaliseSources(user, origin);
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("override '" + o + "' must look like key.path=value");
            }
            set(user, o.substring(0, eq).trim(), YAML.readTree(o.substring(eq + 1)));
        }
        normaliseSources(user, origin);
        ObjectNode resolved = YAML.valueToTree(TrainConfig.defaults());
        preset(user, resolved, "schedule", true, origin, Schedule::preset);
        double maxSeconds = resolved.path("features").path("maxSeconds").asDouble();
        preset(user, resolved, "features", false, origin, n -> TrainConfig.Features.preset(n, maxSeconds));
        preset(user, resolved, "objective", false, origin, Objective::preset);
        merge(resolved, user);
        TrainConfig config;
        try {
            config = YAML.treeToValue(resolved, TrainConfig.class);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            String where = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : String.valueOf(r.getIndex())).collect(java.util.stream.Collectors.joining("."));
            Throwable cause = e.getCause();
            String why = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
            throw new IllegalArgumentException(origin + ": " + (where.isEmpty() ? "" : "key '" + where + "': ")
                    + why, e);
        }
        try {
            config.validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        }
        return config;
    }

    /**
     * A section's {@code preset: name} replaces that section of the defaults with the preset's
     * values, over which the section's own keys are then merged.
     *
     * @param keepKey whether the preset's name is itself a field of the section (the schedule's is)
     * @param byName the preset's values for a name; throws IllegalArgumentException for an unknown one
     */
    private static void preset(ObjectNode user, ObjectNode resolved, String section, boolean keepKey, String origin,
            java.util.function.Function<String, Object> byName) {
        JsonNode name = user.path(section).path("preset");
        if (!name.isTextual()) {
            return;
        }
        if (!keepKey) {
            ((ObjectNode) user.get(section)).remove("preset");
        }
        try {
            resolved.set(section, YAML.valueToTree(byName.apply(name.asText())));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": key '" + section + ".preset': " + e.getMessage(), e);
        }
    }

    /** One source given as a mapping becomes a list of one; {@code data.labels} moves to {@code labels}. */
    private static void normaliseSources(ObjectNode user, String origin) {
        for (String key : List.of("data", "evaluate")) {
            JsonNode n = user.get(key);
            if (n instanceof ObjectNode one) {
                user.set(key, YAML.createArrayNode().add(one));
            }
            JsonNode list = user.get(key);
            // data.labels, in a file or a --set, is the older spelling of the top-level labels
            if (key.equals("data") && list != null && list.size() == 1 && list.get(0) instanceof ObjectNode one
                    && one.has("labels")) {
                user.set("labels", one.remove("labels"));
            }
            if (list != null && list.isArray()) {
                for (int i = 0; i < list.size(); i++) {
                    Iterator<String> names = list.get(i).fieldNames();
                    while (names.hasNext()) {
                        String name = names.next();
                        if (!SOURCE_KEYS.contains(name)) {
                            throw new IllegalArgumentException(origin + ": key '" + key + "." + i + "." + name + "': unknown; a "
                                    + "source takes " + SOURCE_KEYS);
                        }
                    }
                }
            }
        }
    }

    private static final List<String> SOURCE_KEYS = java.util.Arrays.stream(
            org.aaec.data.DataSource.class.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName)
            .toList();

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

    /**
     * Sets {@code a.b.c} in a tree. A numeric key indexes a list ({@code data.1.input}); a name
     * applied to a list of one source applies to that source ({@code data.input}).
     */
    /**
     * The paper's widths for this input and these heads, with the config's {@code model:} changes.
     *
     * @param config the run's config
     * @param fc feature settings (they fix T and F)
     * @param heads the label heads
     * @return the network description
     */
    public static org.aaec.model.ModelConfig modelConfig(TrainConfig config, org.aaec.features.FeatureConfig fc,
            List<org.aaec.model.HeadSpec> heads) {
        org.aaec.model.ModelConfig standard = org.aaec.model.ModelConfig.standard(fc.frames(),
                config.features().inputBins(fc), heads);
        if (config.model().isEmpty()) {
            return standard;
        }
        ObjectNode tree = tree(standard);
        ObjectNode changes = tree(config.model());
        for (String fixed : List.of("frames", "bins", "heads")) {
            if (changes.has(fixed)) {
                throw new IllegalArgumentException("key 'model." + fixed + "' follows from the data and features; "
                        + "it cannot be set");
            }
        }
        tree.setAll(changes);
        try {
            return convert(tree, org.aaec.model.ModelConfig.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("key 'model': " + e.getMessage(), e);
        }
    }

    private static void set(ObjectNode root, String path, JsonNode value) {
        String[] keys = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < keys.length; i++) {
            boolean last = i == keys.length - 1;
            if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode list) {
                String where = String.join(".", java.util.Arrays.copyOf(keys, i));
                if (!keys[i].matches("\\d+")) {
                    if (list.size() != 1) {
                        throw new IllegalArgumentException("override '" + path + "': '" + where + "' is a list of "
                                + list.size() + "; say which element, e.g. " + where + ".0." + keys[i]);
                    }
                    node = list.get(0); // a name on a list of one applies to its element
                    i--;
                    continue;
                }
                int index = Integer.parseInt(keys[i]);
                if (index >= list.size()) {
                    throw new IllegalArgumentException("override '" + path + "': '" + where + "' has no element "
                            + index);
                }
                if (last) {
                    list.set(index, value);
                    return;
                }
                node = list.get(index);
                continue;
            }
            ObjectNode obj = (ObjectNode) node;
            if (last) {
                obj.set(keys[i], value);
                return;
            }
            JsonNode child = obj.get(keys[i]);
            if (!(child instanceof ObjectNode) && !(child instanceof com.fasterxml.jackson.databind.node.ArrayNode)) {
                child = obj.putObject(keys[i]);
            }
            node = child;
        }
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
