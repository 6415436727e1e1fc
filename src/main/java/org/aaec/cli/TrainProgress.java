package org.aaec.cli;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import org.aaec.training.EpochRecord;
import org.aaec.training.TrainingListener;

/** One progress bar per epoch on standard error, showing the running mean of each loss term. */
final class TrainProgress implements TrainingListener {

    private final java.io.PrintWriter out;
    private ProgressBar bar;

    TrainProgress(java.io.PrintWriter out) {
        this.out = out;
    }

    @Override
    public void epochStarted(String label, int batches) {
        bar = Progress.bar(label, batches);
    }

    @Override
    public void batchFinished(Map<String, Double> losses) {
        bar.step();
        bar.setExtraMessage(format(losses));
    }

    @Override
    public void epochFinished(EpochRecord r) {
        bar.close();
        String validation = r.validation() == null ? ""
                : String.format(Locale.ROOT, " | validation combined %.2f%s", r.validation().get("combined"),
                        r.best() ? " (best)" : "");
        out.printf(Locale.ROOT, "epoch %3d %-12s %s%s (%.1f s)%n", r.epoch(), r.phase(), format(r.losses()), validation,
                r.seconds());
        out.flush();
    }

    /**
     * Run options that draw the feature-extraction bar and the epoch bars, and print info lines.
     *
     * @param w standard output
     * @param resume continue from a checkpoint
     * @param indent prefix of info lines
     * @return the options
     */
    static org.aaec.training.TrainingRun.Options options(java.io.PrintWriter w, boolean resume, String indent) {
        ProgressBar[] features = new ProgressBar[1];
        return new org.aaec.training.TrainingRun.Options(resume, -1, new TrainProgress(w), total -> {
            features[0] = Progress.bar("features", total);
            return n -> features[0].stepBy(n);
        }, line -> {
            if (features[0] != null) {
                features[0].close();
            }
            w.println(indent + line);
            w.flush();
        });
    }

    private static String format(Map<String, Double> losses) {
        return losses.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
