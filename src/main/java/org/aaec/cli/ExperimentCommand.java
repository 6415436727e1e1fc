package org.aaec.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.aaec.jobs.Experiment;
import org.aaec.training.ConfigLoader;
import org.aaec.training.TrainConfig;
import org.aaec.training.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code aaec experiment}: Table 1 over seeds, with a report. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = {"Run the five configurations of Table 1 for several seeds on the same speaker-independent "
            + "splits and write a report (Markdown, HTML, JSON, PNG plots) to OUT/NAME/report/.",
            "Finished runs are reused, killed ones resume, failed ones are reported in the table."})
final class ExperimentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Experiment config.")
    Path config;

    @Option(names = "--seeds", defaultValue = "3", description = "Number of seeds: the config's seed and the next "
            + "ones (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--folds", defaultValue = "0", paramLabel = "K", description = "K-fold speaker protocol: every "
            + "seed runs K folds of one speaker partition, each fold's speakers tested once (0: the config's split per "
            + "seed; default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--variants", split = ",", paramLabel = "V", description = "Configurations to run (default: all "
            + "five); add +aug for one trained with classic augmentation (classifier+aug, aaec+aug).")
    List<String> variants;

    @Option(names = "--preset", paramLabel = "NAME", description = "Schedule preset: default, paper, smoke.")
    String preset;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for runs and the report.")
    String out;

    @Option(names = "--report", paramLabel = "DIR", description = "Report folder (default: OUT/NAME/report).")
    Path report;

    @Option(names = "--report-only", description = "Train nothing: report the runs that finished before; the others "
            + "are listed as not run.")
    boolean reportOnly;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override any config key (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (seeds < 1) {
            throw new ParameterException(spec.commandLine(), "--seeds must be at least 1");
        }
        if (folds != 0 && folds < 3) {
            throw new ParameterException(spec.commandLine(), "--folds must be 0 or at least 3: " + folds);
        }
        List<Experiment.Arm> vs = new ArrayList<>();
        try {
            for (String v : variants == null ? List.of(Variant.ids().split(", ")) : variants) {
                vs.add(Experiment.Arm.parse(v.trim()));
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--variants: " + e.getMessage());
        }
        List<String> all = new ArrayList<>(overrides);
        if (preset != null) {
            all.add("schedule.preset=" + preset);
        }
        if (out != null) {
            all.add("out=" + out);
        }
        TrainConfig base = ConfigLoader.load(config, all);
        Engines.configureThreads(base.threads());
        List<Long> seedList = new ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            seedList.add(base.seed() + i);
        }
        Terminal t = Terminal.of(spec);
        String command = "./aaec " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        Experiment.Result r = Experiment.run(new Experiment.Plan(base, seedList, vs, folds, !reportOnly, report, command),
                label -> TrainProgress.options(t, true, "  "), t);
        t.out().println();
        t.out().print(r.report().table1().text());
        t.out().printf("%nreport: %s (report.md, report.html, results.json, plots/)%n", r.report().dir());
        t.out().flush();
        if (r.failed() > 0) {
            t.warn("warning: " + r.failed() + " of " + r.records().size() + " run(s) failed; see the report");
        }
        return r.failed() == r.records().size() ? ExitCode.FAILURE.code() : ExitCode.OK.code();
    }
}
