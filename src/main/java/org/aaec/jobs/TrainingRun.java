package org.aaec.jobs;

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
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.aaec.data.ManifestCsv;
import org.aaec.data.Split;
import org.aaec.evaluation.HeadMetrics;
import org.aaec.evaluation.Metrics;
import org.aaec.features.FeatureConfig;
import org.aaec.features.Normalization;
import org.aaec.features.NpyFile;
import org.aaec.io.AtomicFiles;
import org.aaec.io.FolderLock;
import org.aaec.model.ModelConfig;
import org.aaec.model.Network;
import org.aaec.serving.ModelFile;
import org.aaec.serving.ModelInfo;
import org.aaec.training.AaecTrainer;
import org.aaec.training.Augmenter;
import org.aaec.training.ClipSet;
import org.aaec.training.ConfigLoader;
import org.aaec.training.EpochRecord;
import org.aaec.training.Scorer;
import org.aaec.training.TrainConfig;
import org.aaec.training.TrainingListener;
import org.aaec.training.TrainingOutcome;
import org.aaec.training.Weights;

/**
 * One training run as a recipe: lock the run folder, load the sources and their speaker splits,
 * extract (or reuse) their features, measure the normalisation on the training clips, train with
 * {@link AaecTrainer}, score the kept classifier once on the test split and on every evaluation
 * source, and write the model file. Leaves {@code out/name/variant/seed-N/} with {@code config.yaml},
 * {@code manifest.csv}, {@code normalization.json}, {@code log.jsonl}, {@code checkpoint.zip},
 * {@code model.aaec} and {@code metrics.json}.
 */
public final class TrainingRun {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What a finished run produced.
     *
     * @param dir the run folder
     * @param model the model file ({@code null} when stopped early on request)
     * @param outcome the selection made on the validation split
     * @param test test scores (empty without a test split)
     * @param splits clips per split actually used (train, validation, test)
     * @param evaluated scores on each evaluation source, by source name
     */
    public record Result(Path dir, Path model, TrainingOutcome outcome, List<HeadMetrics> test, int[] splits,
            Map<String, List<HeadMetrics>> evaluated) {
    }

    /**
     * How to run.
     *
     * @param resume continue from the run folder's checkpoint (or report the finished run)
     * @param stopAfterEpochs stop after this many epochs (tests of resuming), -1 to run to the end
     * @param listener training progress
     * @param reporter extraction progress and messages
     */
    public record Options(boolean resume, int stopAfterEpochs, TrainingListener listener, Reporter reporter) {

        /** Defaults: no resume, to the end, silent. */
        public static Options quiet() {
            return new Options(false, -1, TrainingListener.NONE, Reporter.SILENT);
        }

        /**
         * @param resumeRun whether to resume
         * @return a copy with that setting
         */
        public Options withResume(boolean resumeRun) {
            return new Options(resumeRun, stopAfterEpochs, listener, reporter);
        }
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
     * @throws IOException when data, features or the run folder fail, or another process writes the folder
     */
    public static Result run(TrainConfig config, Options options) throws IOException {
        if (config.data().isEmpty()) {
            throw new IllegalArgumentException("the config has no data: give data.input (a corpus folder) or "
                    + "data.manifest (a CSV)");
        }
        Path dir = runDir(config);
        FolderLock lock;
        try {
            lock = FolderLock.tryAcquire(dir);
        } catch (FolderLock.BusyException e) {
            throw new IOException(dir + " is being written by " + e.holder() + "; wait for that run to finish, "
                    + "or change the name, seed or out folder");
        }
        try (lock) {
            return runLocked(config, options, dir);
        }
    }

    private static Result runLocked(TrainConfig config, Options options, Path dir) throws IOException {
        Reporter reporter = options.reporter();
        Path checkpoint = dir.resolve("checkpoint.zip");
        if (!options.resume() && Files.exists(checkpoint)) {
            throw new IOException(dir + " already holds a run; pass --resume to continue it, or change the name, "
                    + "seed or out folder");
        }
        int removed = AtomicFiles.removeLeftovers(dir); // a kill mid-write (of a checkpoint, say) leaves one
        if (removed > 0) {
            reporter.info("removed " + removed + " temporary file(s) a killed run left in " + dir);
        }
        Path written = dir.resolve("config.yaml");
        int threads = config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors();
        if (options.resume() && Files.exists(checkpoint) && Files.exists(written)) {
            TrainConfig before = ConfigLoader.load(written, List.of());
            if (!before.sameRun(config)) {
                throw new IOException(dir + " holds a run of another config (" + written + "); it cannot be "
                        + "resumed with this one");
            }
            if (before.threads() > 0 && before.threads() != threads) {
                throw new IOException(String.format(Locale.ROOT, "%s was trained with %d engine thread(s) and this "
                        + "run would use %d; results depend on the thread count, so resume with --set threads=%d "
                        + "(or start a new run)", dir, before.threads(), threads, before.threads()));
            }
        }
        // the thread count actually used is recorded, so that a resume on another machine can be checked
        AtomicFiles.writeString(written, ConfigLoader.toYaml(config.withThreads(threads)));

        FeatureConfig fc = FeatureConfig.defaults().withMaxSeconds(config.features().maxSeconds());
        RunData data = RunData.load(config, fc, threads, reporter);
        ManifestCsv.write(data.manifest(), dir.resolve("manifest.csv"));
        Normalization norm = data.normalization();
        AtomicFiles.write(dir.resolve("normalization.json"), JSON.writeValueAsBytes(norm));
        ClipSet train = data.train();
        ClipSet test = data.test();
        int[] sizes = {train.size(), data.validation().size(), test.size()};
        reporter.info(String.format(Locale.ROOT, "clips: %d train, %d validation, %d test; heads: %s", sizes[0],
                sizes[1], sizes[2], data.heads().stream().map(h -> h.name() + " " + h.classes())
                        .collect(Collectors.joining(", "))));
        ModelConfig modelConfig = ConfigLoader.modelConfig(config, fc, data.heads());

        Path log = dir.resolve("log.jsonl");
        try (NDManager root = NDManager.newBaseManager();
                AaecTrainer trainer = new AaecTrainer(config, modelConfig, train, data.validation(), root)) {
            if (config.augment().enabled()) {
                trainer.augmentWith(new Augmenter(config.augment(), config.logScaling() ? norm : null, train));
            }
            if (options.resume() && Files.exists(checkpoint)) {
                trainer.restore(checkpoint);
                truncateLog(log, trainer.nextEpoch());
                reporter.info("resuming " + dir + " at epoch " + trainer.nextEpoch() + " of "
                        + trainer.plannedEpochs());
            } else {
                Files.deleteIfExists(log);
            }
            writeSummaries(dir, train, test);
            trainer.onGenerated(g -> {
                Path file = dir.resolve("generated").resolve(String.format("iteration-%04d.npy", g.iteration()));
                try {
                    Files.createDirectories(file.getParent());
                    NpyFile.writeFloat32(file, g.meanSpectra(), g.rows(), g.bins());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(file + ": cannot write generated samples", e);
                }
            });
            TrainingOutcome outcome = trainer.fit(options.listener(), r -> append(log, r), checkpoint,
                    options.stopAfterEpochs());
            if (trainer.nextEpoch() < trainer.plannedEpochs()) {
                return new Result(dir, null, outcome, List.of(), sizes, Map.of()); // stopped early on request
            }
            var classifier = trainer.networks().block(Network.CLASSIFIER);
            int batch = config.schedule().batchSize();
            List<HeadMetrics> testScores = test.size() == 0 ? List.of() : Scorer.score(classifier, test, batch, root);
            Map<String, List<HeadMetrics>> evaluated = new LinkedHashMap<>();
            for (Map.Entry<String, ClipSet> e : data.evaluation().entrySet()) {
                evaluated.put(e.getKey(), Scorer.score(classifier, e.getValue(), batch, root));
            }
            Path modelFile = dir.resolve(ModelFile.FILE_NAME);
            Map<String, byte[]> weights = new LinkedHashMap<>();
            weights.put("classifier", Weights.save(classifier));
            if (config.saveGenerator() && config.variant().hasGenerator()) {
                for (Network n : List.of(Network.ENCODER, Network.DECODER)) {
                    weights.put(n.id(), Weights.save(trainer.networks().block(n)));
                }
            }
            ModelInfo info = new ModelInfo(ModelFile.FORMAT, ModelFile.VERSION, config.variant().id(), config.seed(),
                    data.describe(), OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(), fc,
                    config.logScaling(), norm, modelConfig, List.copyOf(weights.keySet()), ConfigLoader.toTree(config),
                    outcome.validation(), testScores);
            ModelFile.write(modelFile, new ModelFile.Contents(info, weights));
            writeMetrics(dir.resolve("metrics.json"), config, outcome, testScores, evaluated, sizes, data);
            return new Result(dir, modelFile, outcome, testScores, sizes, evaluated);
        }
    }

    /** Time-averaged spectra of the real training and test clips, beside the generated ones (Figure 5). */
    private static void writeSummaries(Path dir, ClipSet train, ClipSet test) throws IOException {
        NpyFile.writeFloat32(dir.resolve("real-train.npy"), train.meanSpectra(), train.size(), train.bins());
        if (test.size() > 0) {
            NpyFile.writeFloat32(dir.resolve("real-test.npy"), test.meanSpectra(), test.size(), test.bins());
        }
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
                keep.add(line + "\n");
            }
        }
        AtomicFiles.writeString(log, String.join("", keep));
    }

    private static void writeMetrics(Path file, TrainConfig config, TrainingOutcome outcome, List<HeadMetrics> test,
            Map<String, List<HeadMetrics>> evaluated, int[] sizes, RunData data) throws IOException {
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
            s.put("speakers", data.manifest().speakers(order[i]).size());
        }
        root.set("validation", scores(outcome.validation()));
        root.set("test", scores(test));
        if (!evaluated.isEmpty()) {
            ObjectNode e = root.putObject("evaluate");
            evaluated.forEach((name, heads) -> e.set(name, scores(heads)));
        }
        AtomicFiles.write(file, JSON.writeValueAsBytes(root));
    }

    /** Overall Combined, per-head scores and the majority-class baseline (metrics.json, evaluate --json). */
    static ObjectNode scores(List<HeadMetrics> heads) {
        ObjectNode n = JSON.createObjectNode();
        if (heads.isEmpty()) {
            n.set("heads", JSON.valueToTree(heads));
            return n;
        }
        n.put("combined", Metrics.overall(heads));
        n.set("heads", JSON.valueToTree(heads));
        List<HeadMetrics> base = Metrics.majorityBaselines(heads);
        ObjectNode b = n.putObject("majorityBaseline");
        b.put("combined", Metrics.overall(base));
        b.set("heads", JSON.valueToTree(base));
        return n;
    }
}
