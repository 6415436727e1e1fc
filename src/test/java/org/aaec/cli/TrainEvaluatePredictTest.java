package org.aaec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aaec.data.ManifestCsv;
import org.aaec.data.ManifestEntry;
import org.aaec.data.Split;
import org.aaec.serving.ModelFile;
import org.aaec.testutil.TinyCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's path on real clips: train a tiny run, score its model with {@code evaluate} (which
 * must reproduce the test scores training measured, through the audio → prediction path), and
 * {@code predict} files including a bad one.
 */
class TrainEvaluatePredictTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void trainThenEvaluateAndPredictWithTheModelFile(@TempDir Path dir) throws Exception {
        Path manifest = TinyCorpus.emodb(dir, 6);
        Path config = Files.writeString(dir.resolve("tiny.yaml"), String.join("\n",
                "name: tiny",
                "data:",
                "  manifest: " + manifest,
                "  store: " + dir.resolve("store"),
                "features:",
                "  maxSeconds: 0.5",
                "schedule:",
                "  preset: smoke",
                "saveGenerator: true",
                "out: " + dir.resolve("runs"), ""));
        CliRun train = run("train", "--config", config.toString(), "--variant", "aaec_ori", "--seed", "3");
        assertEquals(0, train.code(), train.err());
        Path runDir = dir.resolve("runs/tiny/aaec_ori/seed-3");
        for (String f : List.of("config.yaml", "manifest.csv", "log.jsonl", "checkpoint.zip", "model.aaec",
                "metrics.json")) {
            assertTrue(Files.isRegularFile(runDir.resolve(f)), "run folder has " + f);
        }
        String resolved = Files.readString(runDir.resolve("config.yaml"));
        assertTrue(resolved.contains("seed: 3") && resolved.contains("variant: aaec_ori"), resolved);
        List<String> log = Files.readAllLines(runDir.resolve("log.jsonl"));
        assertEquals(4, log.size(), "smoke plan: autoencoder, decoder, classifier, fine-tune");
        assertEquals("autoencoder", JSON.readTree(log.get(0)).path("phase").asText());
        // the decoder epoch that ends the iteration carries the generator's diagnostics, in their ranges
        JsonNode generator = JSON.readTree(log.get(1)).path("generator");
        assertTrue(generator.path("reconstructionR2").asDouble() <= 1, log.get(1));
        assertTrue(generator.path("diversity").asDouble() >= 0, log.get(1));
        for (String share : new String[] {"coverage", "coverage_heldOut", "realCoverage_heldOut"}) {
            double v = generator.path(share).asDouble(-1);
            assertTrue(v >= 0 && v <= 1 || generator.path(share).isNull(), share + " is a share: " + log.get(1));
        }
        assertTrue(generator.path("density").asDouble(-1) >= 0, log.get(1));
        assertTrue(generator.path("diversityMinClass").asDouble(-1) >= 0, log.get(1));
        double accuracy = generator.path("accuracy_arousal").asDouble(-1);
        assertTrue(accuracy >= 0 && accuracy <= 100, log.get(1));
        assertTrue(JSON.readTree(log.get(0)).path("generator").isNull(), "no diagnostics outside the decoder phase");

        JsonNode metrics = JSON.readTree(runDir.resolve("metrics.json").toFile());
        assertEquals(6, metrics.path("splits").path("test").path("clips").asInt());
        ModelFile.Contents model = ModelFile.read(runDir.resolve("model.aaec"));
        assertEquals("aaec_ori", model.info().variant());
        assertEquals(List.of("arousal", "valence"), model.info().model().heads().stream().map(h -> h.name()).toList());
        assertEquals(16, model.info().model().frames());
        assertEquals(List.of("classifier", "encoder", "decoder"), model.info().networks());
        assertEquals(model.info().networks(), List.copyOf(model.weights().keySet()));

        // evaluate on the test split reproduces what training measured on the stored features
        Path scores = dir.resolve("scores.json");
        CliRun eval = run("evaluate", "--model", runDir.resolve("model.aaec").toString(), "--manifest",
                runDir.resolve("manifest.csv").toString(), "--split", "test", "--json", scores.toString());
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains("Combined"), eval.out());
        JsonNode evaluated = JSON.readTree(scores.toFile());
        assertEquals(6, evaluated.path("clips").asInt());
        for (int h = 0; h < 2; h++) {
            JsonNode a = metrics.path("test").path("heads").get(h);
            JsonNode b = evaluated.path("heads").get(h);
            assertEquals(a.path("confusion"), b.path("confusion"), "head " + a.path("head"));
            assertEquals(a.path("combined").asDouble(), b.path("combined").asDouble(), 1e-9);
        }

        // predict: one row per file, probabilities per head sum to one, a bad file is a row, not a crash
        List<ManifestEntry> test = ManifestCsv.read(manifest).entries(Split.TEST);
        Path bad = Files.writeString(dir.resolve("broken.wav"), "not audio at all");
        CliRun pred = run("predict", "--model", runDir.resolve("model.aaec").toString(), test.get(0).path().toString(),
                test.get(1).path().toString(), bad.toString(), "--format", "json");
        assertEquals(3, pred.code(), "exit code 3: some files failed\n" + pred.err());
        JsonNode rows = JSON.readTree(pred.out());
        assertEquals(3, rows.size());
        for (int i = 0; i < 2; i++) {
            JsonNode p = rows.get(i).path("arousal").path("probabilities");
            double sum = 0;
            for (JsonNode v : p) {
                sum += v.asDouble();
            }
            assertEquals(1.0, sum, 1e-4);
            // the seconds the model heard: the clip's duration, cut at the model's length
            double duration = new org.aaec.audio.AudioLoader().load(test.get(i).path()).durationSeconds();
            assertEquals(Math.min(duration, 0.5), rows.get(i).path("seconds").asDouble(), 1e-3, rows.get(i).toString());
            assertTrue(rows.get(i).path("reliable").isBoolean(), rows.get(i).toString());
        }
        assertTrue(rows.get(2).path("error").asText().contains("broken.wav"), rows.get(2).toString());
        assertTrue(pred.err().contains("1 of 3 file(s) could not be read"), pred.err());

        CliRun csv = run("predict", "--model", runDir.resolve("model.aaec").toString(), test.get(0).path().toString());
        assertTrue(csv.out().startsWith("file,arousal,arousal_p_low,arousal_p_medium,arousal_p_high,valence,"
                + "valence_p_negative,valence_p_neutral,valence_p_positive,seconds,active_seconds,reliable,error\n"),
                "classes in reading order: "
                + csv.out());

        // the finished run is not overwritten by accident; --resume reports it again
        CliRun again = run("train", "--config", config.toString(), "--variant", "aaec_ori", "--seed", "3");
        assertEquals(1, again.code());
        assertTrue(again.err().contains("--resume"), again.err());
        CliRun resumed = run("train", "--config", config.toString(), "--variant", "aaec_ori", "--seed", "3",
                "--resume");
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(metrics.path("test"), JSON.readTree(runDir.resolve("metrics.json").toFile()).path("test"));
        // results depend on the engine's thread count: a resume with another one is refused, saying how to go on
        CliRun otherThreads = run("train", "--config", config.toString(), "--variant", "aaec_ori", "--seed", "3",
                "--resume", "--set", "threads=7");
        assertEquals(1, otherThreads.code(), otherThreads.err());
        assertTrue(otherThreads.err().contains("resume with --set threads="), otherThreads.err());
    }

    @Test
    void melBandsAreTheInputOfEveryNetworkAndTravelInTheModelFile(@TempDir Path dir) throws Exception {
        Path manifest = TinyCorpus.emodb(dir, 6);
        Path config = Files.writeString(dir.resolve("mel.yaml"), String.join("\n",
                "name: mel",
                "data:",
                "  manifest: " + manifest,
                "  store: " + dir.resolve("store"),
                "features:",
                "  maxSeconds: 0.5",
                "  mels: 24",
                "schedule:",
                "  preset: smoke",
                "out: " + dir.resolve("runs"), ""));
        CliRun train = run("train", "--config", config.toString(), "--variant", "aaec", "--seed", "1");
        assertEquals(0, train.code(), train.err());
        Path runDir = dir.resolve("runs/mel/aaec/seed-1");
        ModelFile.Contents model = ModelFile.read(runDir.resolve("model.aaec"));
        assertEquals(24, model.info().model().bins(), "F is the number of bands");
        assertEquals(24, model.info().normalization().mel().bands());
        JsonNode generator = JSON.readTree(Files.readAllLines(runDir.resolve("log.jsonl")).get(1)).path("generator");
        assertTrue(generator.path("reconstructionR2").isNumber(), "the decoder reconstructs bands: " + generator);

        JsonNode metrics = JSON.readTree(runDir.resolve("metrics.json").toFile());
        Path scores = dir.resolve("scores.json");
        CliRun eval = run("evaluate", "--model", runDir.resolve("model.aaec").toString(), "--manifest",
                runDir.resolve("manifest.csv").toString(), "--split", "test", "--json", scores.toString());
        assertEquals(0, eval.code(), eval.err());
        JsonNode evaluated = JSON.readTree(scores.toFile());
        for (int h = 0; h < 2; h++) {
            assertEquals(metrics.path("test").path("heads").get(h).path("confusion"),
                    evaluated.path("heads").get(h).path("confusion"), "the model file reproduces training's scores");
        }
    }

    @Test
    void configMistakesNameTheKey(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("c.yaml"), "schedule:\n  iteratoins: 3\n");
        CliRun r = run("train", "--config", config.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("iteratoins"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        CliRun v = run("train", "--config", config.toString(), "--variant", "aaec2");
        assertEquals(2, v.code());
        assertTrue(v.err().contains("unknown variant 'aaec2'"), v.err());
        CliRun missing = run("predict", "--model", dir.resolve("none.aaec").toString(), config.toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("none.aaec: file not found"), missing.err());
    }
}
