package org.aaec.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.aaec.io.ZipArchive;
import org.aaec.model.Classifier;
import org.aaec.model.HeadSpec;
import org.aaec.model.ModelConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model file from elsewhere is checked before anything is built from it: the zip's expansion,
 * the widths against the weights' size, the feature settings against their ranges; each refusal
 * names the file.
 */
class UntrustedModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The shipped model's entries. */
    private static Map<String, byte[]> shipped() throws IOException {
        InputStream in = EmotionRecognizer.class.getResourceAsStream(EmotionRecognizer.DEFAULT_MODEL_RESOURCE);
        return new LinkedHashMap<>(ZipArchive.read(in, "default model", ZipArchive.Limits.MODEL));
    }

    /** The shipped model with its description edited. */
    private Path tampered(String name, Consumer<ObjectNode> edit) throws IOException {
        Map<String, byte[]> entries = shipped();
        ObjectNode json = (ObjectNode) JSON.readTree(entries.get("model.json"));
        edit.accept(json);
        entries.put("model.json", JSON.writeValueAsBytes(json));
        Path file = dir.resolve(name);
        ZipArchive.write(file, entries);
        return file;
    }

    private static IOException refused(Path file, String... words) {
        IOException e = assertThrows(IOException.class, () -> EmotionRecognizer.load(file).close());
        assertTrue(e.getMessage().startsWith(file + ": "), "names the file: " + e.getMessage());
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "says '" + w + "': " + e.getMessage());
        }
        return e;
    }

    @Test
    void theUntamperedCopyLoads() throws Exception {
        Path file = tampered("same.aaec", json -> { });
        try (EmotionRecognizer r = EmotionRecognizer.load(file)) {
            assertEquals(64, r.info().model().bins());
        }
    }

    /** Widths that would need 15 GB are refused from the size of the weights, before any allocation. */
    @Test
    void widthsThatDoNotFitTheWeightsAreRefused() throws Exception {
        refused(tampered("wide.aaec", json -> ((ObjectNode) json.get("model")).putArray("headDense").add(8_000_000)
                .add(32)), "does not fit the weights");
        refused(tampered("narrow.aaec", json -> ((ObjectNode) json.get("model")).put("classifierGru", 63)),
                "in model.json's widths");
        refused(tampered("huge.aaec", json -> ((ObjectNode) json.get("model")).putArray("convFilters")
                .add(Integer.MAX_VALUE).add(Integer.MAX_VALUE).add(Integer.MAX_VALUE)), "does not fit the weights");
    }

    @Test
    void featureSettingsOutOfRangeAreRefused() throws Exception {
        refused(tampered("long.aaec", json -> ((ObjectNode) json.get("features")).put("maxSeconds", 1e5)),
                "maxSeconds=100000.0 (at most 300.0)");
        refused(tampered("fft.aaec", json -> ((ObjectNode) json.get("features")).put("nFft", 1 << 30)), "nFft");
        refused(tampered("frames.aaec", json -> ((ObjectNode) json.get("features")).put("maxSeconds", 8)),
                "the network takes 126 frames");
    }

    /** 300 MB of zeros deflate to a few hundred kB: reading stops at the limit instead of filling memory. */
    @Test
    void aZipBombIsRefused() throws Exception {
        Path bomb = dir.resolve("bomb.aaec");
        try (OutputStream os = Files.newOutputStream(bomb); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry("model.json"));
            zip.write(shipped().get("model.json"));
            zip.putNextEntry(new ZipEntry("classifier.params"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                zip.write(zeros);
            }
        }
        assertTrue(Files.size(bomb) < 5_000_000, "a small file: " + Files.size(bomb));
        refused(bomb, "zip bomb", "classifier.params");
    }

    /** The count from the widths alone equals DJL's count of the built classifier's parameters. */
    @Test
    void parameterCountFromWidthsEqualsTheBuiltClassifiers() {
        List<HeadSpec> heads = List.of(new HeadSpec("arousal", List.of("high", "low", "medium")),
                new HeadSpec("valence", List.of("a", "b")));
        for (ModelConfig c : List.of(ModelConfig.standard(126, 64, heads), ModelConfig.standard(20, 9, heads))) {
            try (NDManager m = NDManager.newBaseManager()) {
                Classifier classifier = new Classifier(c);
                classifier.initialize(m, DataType.FLOAT32, new Shape(1, c.frames(), c.bins()));
                long built = 0;
                for (Pair<String, ai.djl.nn.Parameter> p : classifier.getParameters()) {
                    built += p.getValue().getArray().size();
                }
                assertEquals(built, Classifier.parameterCount(c));
            }
        }
    }
}
