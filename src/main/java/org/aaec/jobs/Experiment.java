package org.aaec.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aaec.report.ExperimentReport;
import org.aaec.report.RunRecord;
import org.aaec.training.Augment;
import org.aaec.training.ConfigLoader;
import org.aaec.training.Schedule;
import org.aaec.training.TrainConfig;
import org.aaec.training.Variant;

/**
 * Table 1 as one job: every configuration for every seed, on the same speaker-independent split
 * per seed (the split follows the seed, not the configuration), then the report. Runs that
 * finished before are reused, killed ones resume, and a run that fails is recorded and the others
 * go on.
 */
public final class Experiment {

    /** How one run ended. */
    public enum State {
        /** Trained now. */
        TRAINED,
        /** Finished earlier with the same config; read from its folder. */
        REUSED,
        /** Did not finish; {@link Run#error()} says why. */
        FAILED,
        /** Not run: only finished runs were asked for. */
        MISSING
    }

    /**
     * One configuration of the table: a variant, with or without classic augmentation.
     *
     * @param variant the configuration of Table 1
     * @param augmented whether to train it with the config's {@code augment:} section (or, when the
     *     config has none, {@link Augment#classic()}); its runs go to {@code OUT/NAME-aug/...}
     */
    public record Arm(Variant variant, boolean augmented) {

        /** The suffix that asks for augmentation. */
        public static final String AUG = "+aug";
        /**
         * What an augmented arm adds to the run name (and so to its folder): {@code -aug}, since a
         * name is letters, digits, '.', '_' and '-' only and is checked again when the run's
         * {@code config.yaml} is read back (with {@code +aug} every augmented run trained and was
         * then reported as failed).
         */
        public static final String NAME_SUFFIX = "-aug";

        /**
         * @param text a variant id, optionally with {@value #AUG} ({@code classifier+aug})
         * @return the arm
         * @throws IllegalArgumentException naming the valid ids
         */
        public static Arm parse(String text) {
            boolean aug = text.endsWith(AUG);
            return new Arm(Variant.parse(aug ? text.substring(0, text.length() - AUG.length()) : text), aug);
        }

        /** {@code aaec}, {@code classifier+aug}, ... */
        public String id() {
            return variant.id() + (augmented ? AUG : "");
        }

        /**
         * @param base the experiment config
         * @param seed the seed
         * @return the config of this arm's run with that seed
         */
        public TrainConfig config(TrainConfig base, long seed) {
            TrainConfig c = base.withRun(variant, seed);
            if (!augmented) {
                return c;
            }
            Augment a = base.augment().enabled() ? base.augment() : Augment.classic();
            return c.withAugment(a).withName(base.name() + NAME_SUFFIX);
        }
    }

    /**
     * One run of the experiment.
     *
     * @param arm configuration
     * @param seed seed
     * @param fold fold of the K-fold protocol, or {@link RunRecord#NO_FOLD}
     * @param dir run folder
     * @param state how it ended
     * @param error why it failed, or {@code null}
     * @param seconds wall time spent on it by this call
     */
    public record Run(Arm arm, long seed, int fold, Path dir, State state, String error, double seconds) {
    }

    /**
     * What to run.
     *
     * @param base the experiment config (its seed is the first seed)
     * @param seeds seeds to run
     * @param variants configurations to run (with or without augmentation)
     * @param folds 0 for the config's split per seed, or K for a K-fold speaker protocol: every
     *     seed runs every fold, all on one speaker partition (seeded by the config's seed)
     * @param train false to only report runs that finished before (no training)
     * @param reportDir report folder, or {@code null} for {@code out/name/report}
     * @param command the command line that reproduces the report
     */
    public record Plan(TrainConfig base, List<Long> seeds, List<Arm> variants, int folds, boolean train,
            Path reportDir, String command) {

        /** Checks the fold count. */
        public Plan {
            if (folds != 0 && folds < 3) {
                throw new IllegalArgumentException("folds must be 0 (no K-fold protocol) or at least 3: " + folds);
            }
        }

    }

    /**
     * What the experiment produced.
     *
     * @param runs one entry per (seed, variant), in order
     * @param records what each run's folder says (scores, or why it failed)
     * @param report the report written, with its tables
     */
    public record Result(List<Run> runs, List<RunRecord> records, ExperimentReport.Written report) {

        /** Runs that did not produce scores. */
        public long failed() {
            return records.stream().filter(r -> !r.ok()).count();
        }
    }

    private Experiment() {
    }

    /**
     * @param plan what to run
     * @param options per-run options (progress), given the run's label; {@code resume} is implied
     * @param reporter one line per run
     * @return the runs and the report
     * @throws IOException when the report cannot be written
     */
    public static Result run(Plan plan, Function<String, TrainingRun.Options> options, Reporter reporter)
            throws IOException {
        long t0 = System.nanoTime();
        List<Run> runs = new ArrayList<>();
        int n = plan.seeds().size() * RunRecord.folds(plan.folds()).size() * plan.variants().size();
        for (long seed : plan.seeds()) {
            for (int fold : RunRecord.folds(plan.folds())) {
                for (Arm v : plan.variants()) {
                    TrainConfig c = v.config(plan.base(), seed);
                    c = fold == RunRecord.NO_FOLD ? c : c.withFold(plan.folds(), fold, plan.base().seed());
                    String label = String.format(Locale.ROOT, "[%d/%d] %s seed %d%s", runs.size() + 1, n, v.id(), seed,
                            fold == RunRecord.NO_FOLD ? "" : " fold " + fold);
                    runs.add(one(plan, v, fold, c, label, options, reporter));
                }
            }
        }
        List<RunRecord> records = new ArrayList<>();
        for (Run r : runs) {
            if (r.state() == State.FAILED || r.state() == State.MISSING) {
                records.add(RunRecord.failed(r.arm().id(), r.seed(), r.fold(), r.dir(), r.error()));
                continue;
            }
            try {
                records.add(RunRecord.read(r.arm().id(), r.seed(), r.fold(), r.dir()));
            } catch (IOException e) {
                records.add(RunRecord.failed(r.arm().id(), r.seed(), r.fold(), r.dir(), e.getMessage()));
            }
        }
        TrainConfig base = plan.base();
        Path reportDir = plan.reportDir() != null ? plan.reportDir() : Path.of(base.out(), base.name(), "report");
        String data = base.data().stream().map(s -> s.location()).collect(Collectors.joining(" + "));
        ExperimentReport.Input in = new ExperimentReport.Input(base.name(), data, describe(base),
                features(base.features(), base.logScaling()),
                plan.seeds(), plan.folds(), plan.variants().stream().map(Arm::id).toList(), records,
                (System.nanoTime() - t0) / 1e9, plan.command());
        return new Result(runs, records, ExperimentReport.write(reportDir, in));
    }

    private static Run one(Plan plan, Arm arm, int fold, TrainConfig cfg, String label,
            Function<String, TrainingRun.Options> options, Reporter reporter) {
        Path dir = TrainingRun.runDir(cfg);
        long t0 = System.nanoTime();
        try {
            if (finished(dir, cfg)) {
                reporter.info(label + ": finished before, reused (" + dir + ")");
                return new Run(arm, cfg.seed(), fold, dir, State.REUSED, null, 0);
            }
            if (!plan.train()) {
                reporter.info(label + ": not finished, left out (" + dir + ")");
                return new Run(arm, cfg.seed(), fold, dir, State.MISSING, "not run yet", 0);
            }
            reporter.info(label + ": training in " + dir);
            TrainingRun.run(cfg, options.apply(label).withResume(true));
            return new Run(arm, cfg.seed(), fold, dir, State.TRAINED, null, (System.nanoTime() - t0) / 1e9);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            reporter.warn(label + ": FAILED: " + why);
            return new Run(arm, cfg.seed(), fold, dir, State.FAILED, why, (System.nanoTime() - t0) / 1e9);
        }
    }

    /** The feature settings in one line of the report: every key that changes what the network sees. */
    static String features(TrainConfig.Features f, boolean log) {
        return String.format(Locale.ROOT, "%.1f s clips, %s, FFT 1024, hop 512, %s", f.maxSeconds(),
                log ? "log-standardised scaling, level " + f.level() + ", silence " + f.silence() : "raw scaling",
                f.mels() == 0 ? "513 linear bins" : f.mels() + " mel bands");
    }

    private static String describe(TrainConfig c) {
        Schedule s = c.schedule();
        return String.format(Locale.ROOT, "preset `%s`: I = %d, K1 = %d, K2 = %d, K3 = %d, fine-tune %d, batch %d%s, "
                + "class weights %s", s.preset(), s.iterations(), s.k1(), s.k2(), s.k3(), s.fineTuneEpochs(),
                s.batchSize(), s.maxBatchesPerEpoch() > 0 ? ", at most " + s.maxBatchesPerEpoch() + " batches/epoch"
                        : "", c.classWeights() ? "on" : "off");
    }

    /** A finished run of exactly this config: its metrics and model exist and its config matches. */
    private static boolean finished(Path dir, TrainConfig cfg) throws IOException {
        if (!Files.isRegularFile(dir.resolve("metrics.json")) || !Files.isRegularFile(dir.resolve("model.aaec"))) {
            return false;
        }
        Path written = dir.resolve("config.yaml");
        if (Files.isRegularFile(written) && !ConfigLoader.load(written, List.of()).sameRun(cfg)) {
            throw new IOException(dir + " holds a finished run of another config; move it away or change the "
                    + "experiment name");
        }
        return true;
    }
}
