package org.aaec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aaec.training.ConfigLoader;
import org.aaec.training.TrainConfig;
import org.aaec.jobs.TrainingRun;
import org.aaec.training.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code aaec train}: one training run from an experiment config. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train one configuration (Algorithm 1) from an experiment config file.",
            "Writes OUT/NAME/VARIANT/seed-N/ with model.aaec, log.jsonl, config.yaml, metrics.json."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Experiment config (YAML or JSON).")
    Path config;

    @Option(names = "--variant", paramLabel = "V", description = "Configuration: aaec, aae_c, aae_plus_c, aaec_ori, "
            + "classifier (overrides the config).")
    String variant;

    @Option(names = "--seed", description = "Seed (overrides the config).")
    Long seed;

    @Option(names = "--preset", paramLabel = "NAME", description = "Schedule preset: default, paper, smoke.")
    String preset;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for runs (overrides the config).")
    String out;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override any config key, e.g. --set schedule.iterations=10 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--resume", description = "Continue the run from its checkpoint.")
    boolean resume;

    @Override
    public Integer call() throws Exception {
        List<String> all = new ArrayList<>(overrides);
        if (variant != null) {
            try {
                all.add("variant=" + Variant.parse(variant).id());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--variant: " + e.getMessage());
            }
        }
        if (seed != null) {
            all.add("seed=" + seed);
        }
        if (preset != null) {
            all.add("schedule.preset=" + preset);
        }
        if (out != null) {
            all.add("out=" + out);
        }
        TrainConfig cfg = ConfigLoader.load(config, all);
        Terminal t = Terminal.of(spec);
        PrintWriter w = t.out();
        Engines.configureThreads(cfg.threads());
        w.printf(Locale.ROOT, "run: %s (variant %s, seed %d, schedule %s)%n", TrainingRun.runDir(cfg),
                cfg.variant().id(), cfg.seed(), cfg.schedule());
        w.flush();
        TrainingRun.Result r = TrainingRun.run(cfg, TrainProgress.options(t, resume, ""));
        w.printf(Locale.ROOT, "kept the classifier of epoch %d (best validation combined); %.1f s%n",
                r.outcome().bestEpoch(), r.outcome().seconds());
        MetricsTable.print(w, "validation", r.outcome().validation());
        MetricsTable.print(w, "test", r.test());
        r.evaluated().forEach((source, heads) -> MetricsTable.print(w, "evaluate: " + source + " (every clip)",
                heads));
        w.printf("model: %s%n", r.model());
        return ExitCode.OK.code();
    }
}
