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

    private static String format(Map<String, Double> losses) {
        return losses.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
