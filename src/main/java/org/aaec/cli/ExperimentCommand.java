package org.aaec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aaec.report.ExperimentReport;
import org.aaec.report.RunRecord;
import org.aaec.training.ConfigLoader;
import org.aaec.training.Experiment;
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

    @Option(names = "--variants", split = ",", paramLabel = "V", description = "Configurations to run (default: all "
            + "five).")
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
        List<Variant> vs = new ArrayList<>();
        try {
            for (String v : variants == null ? List.of(Variant.ids().split(", ")) : variants) {
                vs.add(Variant.parse(v));
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
        PrintWriter w = spec.commandLine().getOut();
        List<Long> seedList = new ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            seedList.add(base.seed() + i);
        }
        long t0 = System.nanoTime();
        List<Experiment.Run> runs = Experiment.run(base, seedList, vs, label -> TrainProgress.options(w, true, "  "), !reportOnly, line -> {
            w.println(line);
            w.flush();
        });
        List<RunRecord> records = new ArrayList<>();
        for (Experiment.Run r : runs) {
            if (r.state() == Experiment.State.FAILED || r.state() == Experiment.State.MISSING) {
                records.add(RunRecord.failed(r.variant().id(), r.seed(), r.dir(), r.error()));
                continue;
            }
            try {
                records.add(RunRecord.read(r.variant().id(), r.seed(), r.dir()));
            } catch (IOException e) {
                records.add(RunRecord.failed(r.variant().id(), r.seed(), r.dir(), e.getMessage()));
            }
        }
        Path reportDir = report != null ? report : Path.of(base.out(), base.name(), "report");
        String data = base.data().input() != null ? base.data().input() : base.data().manifest();
        ExperimentReport.Input in = new ExperimentReport.Input(base.name(), data, describe(base),
                String.format(Locale.ROOT, "%.1f s clips, %s scaling, FFT 1024, hop 512", base.features().maxSeconds(),
                        base.logScaling() ? "log-standardised" : "raw"),
                seedList, vs.stream().map(Variant::id).toList(), records, (System.nanoTime() - t0) / 1e9,
                command());
        String md = ExperimentReport.write(reportDir, in);
        int table = md.indexOf("| configuration");
        w.println();
        w.println(md.substring(table, md.indexOf("\n\n", table)));
        w.printf("%nreport: %s (report.md, report.html, results.json, plots/)%n", reportDir);
        long failed = records.stream().filter(r -> !r.ok()).count();
        if (failed > 0) {
            spec.commandLine().getErr().printf("warning: %d of %d run(s) failed; see the report%n", failed,
                    records.size());
        }
        return failed == records.size() ? ExitCode.FAILURE.code() : ExitCode.OK.code();
    }

    private static String describe(TrainConfig c) {
        var s = c.schedule();
        return String.format(Locale.ROOT, "preset `%s`: I = %d, K1 = %d, K2 = %d, K3 = %d, fine-tune %d, batch %d%s, "
                + "class weights %s", s.preset(), s.iterations(), s.k1(), s.k2(), s.k3(), s.fineTuneEpochs(),
                s.batchSize(), s.maxBatchesPerEpoch() > 0 ? ", at most " + s.maxBatchesPerEpoch() + " batches/epoch"
                        : "", c.classWeights() ? "on" : "off");
    }

    private String command() {
        return "./aaec " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }
}
