package org.aaec.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's section on the generator: for every configuration whose runs logged
 * {@link org.aaec.training.GeneratorDiagnostics} (the {@code generator} field of
 * {@code log.jsonl}, once per iteration), the last iteration's values as mean ± deviation over
 * seeds, and one plot per diagnostic over iterations (the mean over seeds), so that a reader sees
 * whether the generator converged, reconstructs and stays diverse, or collapsed.
 */
final class GeneratorReport {

    private GeneratorReport() {
    }

    /**
     * Per iteration, the diagnostics of one run: iteration → name → value.
     *
     * @param run a finished run
     * @return empty when the run logged none
     */
    static TreeMap<Integer, Map<String, Double>> perIteration(RunRecord run) {
        TreeMap<Integer, Map<String, Double>> out = new TreeMap<>();
        for (JsonNode e : run.epochs()) {
            JsonNode g = e.path("generator");
            if (g.isObject()) {
                Map<String, Double> values = new LinkedHashMap<>();
                g.fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().asDouble()));
                out.put(e.path("iteration").asInt(), values);
            }
        }
        return out;
    }

    /**
     * Appends the section (nothing when no run logged diagnostics) and records the table in
     * {@code results}.
     *
     * @param md the report so far
     * @param plots folder of the plots
     * @param variants configurations in report order
     * @param runsOf a configuration's finished runs
     * @param results the report's JSON, which gets a {@code generator} node
     * @throws IOException when a plot cannot be written
     */
    static void write(StringBuilder md, Path plots, List<String> variants,
            java.util.function.Function<String, List<RunRecord>> runsOf, ObjectNode results) throws IOException {
        Map<String, List<TreeMap<Integer, Map<String, Double>>>> logged = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (String v : variants) {
            List<TreeMap<Integer, Map<String, Double>>> runs = new ArrayList<>();
            for (RunRecord r : runsOf.apply(v)) {
                TreeMap<Integer, Map<String, Double>> p = perIteration(r);
                if (!p.isEmpty()) {
                    runs.add(p);
                    // per-class diversities stay in log.jsonl; the table has their minimum
                    p.lastEntry().getValue().keySet().stream().filter(n -> !n.startsWith("diversity_"))
                            .filter(n -> !names.contains(n)).forEach(names::add);
                }
            }
            if (!runs.isEmpty()) {
                logged.put(v, runs);
            }
        }
        if (logged.isEmpty()) {
            return;
        }
        md.append("## The generator\n\n");
        md.append("After each iteration's decoder epochs, 64 training clips go through the generator "
                + "(`training.GeneratorDiagnostics`): `reconstructionR2` = 1 − MSE(Dec(E(X)), X) / Var(X) over frames "
                + "of real audio; `diversity` = total variance of X' / total variance of X (1: as spread as the "
                + "real samples, near 0: collapsed to one sample); `accuracy_<head>` = the classifier's accuracy on "
                + "X' with X's labels. Last iteration, mean ± deviation over seeds, beside the validation split's overall "
                + "Combined of the kept weights (what an objective is chosen on; never the test split); the plots "
                + "show the mean over seeds per iteration.\n\n");
        StringBuilder header = new StringBuilder("| configuration |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String n : names) {
            header.append(' ').append(n).append(" |");
            rule.append("---|");
        }
        md.append(header).append(" validation Combined | runs |\n").append(rule).append("---|---|\n");
        ObjectNode node = results.putObject("generator");
        for (Map.Entry<String, List<TreeMap<Integer, Map<String, Double>>>> e : logged.entrySet()) {
            md.append("| ").append(ExperimentReport.display(e.getKey())).append(" |");
            ObjectNode vn = node.putObject(e.getKey());
            for (String n : names) {
                List<Double> last = new ArrayList<>();
                for (TreeMap<Integer, Map<String, Double>> run : e.getValue()) {
                    Double x = run.lastEntry().getValue().get(n);
                    if (x != null && Double.isFinite(x)) {
                        last.add(x);
                    }
                }
                Stat s = Stat.of(last);
                md.append(' ').append(s.format()).append(" |");
                vn.putObject(n).put("mean", s.mean()).put("std", s.std()).put("n", s.n());
            }
            Stat validation = Stat.of(runsOf.apply(e.getKey()).stream().filter(r -> !r.validation().isEmpty())
                    .map(r -> org.aaec.evaluation.Metrics.overall(r.validation())).toList());
            md.append(' ').append(validation.format()).append(" | ").append(e.getValue().size()).append(" |\n");
            vn.putObject("validationCombined").put("mean", validation.mean()).put("std", validation.std())
                    .put("n", validation.n());
        }
        md.append('\n');
        for (String n : names) {
            Map<String, double[][]> series = new LinkedHashMap<>();
            for (Map.Entry<String, List<TreeMap<Integer, Map<String, Double>>>> e : logged.entrySet()) {
                series.put(ExperimentReport.display(e.getKey()), meanOverRuns(e.getValue(), n));
            }
            String file = "generator-" + n + ".png";
            Plots.lines(plots.resolve(file), n + " over iterations", "iteration", n, series);
            md.append("![").append(n).append("](plots/").append(file).append(")\n");
        }
        md.append('\n');
    }

    /** Per iteration, the mean of one diagnostic over the runs that logged it there. */
    static double[][] meanOverRuns(List<TreeMap<Integer, Map<String, Double>>> runs, String name) {
        TreeMap<Integer, double[]> sums = new TreeMap<>();
        for (TreeMap<Integer, Map<String, Double>> run : runs) {
            run.forEach((it, values) -> {
                Double x = values.get(name);
                if (x != null && Double.isFinite(x)) {
                    double[] s = sums.computeIfAbsent(it, k -> new double[2]);
                    s[0] += x;
                    s[1]++;
                }
            });
        }
        double[][] out = new double[2][sums.size()];
        int i = 0;
        for (Map.Entry<Integer, double[]> s : sums.entrySet()) {
            out[0][i] = s.getKey();
            out[1][i] = s.getValue()[0] / s.getValue()[1];
            i++;
        }
        return out;
    }
}
