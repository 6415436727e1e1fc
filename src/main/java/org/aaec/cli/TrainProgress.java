package org.aaec.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.aaec.jobs.Reporter;
import org.aaec.jobs.TrainingRun;
import org.aaec.training.EpochRecord;
import org.aaec.training.TrainingListener;

/**
 * Training progress on the terminal: a bar per epoch (on a terminal) with the running mean of each
 * loss term, and one line per finished epoch on standard output.
 */
final class TrainProgress implements TrainingListener {

    private final Terminal terminal;
    private final String indent;
    private Reporter.Stage bar = Reporter.Stage.NONE;

    private TrainProgress(Terminal terminal, String indent) {
        this.terminal = terminal;
        this.indent = indent;
    }

    @Override
    public void epochStarted(String label, int batches) {
        bar = terminal.barOnly(label, batches);
    }

    @Override
    public void batchFinished(Map<String, Double> losses) {
        bar.step();
        bar.extra(format(losses));
    }

    @Override
    public void epochFinished(EpochRecord r) {
        bar.close();
        String validation = r.validation() == null ? ""
                : String.format(Locale.ROOT, " | validation combined %.2f%s", r.validation().get("combined"),
                        r.best() ? " (best)" : "");
        String generator = r.generator() == null ? ""
                : String.format(Locale.ROOT, " | generator R² %.3f, diversity %.3f, coverage %.2f",
                        r.generator().get("reconstructionR2"), r.generator().get("diversity"),
                        r.generator().getOrDefault("coverage", Double.NaN));
        PrintWriter out = terminal.out();
        out.printf(Locale.ROOT, "%sepoch %3d %-12s %s%s%s (%.1f s)%n", indent, r.epoch(), r.phase(),
                format(r.losses()), validation, generator, r.seconds());
        out.flush();
    }

    /**
     * Run options that report extraction and epochs on the terminal.
     *
     * @param terminal where
     * @param resume continue from a checkpoint
     * @param indent prefix of epoch lines
     * @return the options
     */
    static TrainingRun.Options options(Terminal terminal, boolean resume, String indent) {
        return new TrainingRun.Options(resume, -1, new TrainProgress(terminal, indent), terminal);
    }

    private static String format(Map<String, Double> losses) {
        return losses.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
