package org.aaec.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator section: last iteration's diagnostics over seeds, and their mean per iteration. */
class GeneratorReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A run whose log has a classifier epoch without diagnostics and two iterations with them. */
    private static RunRecord run(String variant, long seed, double[] r2, double[] diversity) throws Exception {
        List<JsonNode> epochs = new ArrayList<>();
        epochs.add(JSON.readTree("{\"epoch\":0,\"phase\":\"classifier\",\"iteration\":1,\"generator\":null}"));
        for (int i = 0; i < r2.length; i++) {
            epochs.add(JSON.readTree("{\"epoch\":" + (i + 1) + ",\"phase\":\"decoder\",\"iteration\":" + (i + 1)
                    + ",\"generator\":{\"reconstructionR2\":" + r2[i] + ",\"diversity\":" + diversity[i] + "}}"));
        }
        return new RunRecord(variant, seed, RunRecord.NO_FOLD, Path.of("x"), null, 1, List.of(), List.of(), epochs, null, Map.of());
    }

    @Test
    void tableHoldsTheLastIterationOverSeedsAndPlotsTheMeanPerIteration(@TempDir Path dir) throws Exception {
        RunRecord a = run("aaec", 42, new double[] {0.1, 0.5}, new double[] {0.02, 0.4});
        RunRecord b = run("aaec", 43, new double[] {0.3, 0.7}, new double[] {0.04, 0.6});
        RunRecord c = run("classifier", 42, new double[0], new double[0]);
        StringBuilder md = new StringBuilder();
        ObjectNode results = JSON.createObjectNode();

        GeneratorReport.write(md, dir, List.of("classifier", "aaec"),
                v -> v.equals("aaec") ? List.of(a, b) : List.of(c), results);

        // last iteration: R2 0.5 and 0.7 -> mean 0.6, sample sd sqrt(0.02) = 0.1414
        assertEquals(0.6, results.path("generator").path("aaec").path("reconstructionR2").path("mean").asDouble(), 1e-12);
        assertEquals(Math.sqrt(0.02), results.path("generator").path("aaec").path("reconstructionR2").path("std")
                .asDouble(), 1e-12);
        assertEquals(0.5, results.path("generator").path("aaec").path("diversity").path("mean").asDouble(), 1e-12);
        assertFalse(results.path("generator").has("classifier"), "a run without a generator has no row");
        assertTrue(md.toString().contains("| 0.60 ± 0.14 | 0.50 ± 0.14 | — | 2 |"), md.toString());
        assertTrue(Files.isRegularFile(dir.resolve("generator-diversity.png")));

        double[][] mean = GeneratorReport.meanOverRuns(List.of(GeneratorReport.perIteration(a),
                GeneratorReport.perIteration(b)), "reconstructionR2");
        assertArrayEquals(new double[] {1, 2}, mean[0], 0);
        assertArrayEquals(new double[] {0.2, 0.6}, mean[1], 1e-12);
    }

    @Test
    void withoutDiagnosticsThereIsNoSection(@TempDir Path dir) throws Exception {
        StringBuilder md = new StringBuilder();
        ObjectNode results = JSON.createObjectNode();
        RunRecord c = run("classifier", 42, new double[0], new double[0]);
        GeneratorReport.write(md, dir, List.of("classifier"), v -> List.of(c), results);
        assertEquals("", md.toString());
        assertFalse(results.has("generator"));
    }
}
