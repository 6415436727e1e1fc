package org.aaec.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.aaec.audio.AudioClip;
import org.aaec.audio.AudioLoader;
import org.aaec.features.Normalization;
import org.aaec.features.NpyFile;
import org.aaec.model.Classifier;
import org.aaec.model.HeadSpec;
import org.aaec.model.ModelConfig;
import org.aaec.testutil.Shared;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ONNX export against the classifier it came from: ONNX Runtime's probabilities on real clips
 * equal libtorch's within 1e-4 in batches of 1 and 32, for the shipped model and for a classifier
 * of other widths with random weights and biases (so that the GRU's gate order and both bias
 * vectors matter); the graph declares what the issue asks (opset, dynamic batch, the GRU's
 * attributes); the metadata gives back the model's description; malformed input is refused by name.
 */
class OnnxModelsTest {

    private static final double TOLERANCE = 1e-4;
    private static List<AudioClip> clips;
    private static byte[] shippedOnnx;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        AudioLoader loader = new AudioLoader();
        try (Stream<Path> files = Files.list(Shared.corpus("emodb"))) {
            List<Path> some = files.filter(p -> p.toString().endsWith(".flac")).sorted().limit(32)
                    .collect(Collectors.toList());
            clips = new ArrayList<>();
            for (Path p : some) {
                clips.add(loader.load(p));
            }
        }
        assertEquals(32, clips.size(), "32 EmoDB clips");
        try (var in = EmotionRecognizer.class.getResourceAsStream(EmotionRecognizer.DEFAULT_MODEL_RESOURCE)) {
            shippedOnnx = OnnxModels.export(ModelFile.read(in, "default model"), "default model");
        }
    }

    private static void assertSame(List<EmotionPrediction> expected, List<EmotionPrediction> actual) {
        assertEquals(expected.size(), actual.size());
        double worst = 0;
        for (int i = 0; i < expected.size(); i++) {
            for (int h = 0; h < expected.get(i).heads().size(); h++) {
                EmotionPrediction.Head e = expected.get(i).heads().get(h);
                EmotionPrediction.Head a = actual.get(i).heads().get(h);
                assertEquals(e.name(), a.name());
                for (int k = 0; k < e.probabilities().length; k++) {
                    worst = Math.max(worst, Math.abs(e.probabilities()[k] - a.probabilities()[k]));
                }
                assertEquals(e.label(), a.label(), "clip " + i + " head " + e.name());
            }
        }
        assertTrue(worst <= TOLERANCE, "largest probability difference " + worst);
    }

    private static void agree(EmotionRecognizer djl, EmotionRecognizer ort) {
        assertSame(djl.predict(clips), ort.predict(clips));                       // one batch of 32
        for (AudioClip c : clips.subList(0, 4)) {
            assertSame(List.of(djl.predict(c)), List.of(ort.predict(c)));        // batch 1
        }
    }

    @Test
    void theShippedModelGivesLibtorchsProbabilitiesOnOnnxRuntime() throws Exception {
        Path onnx = dir.resolve("classifier.onnx");
        Files.write(onnx, shippedOnnx);
        try (EmotionRecognizer djl = EmotionRecognizer.loadDefault();
                EmotionRecognizer ort = EmotionRecognizer.load(onnx, Engine.ONNXRUNTIME, 1)) {
            assertEquals(Engine.ONNXRUNTIME, ort.engine());
            agree(djl, ort);
        }
    }

    /** Three conv layers, two dense layers per head, three heads, every weight and bias random. */
    @Test
    void otherWidthsAndRandomBiasesAgreeToo() throws Exception {
        ModelInfo shipped;
        try (EmotionRecognizer r = EmotionRecognizer.loadDefault()) {
            shipped = r.info();
        }
        ModelConfig m = shipped.model();
        List<HeadSpec> heads = List.of(m.heads().get(0), m.heads().get(1), new HeadSpec("extra", List.of("a", "b")));
        ModelConfig other = new ModelConfig(m.frames(), m.bins(), m.latent(), m.encoderGru(), m.encoderDense(),
                m.decoderDense(), m.discriminatorDense(), m.leakySlope(), List.of(24, 16, 8), List.of(5, 1, 3), 7,
                List.of(12, 9), heads);
        ModelInfo info = new ModelInfo(shipped.format(), shipped.version(), shipped.variant(), 1, "random weights",
                shipped.created(), shipped.features(), shipped.logScaling(), shipped.normalization(), other,
                List.of("classifier"), shipped.config(), List.of(), List.of());
        byte[] params;
        Random random = new Random(7);
        try (NDManager manager = NDManager.newBaseManager()) {
            Classifier c = new Classifier(other);
            c.initialize(manager, DataType.FLOAT32, new Shape(1, other.frames(), other.bins()));
            for (var p : c.getParameters()) {
                NDArray a = p.getValue().getArray();
                float[] v = new float[(int) a.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (random.nextGaussian() * 0.3);
                }
                a.set(v);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            c.saveParameters(new DataOutputStream(bytes));
            params = bytes.toByteArray();
        }
        Path model = dir.resolve("random.aaec");
        ModelFile.write(model, new ModelFile.Contents(info, Map.of("classifier", params)));
        try (EmotionRecognizer djl = EmotionRecognizer.load(model);
                EmotionRecognizer ort = EmotionRecognizer.load(model, Engine.ONNXRUNTIME, 1)) {
            assertEquals(3, ort.predict(clips.get(0)).heads().size());
            agree(djl, ort);
        }
    }

    @Test
    void theGraphIsOpset17WithDynamicBatchAndPyTorchsGru() throws Exception {
        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(shippedOnnx);
        assertEquals(17, model.getOpsetImport(0).getVersion());
        OnnxMl.TensorShapeProto in = model.getGraph().getInput(0).getType().getTensorType().getShape();
        assertEquals("features", model.getGraph().getInput(0).getName());
        assertEquals("batch", in.getDim(0).getDimParam());
        ModelConfig m;
        try (EmotionRecognizer r = EmotionRecognizer.loadDefault()) {
            m = r.info().model();
        }
        assertEquals(List.of((long) m.frames(), (long) m.bins()), List.of(in.getDim(1).getDimValue(),
                in.getDim(2).getDimValue()));
        assertEquals(List.of("arousal", "valence"), model.getGraph().getOutputList().stream()
                .map(OnnxMl.ValueInfoProto::getName).collect(Collectors.toList()));
        OnnxMl.NodeProto gru = model.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("GRU"))
                .findFirst().orElseThrow();
        Map<String, OnnxMl.AttributeProto> attrs = new LinkedHashMap<>();
        gru.getAttributeList().forEach(a -> attrs.put(a.getName(), a));
        assertEquals(1, attrs.get("linear_before_reset").getI());
        assertEquals("bidirectional", attrs.get("direction").getS().toStringUtf8());
    }

    @Test
    void theMetadataGivesBackTheDescription() throws Exception {
        try (EmotionRecognizer r = EmotionRecognizer.loadDefault()) {
            Path onnx = dir.resolve("m.onnx");
            Files.write(onnx, shippedOnnx);
            OnnxModels.Opened opened = OnnxModels.open(onnx, 1);
            try {
                assertEquals(r.info().features(), opened.info().features());
                assertEquals(r.info().normalization(), opened.info().normalization());
                assertEquals(r.info().model(), opened.info().model());
            } finally {
                opened.runtime().close();
            }
            Map<String, String> meta = new LinkedHashMap<>();
            OnnxMl.ModelProto.parseFrom(shippedOnnx).getMetadataPropsList().forEach(e -> meta.put(e.getKey(),
                    e.getValue()));
            var heads = new ObjectMapper().readTree(meta.get(OnnxModels.HEADS));
            assertEquals(r.info().model().heads().get(0).classes().get(0), heads.get("arousal").get(0).asText());
            var norm = new ObjectMapper().readTree(meta.get(OnnxModels.NORMALIZATION));
            assertEquals(r.info().normalization().mean()[5], norm.get("mean").get(5).asDouble(), 0);
            assertTrue(meta.get(OnnxModels.INPUT).contains("n_fft " + r.info().features().nFft()), meta.get("aaec.input"));
        }
    }

    /**
     * scripts/onnx_input.py, the numpy recipe the README gives users of an exported model, computes
     * from the metadata's settings the input aaec computes itself: for the shipped scaling and two
     * others (level utterance with silence trimmed; linear bins, no level), on a real clip decoded
     * by the reference FLAC decoder (fixtures by src/test/python/make_onnx_input_fixtures.py).
     */
    @ParameterizedTest
    @ValueSource(strings = {"shipped", "utterance-trim", "linear-none"})
    void theNumpyRecipeComputesAaecsInput(String variant) throws Exception {
        ModelInfo shipped;
        try (EmotionRecognizer r = EmotionRecognizer.loadDefault()) {
            shipped = r.info();
        }
        Normalization norm = new ObjectMapper().readValue(
                Shared.fixture("onnx/" + variant + ".normalization.json").toFile(), Normalization.class);
        ModelInfo info = new ModelInfo(shipped.format(), shipped.version(), shipped.variant(), 1, "fixture",
                shipped.created(), shipped.features(), true, norm, shipped.model().withInput(shipped.model().frames(),
                norm.bins()), List.of("classifier"), shipped.config(), List.of(), List.of());
        float[] mine = new ClipFeatures(info).prepare(new AudioLoader().load(Shared.corpus("emodb")
                .resolve("03a01Fa.flac"))).data();
        NpyFile.Array numpy = NpyFile.read(Shared.fixture("onnx/" + variant + ".features.npy"));
        assertEquals(List.of(shipped.model().frames(), norm.bins()), List.of(numpy.shape()[0], numpy.shape()[1]));
        assertEquals(numpy.data().length, mine.length);
        double worst = 0;
        for (int i = 0; i < mine.length; i++) {
            worst = Math.max(worst, Math.abs(mine[i] - numpy.data()[i]));
        }
        assertTrue(worst < 1e-4, variant + ": largest difference " + worst);
    }

    @Test
    void garbageIsRefusedNamingTheFile() throws Exception {
        Path junk = dir.resolve("junk.onnx");
        Files.write(junk, new byte[] {8, 1, 2, 3, 4, 5, 6, 7});
        IOException e = assertThrows(IOException.class, () -> EmotionRecognizer.load(junk, Engine.ONNXRUNTIME, 1));
        assertTrue(e.getMessage().startsWith(junk + ": not an ONNX model aaec can run"), e.getMessage());
        IOException torch = assertThrows(IOException.class, () -> EmotionRecognizer.load(junk));
        assertTrue(torch.getMessage().contains("--engine onnxruntime"), torch.getMessage());
        Path notModel = dir.resolve("notes.aaec");
        Files.writeString(notModel, "PK not really a zip");
        IOException export = assertThrows(IOException.class, () -> OnnxModels.export(notModel));
        assertTrue(export.getMessage().startsWith(notModel + ": "), export.getMessage());
    }

    /** A description whose heads do not fit the weights: export names the file and the parameter. */
    @Test
    void aClassifierThatIsNotTheDescribedOneIsNotExported() throws Exception {
        Map<String, byte[]> entries;
        try (var in = EmotionRecognizer.class.getResourceAsStream(EmotionRecognizer.DEFAULT_MODEL_RESOURCE)) {
            entries = new LinkedHashMap<>(org.aaec.io.ZipArchive.read(in, "m", org.aaec.io.ZipArchive.Limits.MODEL));
        }
        ObjectMapper json = new ObjectMapper();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(entries.get("model.json"));
        var classes = (com.fasterxml.jackson.databind.node.ArrayNode) tree.get("model").get("heads").get(0)
                .get("classes");
        classes.add("extreme");                                       // 4 arousal classes, weights for 3
        entries.put("model.json", json.writeValueAsBytes(tree));
        Path file = dir.resolve("other.aaec");
        org.aaec.io.ZipArchive.write(file, entries);
        IOException e = assertThrows(IOException.class, () -> OnnxModels.export(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("do not fit"), e.getMessage());
    }

    @Test
    void anOnnxModelWithoutAaecsDescriptionIsRefused() throws Exception {
        OnnxMl.ModelProto bare = OnnxMl.ModelProto.parseFrom(shippedOnnx).toBuilder().clearMetadataProps().build();
        Path file = dir.resolve("bare.onnx");
        Files.write(file, bare.toByteArray());
        IOException e = assertThrows(IOException.class, () -> EmotionRecognizer.load(file, Engine.ONNXRUNTIME, 1));
        assertTrue(e.getMessage().contains("without aaec's description"), e.getMessage());
    }
}
