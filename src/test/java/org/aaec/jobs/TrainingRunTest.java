package org.aaec.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.aaec.data.Manifest;
import org.aaec.data.ManifestCsv;
import org.aaec.data.ManifestEntry;
import org.aaec.data.Split;
import org.aaec.io.FolderLock;
import org.aaec.serving.ModelFile;
import org.aaec.testutil.TinyCorpus;
import org.aaec.testutil.TinyRavdess;
import org.aaec.training.ConfigLoader;
import org.aaec.training.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A training run on pooled sources with an evaluation source, and the lock on its run folder. */
class TrainingRunTest {

    private static TrainConfig config(Path dir, String... extra) throws IOException {
        Path emodb = TinyCorpus.emodb(Files.createDirectories(dir.resolve("emo")), 4);
        Path ravdess = TinyRavdess.write(dir.resolve("rav.csv"), 4);
        Path file = Files.writeString(dir.resolve("pooled.yaml"), String.join("\n",
                "name: pooled",
                "data:",
                "  - name: emo",
                "    manifest: " + emodb,
                "    store: " + dir.resolve("stores/emo"),
                "  - name: rav",
                "    manifest: " + ravdess,
                "    store: " + dir.resolve("stores/rav"),
                "evaluate:",
                "  - name: rav-again",
                "    manifest: " + ravdess,
                "    store: " + dir.resolve("stores/rav"),
                "features:",
                "  maxSeconds: 0.5",
                "schedule:",
                "  preset: smoke",
                "out: " + dir.resolve("runs"),
                String.join("\n", extra), ""));
        return ConfigLoader.load(file, List.of());
    }

    @Test
    void pooledSourcesTrainTogetherWithSpeakersKeptApartAndAreScoredOnTheEvaluationSource(@TempDir Path dir)
            throws Exception {
        TrainingRun.Result r = TrainingRun.run(config(dir), TrainingRun.Options.quiet());

        assertEquals(List.of(8, 8, 8), List.of(r.splits()[0], r.splits()[1], r.splits()[2]), "4 clips per split "
                + "and source");
        Manifest used = ManifestCsv.read(r.dir().resolve("manifest.csv"));
        Set<String> prefixes = used.entries().stream().map(e -> e.id().substring(0, e.id().indexOf(':')))
                .collect(Collectors.toSet());
        assertEquals(Set.of("emo", "rav"), prefixes);
        // both corpora have a speaker "03", "08" and "09"; pooled, they stay six people
        assertEquals(6, used.speakers(null).size());
        for (Split a : Split.values()) {
            for (Split b : Split.values()) {
                if (a != b) {
                    Set<String> both = new java.util.HashSet<>(used.speakers(a));
                    both.retainAll(used.speakers(b));
                    assertTrue(both.isEmpty(), a + " and " + b + " share " + both);
                }
            }
        }
        JsonNode metrics = new ObjectMapper().readTree(r.dir().resolve("metrics.json").toFile());
        assertEquals(12, r.evaluated().get("rav-again").get(0).support(), "every clip of the evaluation source");
        assertTrue(metrics.path("evaluate").path("rav-again").has("combined"), metrics.toString());
        assertTrue(Files.isRegularFile(r.dir().resolve("normalization.json")), "the run keeps its own statistics");
        ModelFile.Contents model = ModelFile.read(r.model());
        assertTrue(model.info().trainedOn().contains("emo (") && model.info().trainedOn().contains("rav ("),
                model.info().trainedOn());
        // the stores stayed caches: nothing of this run in them
        for (String s : List.of("emo", "rav")) {
            assertFalse(Files.exists(dir.resolve("stores").resolve(s).resolve("manifest.csv")));
            assertFalse(Files.exists(dir.resolve("stores").resolve(s).resolve("normalization.json")));
        }
        List<ManifestEntry> test = used.entries(Split.TEST);
        assertEquals(8, test.size());
    }

    @Test
    void aRunFolderInUseIsRefusedNamingTheFolderAndItsHolder(@TempDir Path dir) throws Exception {
        TrainConfig c = config(dir);
        Path runDir = TrainingRun.runDir(c);
        try (FolderLock held = FolderLock.tryAcquire(runDir)) {
            IOException e = assertThrows(IOException.class, () -> TrainingRun.run(c, TrainingRun.Options.quiet()));
            assertTrue(e.getMessage().startsWith(runDir + " is being written by process "
                    + ProcessHandle.current().pid()), e.getMessage());
        }
        assertFalse(Files.exists(runDir.resolve("config.yaml")), "nothing was written while it was held");
    }

    @Test
    void aSplitWithoutValidationClipsIsAnError(@TempDir Path dir) throws Exception {
        TrainConfig c = config(dir);
        Path csv = Path.of(c.data().get(0).manifest());
        Manifest m = ManifestCsv.read(csv);
        ManifestCsv.write(m.map(e -> e.split() == Split.VALIDATION ? e.withSplit(Split.TRAIN) : e), csv);
        TrainConfig onlyEmo = ConfigLoader.load(dir.resolve("pooled.yaml"), List.of("data=[{manifest: " + csv
                + ", store: " + dir.resolve("stores/emo") + "}]", "evaluate=[]"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingRun.run(onlyEmo, TrainingRun.Options.quiet()));
        assertTrue(e.getMessage().contains("no validation clips"), e.getMessage());
    }
}
