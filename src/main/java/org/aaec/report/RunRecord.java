package org.aaec.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aaec.evaluation.HeadMetrics;
import org.aaec.evaluation.Metrics;

/**
 * What a report needs from one run folder: its test and validation scores ({@code metrics.json})
 * and its epoch log ({@code log.jsonl}).
 *
 * @param variant configuration id
 * @param seed seed
 * @param fold fold of a K-fold speaker protocol, or {@link #NO_FOLD}
 * @param dir run folder
 * @param failure why the run failed, or {@code null} when it finished
 * @param seconds training wall time recorded by the run
 * @param test test scores per head (empty for a failed run)
 * @param validation validation scores per head of the kept weights
 * @param epochs the log, one node per epoch
 * @param splits the run's {@code splits} node (clips and speakers per split)
 * @param evaluate scores per head on each {@code evaluate:} source, by source name
 */
public record RunRecord(String variant, long seed, int fold, Path dir, String failure, double seconds, List<HeadMetrics> test,
        List<HeadMetrics> validation, List<JsonNode> epochs, JsonNode splits, Map<String, List<HeadMetrics>> evaluate) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The fold of a run outside any K-fold protocol. */
    public static final int NO_FOLD = -1;

    /** The unit of pairing: runs of different configurations with the same unit share split and seed. */
    public String unit() {
        return fold == NO_FOLD ? "seed " + seed : "seed " + seed + ", fold " + fold;
    }

    /**
     * The folds every seed of an experiment runs.
     *
     * @param k K of the K-fold protocol, or 0 without it
     * @return {@code 0 … K−1}, or {@link #NO_FOLD} alone
     */
    public static List<Integer> folds(int k) {
        return k == 0 ? List.of(NO_FOLD) : java.util.stream.IntStream.range(0, k).boxed().toList();
    }

    /**
     * What fixes this run's speaker split: its seed, or with the K-fold protocol its fold alone
     * (one partition serves every seed).
     */
    public String split() {
        return fold == NO_FOLD ? unit() : "fold " + fold;
    }

    /** Whether the run finished. */
    public boolean ok() {
        return failure == null;
    }

    /** Mean Combined over heads on the test split. */
    public double overall() {
        return Metrics.overall(test);
    }

    /**
     * Reads a finished run folder.
     *
     * @param variant configuration id
     * @param seed seed
     * @param fold fold, or {@link #NO_FOLD}
     * @param dir run folder
     * @return the record
     * @throws IOException naming the file that is missing or unreadable
     */
    public static RunRecord read(String variant, long seed, int fold, Path dir) throws IOException {
        Path metrics = dir.resolve("metrics.json");
        if (!Files.isRegularFile(metrics)) {
            throw new IOException(metrics + ": missing (the run did not finish)");
        }
        JsonNode m = JSON.readTree(metrics.toFile());
        List<HeadMetrics> test = heads(m.path("test").path("heads"));
        if (test.isEmpty()) {
            throw new IOException(metrics + ": no test scores (the run had no test split)");
        }
        List<JsonNode> epochs = new ArrayList<>();
        Path log = dir.resolve("log.jsonl");
        if (Files.isRegularFile(log)) {
            for (String line : Files.readAllLines(log)) {
                if (!line.isBlank()) {
                    epochs.add(JSON.readTree(line));
                }
            }
        }
        Map<String, List<HeadMetrics>> evaluate = new LinkedHashMap<>();
        var sources = m.path("evaluate").fields();
        while (sources.hasNext()) {
            var s = sources.next();
            evaluate.put(s.getKey(), heads(s.getValue().path("heads")));
        }
        return new RunRecord(variant, seed, fold, dir, null, m.path("trainSeconds").asDouble(), test,
                heads(m.path("validation").path("heads")), epochs, m.path("splits"), evaluate);
    }

    /**
     * @param variant configuration id
     * @param seed seed
     * @param fold fold, or {@link #NO_FOLD}
     * @param dir run folder
     * @param why the failure
     * @return a record of a failed run
     */
    public static RunRecord failed(String variant, long seed, int fold, Path dir, String why) {
        return new RunRecord(variant, seed, fold, dir, why, 0, List.of(), List.of(), List.of(), null, Map.of());
    }

    private static List<HeadMetrics> heads(JsonNode node) throws IOException {
        List<HeadMetrics> out = new ArrayList<>();
        for (JsonNode h : node) {
            out.add(JSON.treeToValue(h, HeadMetrics.class));
        }
        return out;
    }
}
