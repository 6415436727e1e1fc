package org.aaec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aaec.testutil.TinyCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code experiment} end to end on a tiny configuration: every number of Table 1 and of the paired
 * comparison is recomputed here from the runs' own metrics.json files and found in the report;
 * a second call reuses the runs; a broken run is reported, not dropped.
 */
class ExperimentCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VARIANTS = List.of("aaec", "aae_c", "aae_plus_c", "aaec_ori", "classifier");

    private static String[] run(String... args) {
        CliRun r = CliRun.of(args);
        return new String[] {String.valueOf(r.code()), r.out(), r.err()};
    }

    private static double overall(Path run) throws Exception {
        JsonNode heads = JSON.readTree(run.resolve("metrics.json").toFile()).path("test").path("heads");
        double sum = 0;
        for (JsonNode h : heads) {
            sum += h.path("combined").asDouble();
        }
        return sum / heads.size();
    }

    private static String meanStd(List<Double> v) {
        double mean = v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        return String.format(Locale.ROOT, "%.2f ± %.2f", mean, Math.sqrt(ss / (v.size() - 1)));
    }

    @Test
    void tableOneComesFromTheRunsAndIsReusedAndHonestAboutFailures(@TempDir Path dir) throws Exception {
        Path manifest = TinyCorpus.emodb(dir, 6);
        Path config = Files.writeString(dir.resolve("tiny.yaml"), String.join("\n", "name: tiny", "seed: 5", "data:",
                "  manifest: " + manifest, "  store: " + dir.resolve("store"), "features:", "  maxSeconds: 0.5",
                "schedule:", "  preset: smoke", "  iterations: 2", "out: " + dir.resolve("runs"), ""));
        String[] r = run("experiment", "--config", config.toString(), "--seeds", "2");
        assertEquals("0", r[0], r[2]);
        Path report = dir.resolve("runs/tiny/report");
        String md = Files.readString(report.resolve("report.md"));
        JsonNode results = JSON.readTree(report.resolve("results.json").toFile());
        for (String v : VARIANTS) {
            List<Double> overall = new ArrayList<>();
            for (long seed : new long[] {5, 6}) {
                overall.add(overall(dir.resolve("runs/tiny/" + v + "/seed-" + seed)));
            }
            double mean = (overall.get(0) + overall.get(1)) / 2;
            assertEquals(mean, results.path("table1").path(v).path("overall").path("mean").asDouble(), 1e-9, v);
            assertTrue(md.contains("**" + meanStd(overall) + "**"), v + " overall " + meanStd(overall) + " in\n" + md);
            if (!v.equals("classifier")) {
                List<Double> diffs = new ArrayList<>();
                for (long seed : new long[] {5, 6}) {
                    diffs.add(overall(dir.resolve("runs/tiny/" + v + "/seed-" + seed))
                            - overall(dir.resolve("runs/tiny/classifier/seed-" + seed)));
                }
                assertEquals((diffs.get(0) + diffs.get(1)) / 2, results.path("pairedVsClassifier").path(v)
                        .path("difference").path("mean").asDouble(), 1e-9);
            }
        }
        assertTrue(md.contains("| AAEC | 39.80 | 40.06 | 39.89 | 40.72 | 40.89 | 40.78 | **40.33** |"), "paper's numbers beside ours");
        assertTrue(md.contains("Split of seed 5 (speakers / clips): train 1 / 6, validation 1 / 6, test 1 / 6"), md);
        for (String png : List.of("validation.png", "confusion-aaec-arousal.png", "figure5-aaec.png",
                "generated-distance.png", "loss-classifier-classifier.png")) {
            assertTrue(Files.size(report.resolve("plots").resolve(png)) > 1000, png);
        }
        String html = Files.readString(report.resolve("report.html"));
        assertTrue(html.contains("<table>") && html.contains("data:image/png;base64,"), "self-contained HTML");
        assertTrue(!html.contains("src=\"plots/"), "no external images in the HTML");
        assertEquals(2, Files.list(dir.resolve("runs/tiny/aaec/seed-5/generated")).count(), "one file per iteration");

        // again: every run is reused; one run broken on disk is reported as failed, not silently dropped
        Files.writeString(dir.resolve("runs/tiny/aae_c/seed-6/metrics.json"), "{broken");
        String[] again = run("experiment", "--config", config.toString(), "--seeds", "2");
        assertEquals("0", again[0], again[2]);
        assertEquals(10, again[2].split("finished before, reused", -1).length - 1, "progress is on stderr: "
                + again[2]);
        String md2 = Files.readString(report.resolve("report.md"));
        assertTrue(md2.contains("## Failed or missing runs") && md2.contains("aae_c seed 6"), md2);
        assertTrue(md2.contains(" | 1/2 |"), "AAE_C shows 1 of 2 runs");
        assertTrue(again[2].contains("1 of 10 run(s) failed"), again[2]);

        // report only: a third seed that never ran is listed as not run, nothing is trained
        String[] only = run("experiment", "--config", config.toString(), "--seeds", "3", "--report-only");
        assertEquals("0", only[0], only[2]);
        assertTrue(!Files.exists(dir.resolve("runs/tiny/aaec/seed-7")), "nothing trained");
        String md3 = Files.readString(report.resolve("report.md"));
        assertTrue(md3.contains("aaec seed 7: not run yet"), md3);
    }

    @Test
    void foldsTestEverySpeakerOnceAndPairByFold(@TempDir Path dir) throws Exception {
        Path manifest = TinyCorpus.emodb(dir, 4); // three speakers
        Path config = Files.writeString(dir.resolve("tiny.yaml"), String.join("\n", "name: kf", "seed: 5", "data:",
                "  manifest: " + manifest, "  store: " + dir.resolve("store"), "features:", "  maxSeconds: 0.5",
                "schedule:", "  preset: smoke", "out: " + dir.resolve("runs"), ""));
        String[] r = run("experiment", "--config", config.toString(), "--seeds", "1", "--folds", "3", "--variants",
                "aae_c,classifier");
        assertEquals("0", r[0], r[2]);
        java.util.Set<String> tested = new java.util.HashSet<>();
        List<Double> diffs = new ArrayList<>();
        for (int fold = 0; fold < 3; fold++) {
            Path c = dir.resolve("runs/kf-fold" + fold + "/classifier/seed-5");
            Path a = dir.resolve("runs/kf-fold" + fold + "/aae_c/seed-5");
            diffs.add(overall(a) - overall(c));
            List<String> speakers = Files.readAllLines(c.resolve("manifest.csv")).stream().skip(1)
                    .filter(l -> l.contains(",test,") || l.endsWith(",test")).map(l -> l.split(",")[0]).toList();
            assertEquals(4, speakers.size(), "fold " + fold + " tests one speaker's 4 clips");
            for (String id : speakers) {
                assertTrue(tested.add(id), id + " is tested in one fold only");
            }
            assertEquals(Files.readString(c.resolve("manifest.csv")), Files.readString(a.resolve("manifest.csv")),
                    "both configurations of a fold share its split");
        }
        assertEquals(12, tested.size(), "every clip is tested once over the folds");
        String md = Files.readString(dir.resolve("runs/kf/report/report.md"));
        assertTrue(md.contains("3 runs per configuration: 1 seed (5) × 3 speaker folds"), md);
        JsonNode paired = JSON.readTree(dir.resolve("runs/kf/report/results.json").toFile())
                .path("pairedVsClassifier").path("aae_c");
        double mean = diffs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertEquals(mean, paired.path("difference").path("mean").asDouble(), 1e-9);
        double sd = Math.sqrt(diffs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / 2);
        double half = 4.302652729749462 * sd / Math.sqrt(3); // scipy.stats.t.ppf(0.975, 2)
        assertEquals(mean - half, paired.path("ci95").get(0).asDouble(), 1e-6);
        assertEquals(mean + half, paired.path("ci95").get(1).asDouble(), 1e-6);
        assertEquals("folds", paired.path("ciOver").asText());
    }
}
