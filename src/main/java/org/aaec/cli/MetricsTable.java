package org.aaec.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.aaec.evaluation.HeadMetrics;
import org.aaec.evaluation.Metrics;

/** Prints per-head scores as a fixed-width table. */
final class MetricsTable {

    private MetricsTable() {
    }

    static void print(PrintWriter w, String title, List<HeadMetrics> heads) {
        if (heads.isEmpty()) {
            w.printf("%s: no clips%n", title);
            return;
        }
        w.printf(Locale.ROOT, "%s (%d clips)%n", title, heads.get(0).support());
        w.printf(Locale.ROOT, "  %-10s %8s %8s %8s %8s %8s%n", "head", "F1", "UAR", "Combined", "macroF1", "acc");
        for (HeadMetrics h : heads) {
            w.printf(Locale.ROOT, "  %-10s %8.2f %8.2f %8.2f %8.2f %8.2f%n", h.head(), h.microF1(), h.uar(),
                    h.combined(), h.macroF1(), h.accuracy());
        }
        w.printf(Locale.ROOT, "  %-10s %26.2f%n", "overall", Metrics.overall(heads));
        List<HeadMetrics> base = Metrics.majorityBaselines(heads);
        w.printf(Locale.ROOT, "  baseline: always the most frequent class of these clips (its UAR is chance)%n");
        for (HeadMetrics h : base) {
            w.printf(Locale.ROOT, "  %-10s %8.2f %8.2f %8.2f   (%s)%n", h.head(), h.microF1(), h.uar(), h.combined(),
                    h.classes().get(Metrics.majorityClass(h)));
        }
        w.printf(Locale.ROOT, "  %-10s %26.2f%n", "overall", Metrics.overall(base));
        w.flush();
    }
}
