package org.aaec.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aaec.evaluation.HeadMetrics;
import org.aaec.evaluation.Metrics;
import org.aaec.io.AtomicFiles;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Writes the report of a Table 1 experiment into a folder: {@code report.md}, the same as a
 * self-contained {@code report.html} (plots inlined), {@code results.json} with every number, and
 * {@code plots/*.png}. Every figure in it is computed here from the run folders.
 */
public final class ExperimentReport {

    /**
     * The paper's Table 1 (MuSe-Topic devel, audio only): arousal F1, UAR, Combined; valence F1,
     * UAR, Combined; mean Combined.
     */
    static final Map<String, double[]> PAPER = new LinkedHashMap<>();

    static {
        PAPER.put("aaec", new double[] {39.80, 40.06, 39.89, 40.72, 40.89, 40.78, 40.33});
        PAPER.put("aae_c", new double[] {38.88, 38.86, 38.87, 39.25, 39.23, 39.24, 39.05});
        PAPER.put("aae_plus_c", new double[] {38.15, 38.41, 38.24, 37.69, 39.01, 38.14, 38.19});
        PAPER.put("aaec_ori", new double[] {38.48, 38.56, 38.51, 37.77, 37.78, 38.11, 38.31});
        PAPER.put("classifier", new double[] {34.66, 34.81, 34.71, 35.92, 36.16, 36.00, 35.36});
    }

    private static final Map<String, String> NAMES = Map.of("aaec", "AAEC", "aae_c", "AAE_C", "aae_plus_c", "AAE+C",
            "aaec_ori", "AAEC′ (aaec_ori)", "classifier", "Classifier");

    /** Table name of a configuration id; {@code classifier+aug} is "Classifier + augmentation". */
    static String display(String id) {
        String base = id.endsWith("+aug") ? id.substring(0, id.length() - 4) : id;
        return NAMES.getOrDefault(base, base) + (base.equals(id) ? "" : " + augmentation");
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What the report is about.
     *
     * @param name experiment name
     * @param data corpus folder or manifest
     * @param schedule the schedule, as text
     * @param features input settings, as text
     * @param seeds seeds in order
     * @param folds K of a K-fold speaker protocol (each seed ran every fold), or 0
     * @param variants configurations in order
     * @param runs one record per (seed, variant)
     * @param wallSeconds wall time of the command that made this report
     * @param command the command line that reproduces it
     */
    public record Input(String name, String data, String schedule, String features, List<Long> seeds, int folds,
            List<String> variants, List<RunRecord> runs, double wallSeconds, String command) {
    }

    private ExperimentReport() {
    }

    /**
     * What was written.
     *
     * @param dir the report folder
     * @param table1 Table 1: every configuration's scores (mean ± deviation over seeds)
     * @param paired differences to the classifier alone per seed, or {@code null} without it
     */
    public record Written(Path dir, Table table1, Table paired) {
    }

    /**
     * @param dir report folder (created)
     * @param in what to report
     * @return the tables written, as data
     * @throws IOException when writing fails
     */
    public static Written write(Path dir, Input in) throws IOException {
        Files.createDirectories(dir.resolve("plots"));
        List<RunRecord> ok = in.runs().stream().filter(RunRecord::ok).toList();
        List<String> heads = ok.isEmpty() ? List.of() : ok.get(0).test().stream().map(HeadMetrics::head).toList();
        ObjectNode results = JSON.createObjectNode();
        StringBuilder md = new StringBuilder();
        md.append("# Table 1 on ").append(in.name()).append("\n\n");
        md.append("Test split, speaker-independent; mean ± sample standard deviation over ").append(units(in))
                .append(". F1 is micro-F1 (= accuracy, MuSe 2020), UAR is macro recall, "
                        + "Combined = 0.66·F1 + 0.34·UAR, all in percent.\n\n");
        Table table1 = table1(in, heads, results);
        md.append(table1.markdown());
        crossCorpus(md, in, heads, ok, results);
        Table paired = paired(in, results);
        if (paired != null) {
            md.append("## Paired comparison with the classifier alone\n\n");
            md.append(in.folds() == 0
                    ? "Per seed, overall Combined of a configuration minus that of `classifier` on the same split and "
                    + "seed; mean ± standard deviation of the differences, the 95 % confidence interval of the mean "
                    + "(Student's t over seeds), their range, and how many seeds the configuration won. An interval "
                    + "that contains 0 means no difference could be seen.\n\n"
                    : "Per seed and fold, overall Combined of a configuration minus that of `classifier` on the same "
                    + "split and seed; mean ± standard deviation over all of them, the 95 % confidence interval of the "
                    + "mean (Student's t over the " + in.folds() + " folds, each fold's differences first averaged over "
                    + "seeds, since the seeds of one fold share its test speakers), their range, and how many runs the "
                    + "configuration won. An interval that contains 0 means no difference could be seen.\n\n");
            md.append(paired.markdown());
        }
        paper(md);
        setup(md, in, ok);
        failures(md, in);
        GeneratorReport.write(md, dir.resolve("plots"), in.variants(), v -> okRuns(in, v), results);
        plots(md, dir, in, ok, heads);
        results.set("runs", runsJson(in.runs()));
        AtomicFiles.writeString(dir.resolve("results.json"), JSON.writeValueAsString(results));
        AtomicFiles.writeString(dir.resolve("report.md"), md.toString());
        AtomicFiles.writeString(dir.resolve("report.html"), html(md.toString(), dir, in.name()));
        return new Written(dir, table1, paired);
    }

    private static Table table1(Input in, List<String> heads, ObjectNode results) {
        return scoreTable(in, heads, results.putObject("table1"), RunRecord::test);
    }

    /**
     * One row per configuration (mean ± deviation over seeds of the scores that {@code scores}
     * picks from each run), then the majority-class baseline of the same clips, whose UAR is
     * chance: a score at that row learned nothing.
     */
    private static Table scoreTable(Input in, List<String> heads, ObjectNode table,
            Function<RunRecord, List<HeadMetrics>> scores) {
        List<String> header = new ArrayList<>(List.of("configuration"));
        for (String h : heads) {
            header.addAll(List.of(h + " F1", h + " UAR", h + " Combined"));
        }
        header.addAll(List.of("**overall Combined**", "macro-F1", "runs"));
        List<List<String>> rows = new ArrayList<>();
        for (String v : in.variants()) {
            List<List<HeadMetrics>> runs = okRuns(in, v).stream().map(scores).filter(x -> !x.isEmpty()).toList();
            long total = in.runs().stream().filter(r -> r.variant().equals(v)).count();
            rows.add(scoreRow(display(v), heads, runs, table.putObject(v), runs.size() + "/" + total));
        }
        // the baseline depends on the split only: one run per seed, of whichever configuration finished
        Map<String, List<HeadMetrics>> bySeed = new LinkedHashMap<>();
        for (RunRecord r : in.runs()) {
            if (r.ok() && !scores.apply(r).isEmpty()) {
                bySeed.putIfAbsent(r.split(), Metrics.majorityBaselines(scores.apply(r)));
            }
        }
        if (!bySeed.isEmpty()) {
            List<List<HeadMetrics>> base = List.copyOf(bySeed.values());
            rows.add(scoreRow("*majority class (baseline; UAR = chance)*", heads, base,
                    table.putObject("majorityBaseline"), base.size() + " split(s)"));
        }
        return new Table(header, rows);
    }

    private static List<String> scoreRow(String name, List<String> heads, List<List<HeadMetrics>> runs, ObjectNode row,
            String count) {
        List<String> cells = new ArrayList<>(List.of(name));
        for (int h = 0; h < heads.size(); h++) {
            final int hh = h;
            Stat f1 = statOf(runs, r -> r.get(hh).microF1());
            Stat uar = statOf(runs, r -> r.get(hh).uar());
            Stat comb = statOf(runs, r -> r.get(hh).combined());
            cells.addAll(List.of(f1.format(), uar.format(), comb.format()));
            ObjectNode head = row.putObject(heads.get(h));
            put(head, "f1", f1);
            put(head, "uar", uar);
            put(head, "combined", comb);
        }
        Stat overall = statOf(runs, Metrics::overall);
        Stat macro = statOf(runs, r -> r.stream().mapToDouble(HeadMetrics::macroF1).average().orElseThrow());
        put(row, "overall", overall);
        put(row, "macroF1", macro);
        row.put("runsOk", runs.size());
        cells.addAll(List.of("**" + overall.format() + "**", macro.format(), count));
        return cells;
    }

    private static Stat statOf(List<List<HeadMetrics>> runs, java.util.function.ToDoubleFunction<List<HeadMetrics>> f) {
        return Stat.of(runs.stream().map(r -> f.applyAsDouble(r)).toList());
    }

    /** One table per {@code evaluate:} source: the models of each configuration scored on every clip of another corpus. */
    private static void crossCorpus(StringBuilder md, Input in, List<String> heads, List<RunRecord> ok,
            ObjectNode results) {
        List<String> sources = ok.stream().flatMap(r -> r.evaluate().keySet().stream()).distinct().toList();
        if (sources.isEmpty()) {
            return;
        }
        ObjectNode node = results.putObject("evaluate");
        md.append("## Other corpora (trained here, tested there)\n\n");
        md.append("Each run's model, chosen on its own validation split, scored on every clip of a corpus it "
                + "never saw (the config's `evaluate:` sources); same columns as above.\n\n");
        for (String s : sources) {
            md.append("### ").append(s).append("\n\n");
            md.append(scoreTable(in, heads, node.putObject(s), r -> r.evaluate().getOrDefault(s, List.of()))
                    .markdown());
        }
    }

    private static Table paired(Input in, ObjectNode results) {
        if (!in.variants().contains("classifier")) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        ObjectNode node = results.putObject("pairedVsClassifier");
        for (String v : in.variants()) {
            if (v.equals("classifier")) {
                continue;
            }
            List<Double> diffs = new ArrayList<>();
            Map<Integer, List<Double>> byFold = new LinkedHashMap<>();
            for (long seed : in.seeds()) {
                for (int fold : RunRecord.folds(in.folds())) {
                    RunRecord a = find(in, v, seed, fold);
                    RunRecord c = find(in, "classifier", seed, fold);
                    if (a != null && c != null) {
                        diffs.add(a.overall() - c.overall());
                        byFold.computeIfAbsent(fold, f -> new ArrayList<>()).add(a.overall() - c.overall());
                    }
                }
            }
            Stat d = Stat.of(diffs);
            // the interval is over independent units: seeds, or folds (a fold's seeds share its test speakers)
            Stat units = in.folds() == 0 ? d : Stat.of(byFold.values().stream()
                    .map(l -> l.stream().mapToDouble(Double::doubleValue).average().orElseThrow()).toList());
            double[] ci = units.confidence95();
            long wins = diffs.stream().filter(x -> x > 0).count();
            ObjectNode n = node.putObject(v);
            put(n, "difference", d);
            if (ci != null) {
                n.putArray("ci95").add(ci[0]).add(ci[1]);
            }
            n.put("ciOver", in.folds() == 0 ? "seeds" : "folds");
            n.put("wins", wins);
            n.put("pairs", diffs.size());
            String range = diffs.isEmpty() ? "—" : String.format(Locale.ROOT, "%+.2f … %+.2f",
                    diffs.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                    diffs.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
            rows.add(List.of(display(v), d.n() == 0 ? "—" : (d.mean() >= 0 ? "+" : "") + d.format(),
                    ci == null ? "—" : String.format(Locale.ROOT, "[%+.2f, %+.2f]", ci[0], ci[1]),
                    range, wins + "/" + diffs.size()));
        }
        return new Table(List.of("configuration", "mean difference", "95 % CI", "range", "better in"), rows);
    }

    private static void paper(StringBuilder md) {
        md.append("## The paper's numbers, for orientation\n\n");
        md.append("Fu et al. 2020, Table 1: MuSe-Topic devel partition, audio only, Combined in percent. A different "
                + "corpus (in-the-wild car reviews, 3 classes per head), so only the ordering is comparable.\n\n");
        md.append("| configuration | arousal F1 | arousal UAR | arousal Combined | valence F1 | valence UAR | "
                + "valence Combined | **mean Combined** |\n|---|---|---|---|---|---|---|---|\n");
        PAPER.forEach((v, n) -> md.append(String.format(Locale.ROOT,
                "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | **%.2f** |%n", display(v), n[0], n[1],
                n[2], n[3], n[4], n[5], n[6])));
        md.append('\n');
    }

    private static void setup(StringBuilder md, Input in, List<RunRecord> ok) {
        md.append("## Setup\n\n");
        md.append("- Data: `").append(in.data()).append("`\n");
        md.append("- Features: ").append(in.features()).append('\n');
        md.append("- Schedule: ").append(in.schedule()).append('\n');
        if (in.folds() == 0) {
            md.append("- Seeds: ").append(join(in.seeds()))
                    .append(" (each seed fixes its speaker split, shared by all configurations)\n");
        } else {
            md.append("- Seeds: ").append(join(in.seeds())).append("; ").append(in.folds()).append("-fold speaker "
                    + "protocol: one partition of the speakers (seeded by ").append(in.seeds().get(0)).append(") into ")
                    .append(in.folds()).append(" folds; fold i is tested, fold i + 1 validates, the rest trains; every "
                    + "seed runs every fold, so each speaker is tested once per seed\n");
        }
        List<RunRecord> splitOf = new ArrayList<>();
        for (long seed : in.seeds()) {
            for (int fold : RunRecord.folds(in.folds())) {
                ok.stream().filter(r -> r.seed() == seed && r.fold() == fold).findFirst().ifPresent(splitOf::add);
            }
            if (in.folds() != 0) {
                break; // the partition is the same for every seed
            }
        }
        for (RunRecord r : splitOf) {
            JsonNode s = r.splits();
            md.append(String.format(Locale.ROOT, "- Split of %s (speakers / clips): train %d / %d, "
                    + "validation %d / %d, test %d / %d%n", r.split(),
                    s.path("train").path("speakers").asInt(),
                    s.path("train").path("clips").asInt(), s.path("validation").path("speakers").asInt(),
                    s.path("validation").path("clips").asInt(), s.path("test").path("speakers").asInt(),
                    s.path("test").path("clips").asInt()));
        }
        double trainSeconds = ok.stream().mapToDouble(RunRecord::seconds).sum();
        md.append(String.format(Locale.ROOT, "- Training time summed over runs: %.1f min; this command's wall "
                + "time: %.1f min%n", trainSeconds / 60, in.wallSeconds() / 60));
        md.append("- Machine: ").append(Machine.describe()).append('\n');
        md.append("- Written: ").append(OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        md.append("- Reproduce: `").append(in.command()).append("`\n\n");
    }

    private static void failures(StringBuilder md, Input in) {
        List<RunRecord> failed = in.runs().stream().filter(r -> !r.ok()).toList();
        if (failed.isEmpty()) {
            return;
        }
        md.append("## Failed or missing runs\n\nThese runs are left out of the means above.\n\n");
        for (RunRecord r : failed) {
            md.append("- ").append(r.variant()).append(' ').append(r.unit()).append(": ").append(r.failure())
                    .append('\n');
        }
        md.append('\n');
    }

    private static void plots(StringBuilder md, Path dir, Input in, List<RunRecord> ok, List<String> heads)
            throws IOException {
        if (ok.isEmpty()) {
            return;
        }
        md.append("## Learning curves\n\nMean loss per epoch of each phase, first seed of each configuration.\n\n");
        Map<String, Map<String, double[][]>> curves = new TreeMap<>();
        Map<String, double[][]> validation = new LinkedHashMap<>();
        for (String v : in.variants()) {
            RunRecord r = okRuns(in, v).stream().findFirst().orElse(null);
            if (r == null) {
                continue;
            }
            Map<String, List<double[]>> points = new LinkedHashMap<>();
            Map<String, Integer> counter = new LinkedHashMap<>();
            List<double[]> val = new ArrayList<>();
            for (JsonNode e : r.epochs()) {
                String phase = e.path("phase").asText();
                int k = counter.merge(phase, 1, Integer::sum);
                e.path("losses").fields().forEachRemaining(l -> points.computeIfAbsent(phase + ": " + l.getKey(),
                        x -> new ArrayList<>()).add(new double[] {k, l.getValue().asDouble()}));
                if (e.path("validation").has("combined")) {
                    val.add(new double[] {e.path("epoch").asInt(), e.path("validation").path("combined").asDouble()});
                }
            }
            points.forEach((term, p) -> curves.computeIfAbsent(term, x -> new LinkedHashMap<>()).put(v, xy(p)));
            validation.put(v, xy(val));
        }
        for (Map.Entry<String, Map<String, double[][]>> c : curves.entrySet()) {
            String file = "loss-" + c.getKey().replace(": ", "-") + ".png";
            Plots.lines(dir.resolve("plots").resolve(file), c.getKey(), "epoch of this phase", "mean loss",
                    c.getValue());
            md.append("![").append(c.getKey()).append("](plots/").append(file).append(")\n");
        }
        Plots.lines(dir.resolve("plots/validation.png"), "validation: mean Combined", "epoch of the plan",
                "Combined (%)", validation);
        md.append("![validation](plots/validation.png)\n\n");

        md.append("## Confusion matrices\n\nTest split, summed over seeds (rows: true class, columns: predicted).\n\n");
        for (String v : in.variants()) {
            List<RunRecord> runs = okRuns(in, v);
            if (runs.isEmpty()) {
                continue;
            }
            for (int h = 0; h < heads.size(); h++) {
                HeadMetrics first = runs.get(0).test().get(h);
                int k = first.classes().size();
                int[][] sum = new int[k][k];
                for (RunRecord r : runs) {
                    int[][] c = r.test().get(h).confusion();
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            sum[i][j] += c[i][j];
                        }
                    }
                }
                String file = "confusion-" + v + "-" + heads.get(h) + ".png";
                Plots.confusion(dir.resolve("plots").resolve(file), display(v) + ": " + heads.get(h),
                        first.classes(), sum);
                md.append("![").append(v).append(' ').append(heads.get(h)).append("](plots/").append(file)
                        .append(")\n");
            }
        }
        md.append('\n');
        Figure5.write(md, dir.resolve("plots"), in.variants(), v -> okRuns(in, v), ExperimentReport::display);
    }

    private static double[][] xy(List<double[]> p) {
        double[][] out = new double[2][p.size()];
        for (int i = 0; i < p.size(); i++) {
            out[0][i] = p.get(i)[0];
            out[1][i] = p.get(i)[1];
        }
        return out;
    }

    private static List<RunRecord> okRuns(Input in, String v) {
        return in.runs().stream().filter(r -> r.ok() && r.variant().equals(v)).toList();
    }

    private static RunRecord find(Input in, String v, long seed, int fold) {
        return in.runs().stream().filter(r -> r.ok() && r.variant().equals(v) && r.seed() == seed && r.fold() == fold)
                .findFirst().orElse(null);
    }

    /** {@code 3 seeds (42, 43, 44)} or {@code 10 runs: 2 seeds (42, 43) × 5 folds}. */
    private static String units(Input in) {
        String seeds = in.seeds().size() + (in.seeds().size() == 1 ? " seed" : " seeds") + " (" + join(in.seeds()) + ")";
        return in.folds() == 0 ? seeds : in.seeds().size() * in.folds() + " runs per configuration: " + seeds + " × "
                + in.folds() + " speaker folds";
    }

    private static void put(ObjectNode node, String key, Stat s) {
        ObjectNode n = node.putObject(key);
        n.put("mean", s.mean());
        n.put("std", s.std());
        n.put("n", s.n());
    }

    private static ArrayNode runsJson(List<RunRecord> runs) {
        ArrayNode a = JSON.createArrayNode();
        for (RunRecord r : runs) {
            ObjectNode n = a.addObject();
            n.put("variant", r.variant());
            n.put("seed", r.seed());
            if (r.fold() != RunRecord.NO_FOLD) {
                n.put("fold", r.fold());
            }
            n.put("dir", r.dir().toString());
            if (!r.ok()) {
                n.put("failure", r.failure());
                continue;
            }
            n.put("overall", r.overall());
            n.put("trainSeconds", r.seconds());
            ObjectNode heads = n.putObject("test");
            for (HeadMetrics h : r.test()) {
                ObjectNode x = heads.putObject(h.head());
                x.put("f1", h.microF1());
                x.put("uar", h.uar());
                x.put("combined", h.combined());
                x.put("macroF1", h.macroF1());
            }
        }
        return a;
    }

    private static String join(List<Long> seeds) {
        return String.join(", ", seeds.stream().map(String::valueOf).toList());
    }

    /** Markdown to HTML (CommonMark with tables), images inlined as data URIs so the file stands alone. */
    private static String html(String markdown, Path dir, String title) throws IOException {
        List<org.commonmark.Extension> ext = List.of(TablesExtension.create());
        String body = HtmlRenderer.builder().extensions(ext).build()
                .render(Parser.builder().extensions(ext).build().parse(markdown));
        Matcher m = Pattern.compile("src=\"(plots/[^\"]+\\.png)\"").matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            byte[] png = Files.readAllBytes(dir.resolve(m.group(1)));
            m.appendReplacement(out, Matcher.quoteReplacement("src=\"data:image/png;base64,"
                    + Base64.getEncoder().encodeToString(png) + "\""));
        }
        m.appendTail(out);
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title + " — Table 1</title>\n"
                + "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;}table{border-collapse:"
                + "collapse;}td,th{border:1px solid #bbb;padding:3px 8px;text-align:right;}td:first-child{"
                + "text-align:left;}img{max-width:48%;margin:4px;}</style></head><body>\n" + out
                + "</body></html>\n";
    }
}
