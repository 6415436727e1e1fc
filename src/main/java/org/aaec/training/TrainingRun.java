package org.aaec.training;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.aaec.data.CorpusSource;
import org.aaec.data.Manifest;
import org.aaec.data.ManifestCsv;
import org.aaec.data.Split;
import org.aaec.evaluation.HeadMetrics;
import org.aaec.features.ExtractionSummary;
import org.aaec.features.FeatureConfig;
import org.aaec.features.FeatureExtractor;
import org.aaec.features.FeatureStore;
import org.aaec.features.Normalization;
import org.aaec.features.NpyFile;
import org.aaec.model.HeadSpec;
import org.aaec.model.ModelConfig;
import org.aaec.model.Network;
import org.aaec.serving.ModelFile;
import org.aaec.serving.ModelInfo;

/**
 * One training run as a recipe: resolve the data and its speaker split, extract (or reuse) the
 * features, train with {@link AaecTrainer}, score the kept classifier once on the test split, and
 * leave a run folder {@code out/name/variant/seed-N} with {@code config.yaml}, {@code manifest.csv},
 * {@code log.jsonl}, {@code checkpoint.zip}, {@code model.aaec} and {@code metrics.json}.
 */
public final class TrainingRun {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What a finished run produced.
     *
     * @param dir the run folder
     * @param model the model file
     * @param outcome the selection made on the validation split
     * @param test test scores (empty without a test split)
     * @param splits clips per split actually used (train, validation, test)
     */
    public record Result(Path dir, Path model, TrainingOutcome outcome, List<HeadMetrics> test, int[] splits) {
    }

    /**
     * How to run.
     *
     * @param resume continue from the run folder's checkpoint (or report the finished run)
     * @param stopAfterEpochs stop after this many epochs (tests of resuming), -1 to run to the end
     * @param listener training progress
     * @param features called with the clip count, then once per extracted clip (progress)
     * @param info one-line messages for the user
     */
    public record Options(boolean resume, int stopAfterEpochs, TrainingListener listener,
            FeatureProgress features, Consumer<String> info) {

        /** Defaults: no resume, to the end, silent. */
        public static Options quiet() {
            return new Options(false, -1, TrainingListener.NONE, FeatureProgress.NONE, s -> { });
        }
    }

    /** Progress of the feature extraction that precedes training. */
    public interface FeatureProgress {
        /** Silent. */
        FeatureProgress NONE = total -> n -> { };

        /**
         * @param total clips to go through
         * @return called once per clip
         */
        IntConsumer start(int total);
    }

    private TrainingRun() {
    }

    /**
     * @param config the config
     * @return its run folder
     */
    public static Path runDir(TrainConfig config) {
        return Path.of(config.out(), config.name(), config.variant().id(), "seed-" + config.seed());
    }

    /**
     * Runs (or resumes) a training run.
     *
     * @param config resolved config
     * @param options how
     * @return what it produced
     * @throws IOException when data, features or the run folder fail
     */
    public static Result run(TrainConfig config, Options options) throws IOException {
        Path dir = runDir(config);
        Path checkpoint = dir.resolve("checkpoint.zip");
        if (!options.resume() && Files.exists(checkpoint)) {
            throw new IOException(dir + " already holds a run; pass --resume to continue it, or change the name, "
                    + "seed or out folder");
        }
        Path written = dir.resolve("config.yaml");
        if (options.resume() && Files.exists(checkpoint) && Files.exists(written)
                && !ConfigLoader.load(written, List.of()).sameRun(config)) {
            throw new IOException(dir + " holds a run of another config (" + written + "); it cannot be resumed "
                    + "with this one");
        }
        Files.createDirectories(dir);
        Files.writeString(written, ConfigLoader.toYaml(config));

        Manifest manifest = manifest(config);
        ManifestCsv.write(manifest, dir.resolve("manifest.csv"));
        FeatureConfig fc = FeatureConfig.defaults().withMaxSeconds(config.features().maxSeconds());
        Path storeDir = storeDir(config, fc);
        options.info().accept("features: " + storeDir + " (T=" + fc.frames() + " x F=" + fc.bins() + ")");
        FeatureStore store = FeatureStore.createOrOpen(storeDir, fc);
        int threads = config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors();
        IntConsumer tick = options.features().start(manifest.size());
        ExtractionSummary summary = new FeatureExtractor(fc, threads).run(manifest, store, id -> tick.accept(1));
        if (summary.failed() > 0) {
            options.info().accept("warning: " + summary.failed() + " clip(s) could not be read and are left out, "
                    + "listed in " + storeDir.resolve("errors.csv") + "; first: " + summary.errors().get(0).message());
        }
        Normalization norm = summary.normalization();
        if (norm == null) {
            throw new IOException("no training clips could be read; nothing to train on");
        }

        List<HeadSpec> heads = heads(config, manifest);
        Normalization applied = config.logScaling() ? norm : null;
        ClipSet train = ClipSet.load(store, manifest.entries(Split.TRAIN), heads, applied);
        ClipSet validation = ClipSet.load(store, manifest.entries(Split.VALIDATION), heads, applied);
        ClipSet test = ClipSet.load(store, manifest.entries(Split.TEST), heads, applied);
        int[] sizes = {train.size(), validation.size(), test.size()};
        options.info().accept(String.format(java.util.Locale.ROOT,
                "clips: %d train, %d validation, %d test; heads: %s", sizes[0], sizes[1], sizes[2],
                heads.stream().map(h -> h.name() + " " + h.classes()).collect(java.util.stream.Collectors.joining(", "))));
        ModelConfig modelConfig = modelConfig(config, fc, heads);

        Path log = dir.resolve("log.jsonl");
        try (NDManager root = NDManager.newBaseManager();
                AaecTrainer trainer = new AaecTrainer(config, modelConfig, train, validation, root)) {
            if (options.resume() && Files.exists(checkpoint)) {
                trainer.restore(checkpoint);
                truncateLog(log, trainer.nextEpoch());
                options.info().accept("resuming " + dir + " at epoch " + trainer.nextEpoch() + " of "
                        + trainer.plannedEpochs());
            } else {
                Files.deleteIfExists(log);
            }
            writeSummaries(dir, train, test);
            trainer.onGenerated(g -> {
                try {
                    Path file = dir.resolve("generated").resolve(String.format("iteration-%04d.npy", g.iteration()));
                    Files.createDirectories(file.getParent());
                    NpyFile.writeFloat32(file, g.meanSpectra(), g.rows(), g.bins());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(file(dir) + ": cannot write generated samples", e);
                }
            });
            TrainingOutcome outcome = trainer.fit(options.listener(), r -> append(log, r), checkpoint,
                    options.stopAfterEpochs());
            if (trainer.nextEpoch() < trainer.plannedEpochs()) {
                return new Result(dir, null, outcome, List.of(), sizes); // stopped early on request
            }
            List<HeadMetrics> testScores = test.size() == 0 ? List.of()
                    : Scorer.score(trainer.networks().block(Network.CLASSIFIER), test,
                            config.schedule().batchSize(), root);
            Path modelFile = dir.resolve(ModelFile.FILE_NAME);
            Map<String, byte[]> weights = new LinkedHashMap<>();
            weights.put("classifier", AaecTrainer.save(trainer.networks().block(Network.CLASSIFIER)));
            if (config.saveGenerator() && config.variant().hasGenerator()) {
                for (Network n : List.of(Network.ENCODER, Network.DECODER)) {
                    weights.put(n.id(), AaecTrainer.save(trainer.networks().block(n)));
                }
            }
            ModelInfo info = new ModelInfo(ModelFile.FORMAT, ModelFile.VERSION, config.variant().id(), config.seed(),
                    source(config), OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(), fc,
                    config.logScaling(), norm, modelConfig, List.copyOf(weights.keySet()), ConfigLoader.toTree(config),
                    outcome.validation(), testScores);
            ModelFile.write(modelFile, new ModelFile.Contents(info, weights));
            writeMetrics(dir.resolve("metrics.json"), config, outcome, testScores, sizes, manifest);
            return new Result(dir, modelFile, outcome, testScores, sizes);
        }
    }

    /** Time-averaged spectra of the real training and test clips, beside the generated ones (Figure 5). */
    private static void writeSummaries(Path dir, ClipSet train, ClipSet test) throws IOException {
        NpyFile.writeFloat32(dir.resolve("real-train.npy"), train.meanSpectra(), train.size(), train.bins());
        if (test.size() > 0) {
            NpyFile.writeFloat32(dir.resolve("real-test.npy"), test.meanSpectra(), test.size(), test.bins());
        }
    }

    private static Path file(Path dir) {
        return dir.resolve("generated");
    }

    /** The clips of the config with their speaker-independent split. */
    static Manifest manifest(TrainConfig config) throws IOException {
        TrainConfig.Data d = config.data();
        Manifest m = CorpusSource.read(path(d.manifest()), path(d.input()), d.corpus(), path(d.labelMap()), "emotion",
                null, null);
        return CorpusSource.split(m, d.validationShare(), d.testShare(), null, 0, config.splitSeed(), false);
    }

    private static Path storeDir(TrainConfig config, FeatureConfig fc) {
        if (config.data().store() != null && !config.data().store().isBlank()) {
            return Path.of(config.data().store());
        }
        String from = config.data().input() != null ? Path.of(config.data().input()).getFileName().toString()
                : Path.of(config.data().manifest()).getFileName().toString().replaceFirst("\\.csv$", "");
        return Path.of("stores", from + "-" + fc.fingerprint());
    }

    /** Heads: the configured label columns, else arousal and valence when present, else every column. */
    static List<HeadSpec> heads(TrainConfig config, Manifest manifest) {
        List<String> names = config.data().labels();
        if (names == null || names.isEmpty()) {
            names = manifest.labelColumns().containsAll(List.of("arousal", "valence")) ? List.of("arousal", "valence")
                    : manifest.labelColumns();
        }
        List<HeadSpec> heads = new ArrayList<>();
        for (String n : names) {
            if (!manifest.labelColumns().contains(n)) {
                throw new IllegalArgumentException("label column '" + n + "' is not in the data (it has "
                        + manifest.labelColumns() + ")");
            }
            List<String> classes = manifest.classes(n);
            if (classes.size() < 2) {
                throw new IllegalArgumentException("label column '" + n + "' has " + classes.size()
                        + " class(es); a head needs at least two");
            }
            heads.add(new HeadSpec(n, classes));
        }
        return heads;
    }

    /** The paper's widths for this input and heads, with the config's changes merged in. */
    static ModelConfig modelConfig(TrainConfig config, FeatureConfig fc, List<HeadSpec> heads) throws IOException {
        ModelConfig standard = ModelConfig.standard(fc.frames(), fc.bins(), heads);
        if (config.model() == null || config.model().isEmpty()) {
            return standard;
        }
        ObjectNode tree = ConfigLoader.tree(standard);
        ObjectNode changes = ConfigLoader.tree(config.model());
        for (String fixed : List.of("frames", "bins", "heads")) {
            if (changes.has(fixed)) {
                throw new IllegalArgumentException("model." + fixed + " follows from the data and features; "
                        + "it cannot be set");
            }
        }
        tree.setAll(changes);
        try {
            return ConfigLoader.convert(tree, ModelConfig.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("model: " + e.getMessage(), e);
        }
    }

    private static String source(TrainConfig config) {
        return config.data().input() != null ? config.data().input() : config.data().manifest();
    }

    private static Path path(String s) {
        return s == null || s.isBlank() ? null : Path.of(s);
    }

    private static void append(Path log, EpochRecord r) {
        try {
            Files.writeString(log, new ObjectMapper().writeValueAsString(r) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(log + ": cannot append to the log", e);
        }
    }

    /** Drops log lines of epochs after the checkpoint (they are run again). */
    private static void truncateLog(Path log, int nextEpoch) throws IOException {
        if (!Files.exists(log)) {
            return;
        }
        List<String> keep = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (!line.isBlank() && JSON.readTree(line).path("epoch").asInt() < nextEpoch) {
                keep.add(line);
            }
        }
        Files.write(log, keep);
    }

    private static void writeMetrics(Path file, TrainConfig config, TrainingOutcome outcome, List<HeadMetrics> test,
            int[] sizes, Manifest manifest) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", config.name());
        root.put("variant", config.variant().id());
        root.put("seed", config.seed());
        root.put("bestEpoch", outcome.bestEpoch());
        root.put("epochs", outcome.epochs());
        root.put("trainSeconds", outcome.seconds());
        ObjectNode splits = root.putObject("splits");
        Split[] order = Split.values();
        for (int i = 0; i < order.length; i++) {
            ObjectNode s = splits.putObject(order[i].label());
            s.put("clips", sizes[i]);
            s.put("speakers", manifest.speakers(order[i]).size());
        }
        root.set("validation", scores(outcome.validation()));
        root.set("test", scores(test));
        Files.writeString(file, JSON.writeValueAsString(root));
    }

    private static ObjectNode scores(List<HeadMetrics> heads) {
        ObjectNode n = JSON.createObjectNode();
        if (!heads.isEmpty()) {
            n.put("combined", org.aaec.evaluation.Metrics.overall(heads));
        }
        n.set("heads", JSON.valueToTree(heads));
        return n;
    }
}
