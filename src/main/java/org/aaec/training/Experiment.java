package org.aaec.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Table 1 as one job: every configuration for every seed, on the same speaker-independent split
 * per seed (the split follows the seed, not the configuration). Runs that finished before are
 * reused, killed ones resume, and a run that fails is recorded and the others go on.
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
     * One run of the experiment.
     *
     * @param variant configuration
     * @param seed seed
     * @param dir run folder
     * @param state how it ended
     * @param error why it failed, or {@code null}
     * @param seconds wall time spent on it by this call
     */
    public record Run(Variant variant, long seed, Path dir, State state, String error, double seconds) {
    }

    private Experiment() {
    }

    /**
     * @param base the experiment config (its seed is the first seed)
     * @param seeds seeds to run
     * @param variants configurations to run
     * @param options per-run options (progress); {@code resume} is implied
     * @param train false to only collect runs that finished before (no training)
     * @param info one-line messages
     * @return one entry per (seed, variant), in order
     */
    public static List<Run> run(TrainConfig base, List<Long> seeds, List<Variant> variants,
            Function<String, TrainingRun.Options> options, boolean train, Consumer<String> info) {
        List<Run> runs = new ArrayList<>();
        int n = seeds.size() * variants.size();
        for (long seed : seeds) {
            for (Variant v : variants) {
                TrainConfig cfg = with(base, v, seed);
                Path dir = TrainingRun.runDir(cfg);
                long t0 = System.nanoTime();
                String label = String.format(java.util.Locale.ROOT, "[%d/%d] %s seed %d", runs.size() + 1, n, v.id(),
                        seed);
                try {
                    if (finished(dir, cfg)) {
                        info.accept(label + ": finished before, reused (" + dir + ")");
                        runs.add(new Run(v, seed, dir, State.REUSED, null, 0));
                        continue;
                    }
                    if (!train) {
                        info.accept(label + ": not finished, left out (" + dir + ")");
                        runs.add(new Run(v, seed, dir, State.MISSING, "not run yet", 0));
                        continue;
                    }
                    info.accept(label + ": training in " + dir);
                    TrainingRun.Options o = options.apply(label);
                    TrainingRun.run(cfg, new TrainingRun.Options(true, -1, o.listener(), o.features(), o.info()));
                    runs.add(new Run(v, seed, dir, State.TRAINED, null, (System.nanoTime() - t0) / 1e9));
                } catch (IOException | RuntimeException e) {
                    String why = e.getMessage() == null ? e.toString() : e.getMessage();
                    info.accept(label + ": FAILED: " + why);
                    runs.add(new Run(v, seed, dir, State.FAILED, why, (System.nanoTime() - t0) / 1e9));
                }
            }
        }
        return runs;
    }

    /**
     * @param base a config
     * @param v variant
     * @param seed seed
     * @return the config of one run
     */
    public static TrainConfig with(TrainConfig base, Variant v, long seed) {
        return new TrainConfig(base.name(), v, seed, base.data(), base.features(), base.schedule(), base.optimizer(),
                base.classWeights(), base.saveGenerator(), base.threads(), base.out(),
                base.model() == null ? Map.of() : base.model());
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
